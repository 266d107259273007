package vn.lgsp.hub.simulators.agency;

import java.time.Duration;
import java.util.List;
import vn.lgsp.hub.simulators.StandardFault;
import vn.lgsp.hub.simulators.WireMockSimulator;

/**
 * Provincial agencies whose document systems receive by push (docs/DOCUMENT-AXIS.md, last paragraph):
 * {@code POST /agencies/{organId}/documents} with the package as {@code application/xml} answers 202 the first time
 * and 200 for an idempotency key that agency has seen, recording nothing the second time. Any agency code is
 * accepted. Faults (for every agency or one), a down switch (likewise) and a reset from Java or over
 * {@code /__admin/agencies}.
 */
public final class AgencySimulator extends WireMockSimulator {

  /** Loopback only by default: a simulator has no business being reachable from the network. */
  public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
  /** Packages weigh megabytes, and WireMock's journal keeps each request's body. */
  private static final int JOURNAL_ENTRIES = 50;

  private final AgencyState state;

  /** Loopback; {@code port} 0 picks a free port. */
  public AgencySimulator(int port) {
    this(port, DEFAULT_BIND_ADDRESS);
  }

  public AgencySimulator(int port, String bindAddress) {
    this(port, bindAddress, new AgencyState());
  }

  private AgencySimulator(int port, String bindAddress, AgencyState state) {
    super(port, bindAddress, "agency", JOURNAL_ENTRIES, new AgencyStubs(), new AgencyTransformer(state),
        new AgencyAdminApi(state));
    this.state = state;
  }

  /** The push URL of agency {@code organId}. */
  public String pushUrl(String organId) {
    return baseUrl() + "/agencies/" + organId + "/documents";
  }

  /** What every agency accepted, in arrival order; repeated keys are not in it again. */
  public List<PushedDocument> received() {
    return state.received(null);
  }

  /** What agency {@code organId} accepted, in arrival order. */
  public List<PushedDocument> received(String organId) {
    return state.received(organId);
  }

  /** Pushes answered as duplicates. */
  public int duplicateCount() {
    return state.duplicateCount();
  }

  /** Every push, whatever its outcome. */
  public int callCount() {
    return state.faults().callCount();
  }

  /** The next {@code times} pushes, to any agency, fail that way and record nothing. */
  public void injectFault(StandardFault fault, int times) {
    state.faults().injectFault(fault, times, null);
  }

  /** The next {@code times} pushes to {@code organId} fail that way; pushes to others pass. */
  public void injectFault(StandardFault fault, int times, String organId) {
    state.faults().injectFault(fault, times, organId);
  }

  /** The next {@code times} pushes (to {@code organId}, or to any when null) are recorded at once, answered late. */
  public void injectDelay(Duration delay, int times, String organId) {
    state.faults().injectDelay(delay, times, organId);
  }

  /** While down, every push is answered HTTP 503 and pending injections wait. */
  public void setDown(boolean down) {
    state.faults().setDown(down, null);
  }

  /** While {@code organId} is down, pushes to it are answered HTTP 503; the others pass. */
  public void setDown(boolean down, String organId) {
    state.faults().setDown(down, organId);
  }

  /** Forgets packages, keys, counters and injections, and comes back up. */
  public void reset() {
    state.reset();
  }
}
