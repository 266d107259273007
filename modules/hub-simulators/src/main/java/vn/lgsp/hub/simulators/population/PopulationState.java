package vn.lgsp.hub.simulators.population;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.lgsp.hub.simulators.Injections;

/**
 * What the simulator remembers: the operations called (names only, never personal data) and the queue of
 * injections, consumed one per call in the order they were added. Shared by the handlers, the admin API and the
 * Java API, which run on different threads, hence synchronised.
 */
final class PopulationState {

  private final List<String> operations = new ArrayList<>();
  private final Injections<PopulationInjection> injections = new Injections<>();

  synchronized void injectFault(PopulationFault fault, int times) {
    injections.add(new PopulationInjection.Fail(Objects.requireNonNull(fault, "fault")), times);
  }

  synchronized void injectDelay(Duration delay, int times) {
    injections.add(new PopulationInjection.Delay(Injections.checkedDelay(delay)), times);
  }

  /** Records one call and returns the injection that applies to it, if any, consuming one unit of it. */
  synchronized Optional<PopulationInjection> call(String operation) {
    operations.add(operation);
    return injections.next();
  }

  synchronized List<Injections.Step<PopulationInjection>> pending() {
    return injections.pending();
  }

  synchronized int callCount() {
    return operations.size();
  }

  synchronized List<String> operations() {
    return List.copyOf(operations);
  }

  synchronized void reset() {
    operations.clear();
    injections.clear();
  }
}
