package vn.lgsp.hub.simulators;

import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the tests that talk to a running simulator: a fresh one on a free port before each test, stopped after it,
 * so that no test sees what another recorded or injected, and a client pointed at it.
 *
 * @param <S> the simulator under test
 * @param <C> the client the tests call it with
 */
public abstract class SimulatorTest<S extends Simulator, C> {

  protected S simulator;
  protected C client;

  private final Supplier<S> simulators;
  private final Function<String, C> clients;

  /** {@code clients} makes a client from the simulator's base URL. */
  protected SimulatorTest(Supplier<S> simulators, Function<String, C> clients) {
    this.simulators = simulators;
    this.clients = clients;
  }

  @BeforeEach
  protected final void startSimulator() {
    simulator = simulators.get();
    simulator.start();
    client = clients.apply(simulator.baseUrl());
  }

  @AfterEach
  protected final void stopSimulator() {
    simulator.stop();
  }
}
