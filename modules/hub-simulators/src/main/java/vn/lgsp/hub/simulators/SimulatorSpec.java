package vn.lgsp.hub.simulators;

import java.util.function.BiFunction;

/**
 * How {@link SimulatorsMain} starts one simulator: its label in the start-up line, the setting that
 * overrides its port, its default port and a factory.
 *
 * @param label       printed as {@code "<label> simulator: <url> (admin: /__admin)"}
 * @param portSetting system property or environment variable holding the port
 * @param defaultPort port used when the setting is absent
 * @param factory     builds the simulator from the resolved port and the settings
 */
public record SimulatorSpec(
    String label, String portSetting, int defaultPort, BiFunction<Integer, Settings, Simulator> factory) {

  Simulator create(Settings settings) {
    return factory.apply(settings.intValue(portSetting, defaultPort), settings);
  }
}
