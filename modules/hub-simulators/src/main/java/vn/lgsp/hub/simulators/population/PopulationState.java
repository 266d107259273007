package vn.lgsp.hub.simulators.population;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the simulator remembers: the operations called (names only, never personal data) and the queue of
 * injections, consumed one per call in the order they were added. Shared by the handlers, the admin API and the
 * Java API, which run on different threads, hence synchronised.
 */
final class PopulationState {

  /** A pending injection and how many more calls it applies to. */
  record Step(PopulationInjection injection, int remaining) {
  }

  private final List<String> operations = new ArrayList<>();
  private final Deque<Step> steps = new ArrayDeque<>();

  synchronized void injectFault(PopulationFault fault, int times) {
    add(new PopulationInjection.Fail(Objects.requireNonNull(fault, "fault")), times);
  }

  synchronized void injectDelay(Duration delay, int times) {
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative() || delay.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("delay must be between 0 and " + Integer.MAX_VALUE + " ms");
    }
    add(new PopulationInjection.Delay(delay), times);
  }

  private void add(PopulationInjection injection, int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1, got " + times);
    }
    steps.addLast(new Step(injection, times));
  }

  /** Records one call and returns the injection that applies to it, if any, consuming one unit of it. */
  synchronized Optional<PopulationInjection> call(String operation) {
    operations.add(operation);
    Step head = steps.pollFirst();
    if (head == null) {
      return Optional.empty();
    }
    if (head.remaining() > 1) {
      steps.addFirst(new Step(head.injection(), head.remaining() - 1));
    }
    return Optional.of(head.injection());
  }

  synchronized List<Step> pending() {
    return List.copyOf(steps);
  }

  synchronized int callCount() {
    return operations.size();
  }

  synchronized List<String> operations() {
    return List.copyOf(operations);
  }

  synchronized void reset() {
    operations.clear();
    steps.clear();
  }
}
