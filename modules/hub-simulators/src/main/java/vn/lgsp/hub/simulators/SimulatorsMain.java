package vn.lgsp.hub.simulators;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import vn.lgsp.hub.simulators.agency.AgencySimulator;
import vn.lgsp.hub.simulators.axis.AxisSimulator;
import vn.lgsp.hub.simulators.business.BusinessSimulator;
import vn.lgsp.hub.simulators.onestop.OneStopSimulator;
import vn.lgsp.hub.simulators.population.PopulationSimulator;
import vn.lgsp.hub.simulators.portal.PortalSimulator;

/**
 * Runs every simulator in one JVM until the process is stopped. Adding a simulator is one more
 * {@link SimulatorSpec} in {@link #SIMULATORS}.
 */
public final class SimulatorsMain {

  /** Interface to bind to; 127.0.0.1 by default, {@code 0.0.0.0} inside a container. */
  public static final String BIND_ADDRESS_SETTING = "SIM_BIND_ADDRESS";

  static final List<SimulatorSpec> SIMULATORS = List.of(
      new SimulatorSpec("Portal", "SIM_PORTAL_PORT", 18081, (port, settings) -> new PortalSimulator(
          port,
          settings.value("SIM_PORTAL_USERNAME", PortalSimulator.DEFAULT_USERNAME),
          settings.value("SIM_PORTAL_PASSWORD", PortalSimulator.DEFAULT_PASSWORD),
          settings.value(BIND_ADDRESS_SETTING, PortalSimulator.DEFAULT_BIND_ADDRESS))),
      new SimulatorSpec("Population", "SIM_POPULATION_PORT", 18082, (port, settings) -> new PopulationSimulator(
          port,
          settings.value(BIND_ADDRESS_SETTING, PopulationSimulator.DEFAULT_BIND_ADDRESS))),
      new SimulatorSpec("One-stop-shop", "SIM_ONESTOP_PORT", 18083, (port, settings) -> new OneStopSimulator(
          port,
          settings.value(BIND_ADDRESS_SETTING, OneStopSimulator.DEFAULT_BIND_ADDRESS))),
      new SimulatorSpec("Document axis", "SIM_AXIS_PORT", 18084, (port, settings) -> new AxisSimulator(
          port,
          settings.value("SIM_AXIS_SYSTEM_ID", AxisSimulator.DEFAULT_SYSTEM_ID),
          settings.value("SIM_AXIS_SECRET", AxisSimulator.DEFAULT_SECRET),
          settings.value(BIND_ADDRESS_SETTING, AxisSimulator.DEFAULT_BIND_ADDRESS))),
      new SimulatorSpec("Agency push", "SIM_AGENCY_PORT", 18085, (port, settings) -> new AgencySimulator(
          port,
          settings.value(BIND_ADDRESS_SETTING, AgencySimulator.DEFAULT_BIND_ADDRESS))),
      // 18085 is the agency push simulator's, which config/agencies.yml names
      new SimulatorSpec("Business registration", "SIM_BUSINESS_PORT", 18086, (port, settings) -> new BusinessSimulator(
          port,
          settings.value(BIND_ADDRESS_SETTING, BusinessSimulator.DEFAULT_BIND_ADDRESS)))
      // scripts/new-connector adds a connector's simulator above this line
  );

  private SimulatorsMain() {
  }

  public static void main(String[] args) throws InterruptedException {
    List<Simulator> running = startAll(Settings.fromSystem(), System.out);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stopAll(running);
      stopped.countDown();
    }, "simulators-shutdown"));
    stopped.await();
  }

  /**
   * Starts all simulators and prints one line per simulator. If one fails to start, those already
   * started are stopped so that no port stays bound by a half-started run.
   */
  public static List<Simulator> startAll(Settings settings, PrintStream out) {
    List<Simulator> started = new ArrayList<>();
    try {
      for (SimulatorSpec spec : SIMULATORS) {
        Simulator simulator = spec.create(settings);
        simulator.start();
        started.add(simulator);
        out.println(spec.label() + " simulator: " + simulator.baseUrl() + " (admin: /__admin)");
      }
    } catch (RuntimeException e) {
      stopAll(started);
      throw e;
    }
    return Collections.unmodifiableList(started);
  }

  /** Stops in reverse start order; a failing stop does not keep the others running. */
  public static void stopAll(List<Simulator> simulators) {
    for (int i = simulators.size() - 1; i >= 0; i--) {
      try {
        simulators.get(i).stop();
      } catch (RuntimeException e) {
        System.getLogger(SimulatorsMain.class.getName())
            .log(System.Logger.Level.WARNING, "stopping a simulator failed: " + e.getClass().getName());
      }
    }
  }
}
