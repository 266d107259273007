package vn.lgsp.hub.simulators;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Base of the simulators' transformers, which hold their behaviour: a name for the simulator's stubs to refer to,
 * the state it shares with the Java and admin APIs, and a logger named after the concrete class.
 *
 * <p>A transformer never applies globally: it answers only the stubs that name it, so that a stub someone adds
 * through WireMock's own API for the same path gets its plain response, the escape hatch for one-off scenarios.
 *
 * @param <S> what the transformer reads or changes on every call
 */
public abstract class SimulatorTransformer<S> implements ResponseDefinitionTransformerV2 {

  /** Where the hub puts a delivery's idempotency key, whichever system it delivers to. */
  protected static final String IDEMPOTENCY_HEADER = "X-Idempotency-Key";
  /** Where the hub puts the identifier that follows one exchange through its logs. */
  protected static final String CORRELATION_HEADER = "X-Correlation-Id";

  protected final S state;
  protected final System.Logger log = System.getLogger(getClass().getName());

  private final String name;

  protected SimulatorTransformer(String name, S state) {
    this.name = Objects.requireNonNull(name, "name");
    this.state = Objects.requireNonNull(state, "state");
  }

  /** The answer to one request, built from the request alone: no stub of a simulator carries a response. */
  protected abstract ResponseDefinition answer(LoggedRequest request);

  /** The header's value, trimmed; null when it is absent or blank. */
  protected static String header(LoggedRequest request, String name) {
    String value = request.getHeader(name);
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** Whether the request declares an XML body: {@code application/xml}, {@code text/xml} or {@code ...+xml}. */
  protected static boolean declaresXml(LoggedRequest request) {
    String type = header(request, "Content-Type");
    if (type == null) {
      return false;
    }
    String mime = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return mime.equals("application/xml") || mime.equals("text/xml") || mime.endsWith("+xml");
  }

  /** The decoded segments of the request's path, without the empty one before the first slash. */
  protected static List<String> pathSegments(LoggedRequest request) {
    String path = request.getUrl().split("\\?", 2)[0];
    return Arrays.stream((path.startsWith("/") ? path.substring(1) : path).split("/", -1))
        .map(SimulatorTransformer::decode)
        .toList();
  }

  private static String decode(String segment) {
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return segment;
    }
  }

  @Override
  public final String getName() {
    return name;
  }

  @Override
  public final boolean applyGlobally() {
    return false;
  }

  @Override
  public final ResponseDefinition transform(ServeEvent serveEvent) {
    return answer(serveEvent.getRequest());
  }
}
