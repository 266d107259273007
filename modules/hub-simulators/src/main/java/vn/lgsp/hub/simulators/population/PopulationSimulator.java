package vn.lgsp.hub.simulators.population;

import java.time.Duration;
import java.util.List;
import vn.lgsp.hub.simulators.WireMockSimulator;

/**
 * The national population database (CSDLQG dân cư) as the hub's population connector sees it through the LGSP: a
 * SOAP 1.1 endpoint at {@code /ws/population} answering {@code XacThucThongTinCongDan} and
 * {@code TraCuuThongTinCongDan} from a synthetic set of Thanh Hóa citizens, its WSDL at
 * {@code GET /ws/population?wsdl}, and faults switchable from Java or over {@code /__admin/population}.
 */
public final class PopulationSimulator extends WireMockSimulator {

  /** Loopback only by default: a simulator has no business being reachable from the network. */
  public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
  public static final String SERVICE_PATH = "/ws/population";

  private final PopulationState state;

  /** Loopback; {@code port} 0 picks a free port. */
  public PopulationSimulator(int port) {
    this(port, DEFAULT_BIND_ADDRESS);
  }

  public PopulationSimulator(int port, String bindAddress) {
    this(port, bindAddress, new PopulationState(), CitizenRegistry.load());
  }

  private PopulationSimulator(int port, String bindAddress, PopulationState state, CitizenRegistry citizens) {
    super(port, bindAddress, "population",
        new PopulationStubs(),
        new PopulationSoapTransformer(state, citizens),
        new PopulationWsdlTransformer(),
        new PopulationAdminApi(state, citizens));
    this.state = state;
  }

  /** The SOAP endpoint, for the connector's address. */
  public String serviceUrl() {
    return baseUrl() + SERVICE_PATH;
  }

  /** Every call to the SOAP endpoint, whatever its outcome, faults included. */
  public int callCount() {
    return state.callCount();
  }

  /**
   * The operation of each call, oldest first ({@code XacThucThongTinCongDan}, {@code TraCuuThongTinCongDan}, or
   * {@code UNKNOWN}); no personal data.
   */
  public List<String> operationsCalled() {
    return state.operations();
  }

  /** Forgets calls and pending injections. */
  public void reset() {
    state.reset();
  }

  /** The next {@code times} calls fail that way, whatever they ask. */
  public void injectFault(PopulationFault fault, int times) {
    state.injectFault(fault, times);
  }

  /** The next {@code times} calls are answered normally but only after {@code delay}. */
  public void injectDelay(Duration delay, int times) {
    state.injectDelay(delay, times);
  }
}
