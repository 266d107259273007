package vn.lgsp.hub.simulators;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Queue of injections ({@code I}: a simulator's fault, delay, ...), each for a number of calls, consumed one per
 * call in the order they were added: {@code 503 ×2} then {@code DELAY ×1} makes calls 1-2 fail and call 3 slow.
 * A queue keeps scripted scenarios deterministic even when the hub calls concurrently.
 */
public final class Injections<I> {

  /** A pending injection and how many more calls it applies to. */
  public record Step<I>(I injection, int remaining) {
  }

  private final Deque<Step<I>> steps = new ArrayDeque<>();

  public synchronized void add(I injection, int times) {
    Objects.requireNonNull(injection, "injection");
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1, got " + times);
    }
    steps.addLast(new Step<>(injection, times));
  }

  /** The injection for the current call, if any; consumes one unit of it. */
  public synchronized Optional<I> next() {
    Step<I> head = steps.pollFirst();
    if (head == null) {
      return Optional.empty();
    }
    if (head.remaining() > 1) {
      steps.addFirst(new Step<>(head.injection(), head.remaining() - 1));
    }
    return Optional.of(head.injection());
  }

  public synchronized List<Step<I>> pending() {
    return List.copyOf(steps);
  }

  public synchronized void clear() {
    steps.clear();
  }

  /** Checks a delay to inject: not null, not negative, and expressible as {@code "delayMs"} over HTTP. */
  public static Duration checkedDelay(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative() || delay.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("delay must be between 0 and " + Integer.MAX_VALUE + " ms");
    }
    return delay;
  }
}
