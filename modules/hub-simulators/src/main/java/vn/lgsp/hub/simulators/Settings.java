package vn.lgsp.hub.simulators;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Settings of the standalone run: a system property wins over an environment variable of the same
 * name, so a developer can override a container's environment from the command line.
 */
public final class Settings {

  private final UnaryOperator<String> lookup;

  private Settings(UnaryOperator<String> lookup) {
    this.lookup = lookup;
  }

  /** System properties first, then the environment. */
  public static Settings fromSystem() {
    return new Settings(name -> {
      String value = System.getProperty(name);
      return value != null ? value : System.getenv(name);
    });
  }

  /** Fixed values, for tests. */
  public static Settings of(Map<String, String> values) {
    return new Settings(values::get);
  }

  public String value(String name, String defaultValue) {
    String value = lookup.apply(name);
    return value == null || value.isBlank() ? defaultValue : value.trim();
  }

  public int intValue(String name, int defaultValue) {
    String value = value(name, null);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a port number, got '" + value + "'", e);
    }
  }
}
