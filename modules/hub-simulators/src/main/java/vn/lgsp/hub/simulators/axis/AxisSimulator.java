package vn.lgsp.hub.simulators.axis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.lgsp.hub.simulators.StandardFault;
import vn.lgsp.hub.simulators.WireMockSimulator;

/**
 * The national document axis (trục liên thông văn bản quốc gia) as {@code docs/DOCUMENT-AXIS.md} describes it: send,
 * received list, fetch, transport status and agency list under {@code /vxp}, authenticated by {@code systemid} and
 * {@code secret} headers. It carries what the hub sends to every recipient named in the package, and packages "from
 * elsewhere" put in its inbox from Java or over {@code /__admin/axis/inbox}. Faults (for every operation or one), a
 * down switch and a reset from Java or over {@code /__admin/axis}.
 */
public final class AxisSimulator extends WireMockSimulator {

  public static final String DEFAULT_SYSTEM_ID = "lgsp-h56";
  public static final String DEFAULT_SECRET = "axis-secret";
  /** Loopback only by default: a simulator has no business being reachable from the network. */
  public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
  public static final String ROOT_PATH = "/vxp";
  /** Packages weigh megabytes, and WireMock's journal keeps each request's body. */
  private static final int JOURNAL_ENTRIES = 50;

  private final AxisState state;

  /** Loopback, default credentials; {@code port} 0 picks a free port. */
  public AxisSimulator(int port) {
    this(port, DEFAULT_SYSTEM_ID, DEFAULT_SECRET, DEFAULT_BIND_ADDRESS);
  }

  public AxisSimulator(int port, String systemId, String secret, String bindAddress) {
    this(port, systemId, secret, bindAddress, new AxisState());
  }

  private AxisSimulator(int port, String systemId, String secret, String bindAddress, AxisState state) {
    super(port, bindAddress, "axis", JOURNAL_ENTRIES, new AxisStubs(),
        new AxisTransformer(state, Objects.requireNonNull(systemId, "systemId"),
            Objects.requireNonNull(secret, "secret")),
        new AxisAdminApi(state));
    this.state = state;
  }

  /** What the hub sent, in arrival order; repeated keys are not in it again. */
  public List<SentPackage> sent() {
    return state.sent();
  }

  /**
   * A package from elsewhere ({@code from}) for the provincial agency {@code to}: listed by {@code received} for
   * {@code to} from now on.
   *
   * @param messageType {@code edoc} or {@code status}
   * @throws IllegalArgumentException when an argument is blank or invalid, or {@code xml} is not readable
   */
  public InboxDelivery deliverToProvince(String to, String from, String messageType, String xml) {
    return deliverToProvince(to, from, messageType, xml.getBytes(StandardCharsets.UTF_8));
  }

  /** As {@link #deliverToProvince(String, String, String, String)}, the package as bytes in its own encoding. */
  public InboxDelivery deliverToProvince(String to, String from, String messageType, byte[] xml) {
    return state.deliver(to, from, messageType, xml.clone());
  }

  /** Transport acknowledgements received, in arrival order. */
  public List<TransportAck> acks() {
    return state.acks();
  }

  /** The agency list {@code GET /vxp/agencies} answers. */
  public List<Map<String, Object>> agencies() {
    return state.agencies();
  }

  /** The next {@code times} calls, whatever the operation, fail that way and record nothing. */
  public void injectFault(StandardFault fault, int times) {
    state.faults().injectFault(fault, times, null);
  }

  /** The next {@code times} calls to {@code operation} fail that way; calls to others pass. */
  public void injectFault(StandardFault fault, int times, AxisOperation operation) {
    state.faults().injectFault(fault, times, operation.scope());
  }

  /** The next {@code times} calls are processed at once but answered only after {@code delay}. */
  public void injectDelay(Duration delay, int times) {
    state.faults().injectDelay(delay, times, null);
  }

  /** As {@link #injectDelay(Duration, int)}, for calls to {@code operation} only. */
  public void injectDelay(Duration delay, int times, AxisOperation operation) {
    state.faults().injectDelay(delay, times, operation.scope());
  }

  /** While down, every call is answered HTTP 503 and pending injections wait. */
  public void setDown(boolean down) {
    state.faults().setDown(down, null);
  }

  /** While {@code operation} is down, its calls are answered HTTP 503; the others pass. */
  public void setDown(boolean down, AxisOperation operation) {
    state.faults().setDown(down, operation.scope());
  }

  /** Sends answered as duplicates. */
  public int duplicateCount() {
    return state.duplicateCount();
  }

  /** Every call to {@code /vxp}, whatever its outcome. */
  public int callCount() {
    return state.faults().callCount();
  }

  /** Calls to {@code operation}, whatever their outcome. */
  public int callCount(AxisOperation operation) {
    return state.faults().callCount(operation.scope());
  }

  /** Forgets packages, entries, acknowledgements, keys, counters and injections, and comes back up. */
  public void reset() {
    state.reset();
  }
}
