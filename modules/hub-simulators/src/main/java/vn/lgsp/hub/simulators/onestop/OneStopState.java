package vn.lgsp.hub.simulators.onestop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import vn.lgsp.hub.simulators.Injections;

/**
 * What the one-stop-shop remembers: accepted dossiers, the receipt issued for each idempotency key, counters, the
 * down switch and the queue of injections. Shared by the handler, the admin API and the Java API, hence synchronised.
 */
final class OneStopState {

  /** A fault or a delay for one call; exactly one of the two is set. */
  record Injection(OneStopFault fault, Duration delay) {
    String kind() {
      return fault != null ? fault.name() : "DELAY";
    }
  }

  /** The answer to one delivery. */
  record Receipt(String number, boolean duplicate) {
  }

  private final List<ReceivedDossier> received = new ArrayList<>();
  private final Map<String, String> receiptsByKey = new HashMap<>();
  private final Injections<Injection> injections = new Injections<>();
  private int calls;
  private int duplicates;
  private int issued;
  private boolean down;

  synchronized void injectFault(OneStopFault fault, int times) {
    injections.add(new Injection(Objects.requireNonNull(fault, "fault"), null), times);
  }

  synchronized void injectDelay(Duration delay, int times) {
    injections.add(new Injection(null, Injections.checkedDelay(delay)), times);
  }

  synchronized void setDown(boolean down) {
    this.down = down;
  }

  synchronized boolean isDown() {
    return down;
  }

  /**
   * Counts one call and says what applies to it: empty for a normal call, else the injection it consumes. While the
   * switch is down every call is a 503 and the queue is left alone.
   */
  synchronized Optional<Injection> call() {
    calls++;
    return down ? Optional.of(new Injection(OneStopFault.HTTP_503, null)) : injections.next();
  }

  /**
   * Accepts a delivery unless its key was accepted before, in which case the first receipt number is returned again
   * and nothing is recorded.
   */
  synchronized Receipt receive(String idempotencyKey, Function<String, ReceivedDossier> record) {
    String known = idempotencyKey == null ? null : receiptsByKey.get(idempotencyKey);
    if (known != null) {
      duplicates++;
      return new Receipt(known, true);
    }
    String number = "BN-%06d".formatted(++issued);
    if (idempotencyKey != null) {
      receiptsByKey.put(idempotencyKey, number);
    }
    received.add(record.apply(number));
    return new Receipt(number, false);
  }

  synchronized List<ReceivedDossier> received() {
    return List.copyOf(received);
  }

  synchronized List<Injections.Step<Injection>> pending() {
    return injections.pending();
  }

  synchronized int callCount() {
    return calls;
  }

  synchronized int duplicateCount() {
    return duplicates;
  }

  synchronized void reset() {
    received.clear();
    receiptsByKey.clear();
    injections.clear();
    calls = 0;
    duplicates = 0;
    issued = 0;
    down = false;
  }
}
