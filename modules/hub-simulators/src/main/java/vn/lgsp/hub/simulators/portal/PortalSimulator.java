package vn.lgsp.hub.simulators.portal;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import vn.lgsp.hub.simulators.QuietNotifier;
import vn.lgsp.hub.simulators.Simulator;

/**
 * The national public-service portal (DVCQG) as the OpenCPS adapter sees it: {@code POST
 * /adapter/auth} for a session, {@code POST /adapter/api} for {@code DongBoHoSoMC} and
 * {@code CapNhatTienDoHoSoMC}. It records what it accepted, recognises repeated idempotency keys, and
 * can be told to fail, stall or reject the next calls, from Java or over {@code /__admin/portal}.
 */
public final class PortalSimulator implements Simulator {

  public static final String DEFAULT_USERNAME = "hub";
  public static final String DEFAULT_PASSWORD = "hub-secret";
  /** Loopback only by default: a simulator has no business being reachable from the network. */
  public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
  public static final String AUTH_PATH = "/adapter/auth";
  public static final String API_PATH = "/adapter/api";

  /** Bounds the memory held by WireMock's request journal during long load runs. */
  private static final int JOURNAL_ENTRIES = 1000;
  /** Enough Jetty threads for the hub's concurrent consumers while some replies are delayed. */
  private static final int CONTAINER_THREADS = 64;

  private final PortalState state = new PortalState();
  private final String bindAddress;
  private final WireMockServer server;

  /** Loopback, default credentials; {@code port} 0 picks a free port. */
  public PortalSimulator(int port) {
    this(port, DEFAULT_USERNAME, DEFAULT_PASSWORD);
  }

  public PortalSimulator(int port, String username, String password) {
    this(port, username, password, DEFAULT_BIND_ADDRESS);
  }

  public PortalSimulator(int port, String username, String password, String bindAddress) {
    this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
    this.server = new WireMockServer(wireMockConfig()
        .port(port)
        .bindAddress(bindAddress)
        .containerThreads(CONTAINER_THREADS)
        .maxRequestJournalEntries(JOURNAL_ENTRIES)
        .mappingSource(new NoMappingFiles())
        .notifier(new QuietNotifier("portal"))
        .extensions(
            new PortalStubs(),
            new PortalAuthTransformer(state, Objects.requireNonNull(username, "username"),
                Objects.requireNonNull(password, "password")),
            new PortalApiTransformer(state),
            new PortalAdminApi(state)));
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

  /** Accepted data items, oldest first; a snapshot. */
  public List<ReceivedCall> received() {
    return state.received();
  }

  /** Calls answered as duplicates because their idempotency key had been accepted before. */
  public int duplicateCount() {
    return state.duplicateCount();
  }

  /** Every call to {@code /adapter/api}, whatever its outcome, faults included. */
  public int callCount() {
    return state.callCount();
  }

  /** Successful logins; lets a test check that the client reuses its session. */
  public int loginCount() {
    return state.loginCount();
  }

  /** Forgets received items, counters, idempotency keys, sessions and pending faults. */
  public void reset() {
    state.reset();
  }

  /** The next {@code times} calls to {@code /adapter/api} fail that way and record nothing. */
  public void injectFault(PortalFault fault, int times) {
    state.injectFault(fault, times);
  }

  /**
   * The next {@code times} calls are processed normally but answered only after {@code delay}: the
   * data is recorded at once, as a real portal commits before a client's timeout fires.
   */
  public void injectDelay(Duration delay, int times) {
    state.injectDelay(delay, times);
  }

  /** The next {@code times} calls get the business rejection ({@code error_code "-1"}) and record nothing. */
  public void rejectNext(int times) {
    state.rejectNext(times);
  }

  /** Every session issued so far becomes invalid; clients must log in again. */
  public void expireSessions() {
    state.expireSessions();
  }

  /** The underlying server, for extra stubs or WireMock's verification API. */
  public WireMockServer wireMock() {
    return server;
  }
}
