package vn.lgsp.hub.simulators.portal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Queue of injections, each for a number of calls, consumed one per call in the order they were
 * added: {@code 503 ×2} then {@code DELAY ×1} makes calls 1-2 fail and call 3 slow. A queue keeps
 * scripted scenarios deterministic even when the hub calls concurrently.
 */
final class InjectionPlan {

  /** A pending injection and how many more calls it applies to. */
  record Step(Injection injection, int remaining) {
  }

  private final Deque<Step> steps = new ArrayDeque<>();

  synchronized void add(Injection injection, int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1, got " + times);
    }
    steps.addLast(new Step(injection, times));
  }

  /** The injection for the current call, if any; consumes one unit of it. */
  synchronized Optional<Injection> next() {
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
    return List.copyOf(new ArrayList<>(steps));
  }

  synchronized void clear() {
    steps.clear();
  }
}
