package vn.lgsp.hub.simulators;

import com.github.tomakehurst.wiremock.common.Notifier;
import java.lang.System.Logger.Level;

/**
 * WireMock notifier that keeps only the first line of each message. WireMock's own reports (for
 * example the "Request was not matched" diff) continue with the request body, and bodies sent to
 * these simulators carry personal IDs and names that must never reach a log.
 */
public final class QuietNotifier implements Notifier {

  private static final int MAX_LENGTH = 200;

  private final System.Logger logger;

  public QuietNotifier(String name) {
    this.logger = System.getLogger("vn.lgsp.hub.simulators." + name + ".wiremock");
  }

  @Override
  public void info(String message) {
    logger.log(Level.DEBUG, () -> firstLine(message));
  }

  @Override
  public void error(String message) {
    logger.log(Level.WARNING, firstLine(message));
  }

  @Override
  public void error(String message, Throwable t) {
    // The throwable's type is enough to diagnose; its message may quote the payload.
    logger.log(Level.WARNING, firstLine(message) + " (" + t.getClass().getName() + ")");
  }

  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    String trimmed = message.strip();
    int end = trimmed.indexOf('\n');
    String line = end < 0 ? trimmed : trimmed.substring(0, end).strip();
    return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH) + "…";
  }
}
