package vn.lgsp.hub.simulators.portal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import vn.lgsp.hub.simulators.Injections;
import vn.lgsp.hub.simulators.population.CitizenRegistry;

/**
 * Everything the portal remembers. Shared by the request handlers, the admin API and the Java API,
 * which run on different threads.
 */
final class PortalState {

  private final Set<String> sessions = ConcurrentHashMap.newKeySet();
  private final Set<String> acceptedKeys = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedQueue<ReceivedCall> received = new ConcurrentLinkedQueue<>();
  private final AtomicInteger duplicates = new AtomicInteger();
  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicInteger logins = new AtomicInteger();
  private final Injections<Injection> plan = new Injections<>();
  private final PortalIntake intake = new PortalIntake();
  private final IntakeGenerator generator = new IntakeGenerator(new Supplier<>() {
    private CitizenRegistry loaded;

    @Override
    public synchronized CitizenRegistry get() {
      if (loaded == null) {
        loaded = CitizenRegistry.load();
      }
      return loaded;
    }
  });

  /** The dossiers submitted online, listed by {@code LayDanhSachHoSoTrucTuyen}. */
  PortalIntake intake() {
    return intake;
  }

  /** Generates {@code count} online dossiers from the population simulator's citizens and stores them. */
  List<Map<String, Object>> generateIntake(int count, long seed) {
    try {
      return intake.add(generator.generate(count, seed, intake));
    } catch (ApiRequest.Invalid e) {
      throw new IllegalStateException("a generated dossier was refused: " + e.getMessage(), e);
    }
  }

  /** Injections for the next calls to {@code /adapter/api}. */
  Injections<Injection> plan() {
    return plan;
  }

  void injectFault(PortalFault fault, int times) {
    plan.add(new Injection.Fail(Objects.requireNonNull(fault, "fault")), times);
  }

  void injectDelay(Duration delay, int times) {
    plan.add(new Injection.Delay(Injections.checkedDelay(delay)), times);
  }

  void rejectNext(int times) {
    plan.add(new Injection.Reject(), times);
  }

  String openSession() {
    logins.incrementAndGet();
    String session = UUID.randomUUID().toString();
    sessions.add(session);
    return session;
  }

  boolean isValidSession(String session) {
    return session != null && sessions.contains(session);
  }

  void expireSessions() {
    sessions.clear();
  }

  void countCall() {
    calls.incrementAndGet();
  }

  boolean isAlreadyAccepted(String idempotencyKey) {
    return idempotencyKey != null && acceptedKeys.contains(idempotencyKey);
  }

  /**
   * Records the items of one call unless its key was accepted meanwhile by a concurrent call.
   * Synchronised so that the key check and the append are one step and the items of one call stay
   * together in the received list.
   *
   * @return false when the call is a duplicate (and has been counted as one)
   */
  synchronized boolean accept(String idempotencyKey, List<ReceivedCall> items) {
    if (idempotencyKey != null && !acceptedKeys.add(idempotencyKey)) {
      duplicates.incrementAndGet();
      return false;
    }
    received.addAll(items);
    return true;
  }

  void countDuplicate() {
    duplicates.incrementAndGet();
  }

  /** Synchronised with {@link #accept} so a snapshot never holds half of a call's items. */
  synchronized List<ReceivedCall> received() {
    return List.copyOf(received);
  }

  int duplicateCount() {
    return duplicates.get();
  }

  int callCount() {
    return calls.get();
  }

  int loginCount() {
    return logins.get();
  }

  synchronized void reset() {
    plan.clear();
    intake.reset();
    sessions.clear();
    acceptedKeys.clear();
    received.clear();
    duplicates.set(0);
    calls.set(0);
    logins.set(0);
  }
}
