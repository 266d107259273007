package vn.lgsp.hub.simulators.lookup;

import com.github.tomakehurst.wiremock.extension.Extension;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import vn.lgsp.hub.simulators.CallFaults;
import vn.lgsp.hub.simulators.StandardFault;
import vn.lgsp.hub.simulators.WireMockSimulator;

/**
 * A national register that answers one synchronous lookup by key, as a {@link LookupContract} describes it: 200 with
 * the record, 404 for an unknown key, 400 for a malformed one, 401 without the API key. Faults ({@link StandardFault},
 * delays), a down switch and a reset from Java or over {@code /__admin/<code>}. The shape behind
 * {@code scripts/new-connector}'s simulator stubs: a new register is a contract and its records.
 */
public class LookupSimulator extends WireMockSimulator {

  /** Loopback only by default: a simulator has no business being reachable from the network. */
  public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
  /** The scope name of the only operation, for faults aimed at it. */
  public static final String OPERATION = "lookup";

  private final LookupContract contract;
  private final CallFaults faults;

  protected LookupSimulator(int port, String bindAddress, LookupContract contract) {
    this(port, bindAddress, contract, new CallFaults(), new Extension[0]);
  }

  /** As above, with more WireMock extensions: endpoints of the register beyond its lookup. */
  protected LookupSimulator(int port, String bindAddress, LookupContract contract, Extension... more) {
    this(port, bindAddress, contract, new CallFaults(), more);
  }

  private LookupSimulator(int port, String bindAddress, LookupContract contract, CallFaults faults,
      Extension[] more) {
    super(port, bindAddress, contract.code(), Stream.concat(Stream.of(new LookupStubs(contract),
        new LookupTransformer(contract, faults), new LookupAdminApi(contract, faults)), Stream.of(more))
        .toArray(Extension[]::new));
    this.contract = contract;
    this.faults = faults;
  }

  /** The URL of the record with {@code key}. */
  public String recordUrl(String key) {
    return baseUrl() + contract.pathPrefix() + "/" + key;
  }

  /** The records it knows, by key. */
  public Map<String, Map<String, Object>> records() {
    return contract.records();
  }

  /** Every lookup, whatever its outcome. */
  public int callCount() {
    return faults.callCount();
  }

  /** The next {@code times} lookups fail that way. */
  public void injectFault(StandardFault fault, int times) {
    faults.injectFault(fault, times, null);
  }

  /** The next {@code times} lookups are answered {@code delay} late. */
  public void injectDelay(Duration delay, int times) {
    faults.injectDelay(delay, times, null);
  }

  /** While down, every lookup is answered HTTP 503 and pending injections wait. */
  public void setDown(boolean down) {
    faults.setDown(down, null);
  }

  /** Forgets injections, counters and WireMock's journal of requests, and comes back up. */
  public void reset() {
    faults.reset();
    wireMock().resetRequests();
  }
}
