package vn.lgsp.hub.simulators;

/**
 * A stand-in for one national system. Each runs its own WireMock server so that it can be
 * started, faulted and reset independently of the others, in-process or from {@link SimulatorsMain}.
 */
public interface Simulator extends AutoCloseable {

  /** Starts listening; the port is known afterwards. */
  void start();

  /** Stops listening and frees the port. */
  void stop();

  /** The port actually bound (useful when the simulator was created with port 0). */
  int port();

  /** Loopback URL of the simulator, without a trailing slash. */
  String baseUrl();

  @Override
  default void close() {
    stop();
  }
}
