package vn.lgsp.hub.simulators.portal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.lgsp.hub.simulators.WireMockSimulator;

/**
 * The national public-service portal (DVCQG) as the OpenCPS adapter sees it: {@code POST
 * /adapter/auth} for a session, {@code POST /adapter/api} for {@code DongBoHoSoMC} and
 * {@code CapNhatTienDoHoSoMC}, and lists online dossiers with {@code LayDanhSachHoSoTrucTuyen} (an assumed service,
 * see {@link PortalIntake}). It records what it accepted, recognises repeated idempotency keys, and
 * can be told to fail, stall or reject the next calls, from Java or over {@code /__admin/portal}.
 */
public final class PortalSimulator extends WireMockSimulator {

  public static final String DEFAULT_USERNAME = "hub";
  public static final String DEFAULT_PASSWORD = "hub-secret";
  /** Loopback only by default: a simulator has no business being reachable from the network. */
  public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
  public static final String AUTH_PATH = "/adapter/auth";
  public static final String API_PATH = "/adapter/api";

  private final PortalState state;

  /** Loopback, default credentials; {@code port} 0 picks a free port. */
  public PortalSimulator(int port) {
    this(port, DEFAULT_USERNAME, DEFAULT_PASSWORD);
  }

  public PortalSimulator(int port, String username, String password) {
    this(port, username, password, DEFAULT_BIND_ADDRESS);
  }

  public PortalSimulator(int port, String username, String password, String bindAddress) {
    this(port, username, password, bindAddress, new PortalState());
  }

  private PortalSimulator(int port, String username, String password, String bindAddress, PortalState state) {
    super(port, bindAddress, "portal",
        new PortalStubs(),
        new PortalAuthTransformer(state, Objects.requireNonNull(username, "username"),
            Objects.requireNonNull(password, "password")),
        new PortalApiTransformer(state),
        new PortalAdminApi(state));
    this.state = state;
  }

  /** Accepted data items, oldest first; a snapshot. */
  public List<ReceivedCall> received() {
    return state.received();
  }

  /** Calls answered as duplicates because their idempotency key had been accepted before. */
  public int duplicateCount() {
    return state.duplicateCount();
  }

  /** Every call to {@code /adapter/api} but the intake listing, whatever its outcome, faults included. */
  public int callCount() {
    return state.callCount();
  }

  /** Successful logins; lets a test check that the client reuses its session. */
  public int loginCount() {
    return state.loginCount();
  }

  /** Forgets received items, online dossiers, counters, idempotency keys, sessions and pending faults. */
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

  /** Drops every pending fault, delay and rejection: the portal answers normally again (a drill's outage ends). */
  public void clearInjections() {
    state.plan().clear();
  }

  /** The next {@code times} calls get the business rejection ({@code error_code "-1"}) and record nothing. */
  public void rejectNext(int times) {
    state.rejectNext(times);
  }

  /**
   * Adds online dossiers in the portal's wire form (see {@link PortalIntake} for the assumed listing service); an
   * item without {@code NgayCapNhat} is stamped with a time later than everything stored. An item with a known
   * {@code MaHoSo} replaces the earlier one.
   *
   * @return the items as stored
   * @throws IllegalArgumentException when an item has no {@code MaHoSo} or an unreadable {@code NgayCapNhat}
   */
  public List<Map<String, Object>> addIntake(List<Map<String, Object>> items) {
    try {
      return state.intake().add(items);
    } catch (ApiRequest.Invalid e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * Makes up {@code count} online building-permit dossiers whose applicants are citizens of the population
   * simulator (ID, name and date of birth as it holds them), stores them and returns them.
   */
  public List<Map<String, Object>> generateIntake(int count, long seed) {
    return state.generateIntake(count, seed);
  }

  /** The stored online dossiers, in listing order ({@code NgayCapNhat}, then {@code MaHoSo}). */
  public List<Map<String, Object>> intake() {
    return state.intake().all();
  }

  /** Calls to the listing service {@code LayDanhSachHoSoTrucTuyen}; not part of {@link #callCount()}. */
  public int intakeListCount() {
    return state.intake().listCallCount();
  }

  /** Every session issued so far becomes invalid; clients must log in again. */
  public void expireSessions() {
    state.expireSessions();
  }
}
