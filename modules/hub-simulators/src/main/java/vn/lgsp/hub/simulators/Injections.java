package vn.lgsp.hub.simulators;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Queue of injections ({@code I}: a simulator's fault, delay, ...), each for a number of calls, consumed one per
 * call in the order they were added: {@code 503 ×2} then {@code DELAY ×1} makes calls 1-2 fail and call 3 slow.
 * A queue keeps scripted scenarios deterministic even when the hub calls concurrently.
 */
public final class Injections<I> {

  /** A pending injection and how many more calls it applies to. */
  public record Step<I>(I injection, int remaining) {
  }

  private final List<Step<I>> steps = new ArrayList<>();

  public synchronized void add(I injection, int times) {
    Objects.requireNonNull(injection, "injection");
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1, got " + times);
    }
    steps.add(new Step<>(injection, times));
  }

  /** The injection for the current call, if any; consumes one unit of it. */
  public synchronized Optional<I> next() {
    return next(injection -> true);
  }

  /**
   * The first injection that {@code applies} to the current call, if any; consumes one unit of it. Those it passes
   * over stay queued in their order: a simulator uses this for injections aimed at one operation or one agency.
   */
  public synchronized Optional<I> next(Predicate<? super I> applies) {
    for (int i = 0; i < steps.size(); i++) {
      Step<I> step = steps.get(i);
      if (applies.test(step.injection())) {
        if (step.remaining() > 1) {
          steps.set(i, new Step<>(step.injection(), step.remaining() - 1));
        } else {
          steps.remove(i);
        }
        return Optional.of(step.injection());
      }
    }
    return Optional.empty();
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
