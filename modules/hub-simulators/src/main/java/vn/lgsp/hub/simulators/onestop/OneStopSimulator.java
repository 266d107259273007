package vn.lgsp.hub.simulators.onestop;

import java.time.Duration;
import java.util.List;
import vn.lgsp.hub.simulators.WireMockSimulator;

/**
 * The provincial one-stop-shop (một cửa) as the hub's online-intake flow sees it: {@code POST /api/intake/dossiers}
 * with {@code {"dossier": …, "verification": …}} answers {@code 201 {"receiptNumber": "BN-000001"}} the first time
 * and {@code 200 {"receiptNumber": <the same>, "duplicate": true}} for an idempotency key it has seen, recording
 * nothing the second time. Faults and a down switch from Java or over {@code /__admin/onestop}.
 *
 * <p>The real one-stop-shops' intake APIs differ by vendor and none is published; this contract is the hub's own
 * proposal, the one {@code connector-onestop} speaks.
 */
public final class OneStopSimulator extends WireMockSimulator {

  /** Loopback only by default: a simulator has no business being reachable from the network. */
  public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
  public static final String DOSSIERS_PATH = "/api/intake/dossiers";

  private final OneStopState state;

  /** Loopback; {@code port} 0 picks a free port. */
  public OneStopSimulator(int port) {
    this(port, DEFAULT_BIND_ADDRESS);
  }

  public OneStopSimulator(int port, String bindAddress) {
    this(port, bindAddress, new OneStopState());
  }

  private OneStopSimulator(int port, String bindAddress, OneStopState state) {
    super(port, bindAddress, "onestop", new OneStopStubs(), new OneStopTransformer(state), new OneStopAdminApi(state));
    this.state = state;
  }

  /** Accepted dossiers, in arrival order; repeated keys are not in it. */
  public List<ReceivedDossier> received() {
    return state.received();
  }

  /** Deliveries answered as duplicates. */
  public int duplicateCount() {
    return state.duplicateCount();
  }

  /** Every call to the intake endpoint, whatever its outcome. */
  public int callCount() {
    return state.callCount();
  }

  /** Forgets dossiers, keys, counters and injections, and comes back up. */
  public void reset() {
    state.reset();
  }

  /** The next {@code times} calls fail that way and record nothing. */
  public void injectFault(OneStopFault fault, int times) {
    state.injectFault(fault, times);
  }

  /** The next {@code times} calls are recorded at once but answered only after {@code delay}. */
  public void injectDelay(Duration delay, int times) {
    state.injectDelay(delay, times);
  }

  /** While down, every call is answered HTTP 503 and pending injections wait. */
  public void setDown(boolean down) {
    state.setDown(down);
  }
}
