package vn.lgsp.hub.simulators.agency;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import vn.lgsp.hub.simulators.CallFaults;

/**
 * What the provincial agencies remember: the packages pushed to them, the idempotency keys each has seen (a key is
 * one agency's: the same key pushed to two agencies is two deliveries), counters and faults, scoped by agency code.
 * Shared by the handler, the admin API and the Java API, hence synchronised.
 */
final class AgencyState {

  private final CallFaults faults = new CallFaults();
  private final List<PushedDocument> received = new ArrayList<>();
  private final Set<String> keys = new HashSet<>();
  private int duplicates;

  CallFaults faults() {
    return faults;
  }

  /** Records what {@code record} makes unless {@code organId} has seen the key; true when it was recorded. */
  synchronized boolean receive(String organId, String idempotencyKey, Supplier<PushedDocument> record) {
    if (idempotencyKey != null && !keys.add(organId + '\n' + idempotencyKey)) {
      duplicates++;
      return false;
    }
    received.add(record.get());
    return true;
  }

  /** Everything accepted, or (when {@code organId} is not null) what that agency accepted, in arrival order. */
  synchronized List<PushedDocument> received(String organId) {
    return received.stream().filter(document -> organId == null || document.organId().equals(organId)).toList();
  }

  synchronized int duplicateCount() {
    return duplicates;
  }

  synchronized void reset() {
    received.clear();
    keys.clear();
    faults.reset();
    duplicates = 0;
  }
}
