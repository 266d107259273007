package vn.lgsp.hub.connector.testkit;

import vn.lgsp.hub.simulators.WireMockSimulator;

/**
 * A bare WireMock server as a {@link vn.lgsp.hub.simulators.Simulator}, for a {@link SimulatorExtension} whose test
 * stubs every reply itself (exact SOAP faults, odd status lines) rather than use the system's simulator. Like the
 * simulators, it reads no mapping files and logs only the first line of WireMock's messages.
 */
public final class StubServer extends WireMockSimulator {

    /** Loopback; {@code port} 0 picks a free port. */
    public StubServer(int port) {
        super(port, "127.0.0.1", "stub");
    }

    /** Forgets stubs and requests. */
    public void reset() {
        wireMock().resetAll();
    }
}
