package vn.lgsp.hub.simulators.population;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import vn.lgsp.hub.simulators.QuietNotifier;
import vn.lgsp.hub.simulators.Simulator;
import vn.lgsp.hub.simulators.portal.NoMappingFiles;

/**
 * The national population database (CSDLQG dân cư) as the hub's population connector sees it through the LGSP: a
 * SOAP 1.1 endpoint at {@code /ws/population} answering {@code XacThucThongTinCongDan} and
 * {@code TraCuuThongTinCongDan} from a synthetic set of Thanh Hóa citizens, its WSDL at
 * {@code GET /ws/population?wsdl}, and faults switchable from Java or over {@code /__admin/population}.
 */
public final class PopulationSimulator implements Simulator {

  /** Loopback only by default: a simulator has no business being reachable from the network. */
  public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
  public static final String SERVICE_PATH = "/ws/population";

  private static final int JOURNAL_ENTRIES = 1000;
  private static final int CONTAINER_THREADS = 64;

  private final PopulationState state = new PopulationState();
  private final String bindAddress;
  private final WireMockServer server;

  /** Loopback; {@code port} 0 picks a free port. */
  public PopulationSimulator(int port) {
    this(port, DEFAULT_BIND_ADDRESS);
  }

  public PopulationSimulator(int port, String bindAddress) {
    this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
    CitizenRegistry citizens = CitizenRegistry.load();
    this.server = new WireMockServer(wireMockConfig()
        .port(port)
        .bindAddress(bindAddress)
        .containerThreads(CONTAINER_THREADS)
        .maxRequestJournalEntries(JOURNAL_ENTRIES)
        .mappingSource(new NoMappingFiles())
        .notifier(new QuietNotifier("population"))
        .extensions(
            new PopulationStubs(),
            new PopulationSoapTransformer(state, citizens),
            new PopulationWsdlTransformer(),
            new PopulationAdminApi(state, citizens)));
  }

  @Override
  public void start() {
    server.start();
  }

  @Override
  public void stop() {
    server.stop();
  }

  @Override
  public int port() {
    return server.port();
  }

  @Override
  public String baseUrl() {
    boolean wildcard = bindAddress.equals("0.0.0.0") || bindAddress.equals("::");
    String host = wildcard ? "127.0.0.1" : bindAddress;
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
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

  /** The underlying server, for extra stubs or WireMock's verification API. */
  public WireMockServer wireMock() {
    return server;
  }
}
