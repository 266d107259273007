package vn.lgsp.hub.simulators.portal;

import org.junit.jupiter.api.BeforeEach;
import vn.lgsp.hub.simulators.SimulatorTest;

/** Base of the portal tests that start with a session, as the hub has one after its first login. */
abstract class LoggedInPortalTest extends SimulatorTest<PortalSimulator, PortalClient> {

  /** The session issued for the default credentials; one login, counted by the simulator. */
  protected String session;

  LoggedInPortalTest() {
    super(() -> new PortalSimulator(0), PortalClient::new);
  }

  @BeforeEach
  void login() throws Exception {
    session = client.login();
  }
}
