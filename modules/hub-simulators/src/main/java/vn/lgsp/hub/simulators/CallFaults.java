package vn.lgsp.hub.simulators;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What decides the fate of each call to a simulator before it is processed: a down switch, for everything or for one
 * scope, and the queue of injections, each for every call or for one scope. A scope is whatever the simulator splits
 * its calls by (an operation, an agency); a call names its own. Counts the calls. Thread-safe.
 */
public final class CallFaults {

  /** A fault or a delay ({@code delay} set exactly when {@code fault} is not), for calls in {@code scope} or all. */
  public record Injection(StandardFault fault, Duration delay, String scope) {

    public String kind() {
      return fault != null ? fault.name() : FaultRequests.DELAY;
    }

    boolean appliesTo(String callScope) {
      return scope == null || scope.equals(callScope);
    }
  }

  private static final Injection DOWN = new Injection(StandardFault.HTTP_503, null, null);

  private final Injections<Injection> injections = new Injections<>();
  private final Set<String> downScopes = new TreeSet<>();
  private final Map<String, Integer> callsByScope = new HashMap<>();
  private boolean down;
  private int calls;

  /** The next {@code times} calls in {@code scope} (null: any call) fail that way. */
  public synchronized void injectFault(StandardFault fault, int times, String scope) {
    injections.add(new Injection(Objects.requireNonNull(fault, "fault"), null, scope), times);
  }

  /** The next {@code times} calls in {@code scope} (null: any call) are answered {@code delay} late. */
  public synchronized void injectDelay(Duration delay, int times, String scope) {
    injections.add(new Injection(null, Injections.checkedDelay(delay), scope), times);
  }

  /**
   * Down or up, for {@code scope} or (null) for everything. Everything up also brings every scope up; a scope brought
   * up stays down while everything is.
   */
  public synchronized void setDown(boolean down, String scope) {
    if (scope != null) {
      if (down) {
        downScopes.add(scope);
      } else {
        downScopes.remove(scope);
      }
    } else {
      this.down = down;
      if (!down) {
        downScopes.clear();
      }
    }
  }

  public synchronized boolean isDown() {
    return down;
  }

  /** The scopes down on their own. */
  public synchronized List<String> downScopes() {
    return List.copyOf(downScopes);
  }

  /**
   * Counts one call in {@code scope} and says what applies to it: empty for a normal call, else the injection it
   * consumes. While down (everything or its scope) a call is a 503 and the queue is left alone.
   */
  public synchronized Optional<Injection> call(String scope) {
    calls++;
    callsByScope.merge(String.valueOf(scope), 1, Integer::sum);
    if (down || downScopes.contains(scope)) {
      return Optional.of(DOWN);
    }
    return injections.next(injection -> injection.appliesTo(scope));
  }

  public synchronized List<Injections.Step<Injection>> pending() {
    return injections.pending();
  }

  /** Every call, whatever its outcome. */
  public synchronized int callCount() {
    return calls;
  }

  /** Calls in {@code scope}, whatever their outcome. */
  public synchronized int callCount(String scope) {
    return callsByScope.getOrDefault(String.valueOf(scope), 0);
  }

  /** Forgets injections and counts, and comes back up. */
  public synchronized void reset() {
    injections.clear();
    downScopes.clear();
    callsByScope.clear();
    down = false;
    calls = 0;
  }
}
