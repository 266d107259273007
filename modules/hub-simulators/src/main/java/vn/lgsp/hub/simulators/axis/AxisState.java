package vn.lgsp.hub.simulators.axis;

import com.github.tomakehurst.wiremock.common.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import vn.lgsp.hub.simulators.CallFaults;
import vn.lgsp.hub.simulators.edxml.PackageFacts;

/**
 * What the axis holds: every package it carries (sent by the hub or delivered from elsewhere), one entry per
 * (package, recipient) numbered by a sequence shared by all, the recipients' transport acknowledgements, what the hub
 * sent, the docId issued for each idempotency key, and the faults. Shared by the handler, the admin API and the Java
 * API, hence synchronised.
 */
final class AxisState {

  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  static final Set<String> MESSAGE_TYPES = Set.of("edoc", "status");
  static final Set<String> ACK_STATUSES = Set.of("done", "fail", "processing");

  /** The answer to one send. */
  record Receipt(String docId, boolean duplicate) {
  }

  /** A package the axis carries. */
  private record Carried(String from, String messagetype, byte[] body, Instant created, Set<String> recipients) {
  }

  /** One package waiting for one recipient. */
  private record Entry(long seq, String docId, String to) {
  }

  private final List<Map<String, Object>> agencies = loadAgencies();
  private final CallFaults faults = new CallFaults();
  private final Map<String, Carried> carried = new HashMap<>();
  private final List<Entry> entries = new ArrayList<>();
  private final Set<String> done = new HashSet<>();
  private final List<SentPackage> sent = new ArrayList<>();
  private final Map<String, String> docIdsByKey = new HashMap<>();
  private final List<TransportAck> acks = new ArrayList<>();
  private long seq;
  private int issued;
  private int duplicates;

  CallFaults faults() {
    return faults;
  }

  List<Map<String, Object>> agencies() {
    return agencies;
  }

  /**
   * Carries a package the hub sent to its recipients ({@code record} makes it from the docId issued), unless its key
   * was accepted before: then the first docId is returned again and nothing is recorded.
   */
  synchronized Receipt send(String idempotencyKey, Function<String, SentPackage> record) {
    String known = idempotencyKey == null ? null : docIdsByKey.get(idempotencyKey);
    if (known != null) {
      duplicates++;
      return new Receipt(known, true);
    }
    String docId = nextDocId();
    SentPackage sending = record.apply(docId);
    carry(docId, sending.from(), sending.messagetype(), sending.body(), sending.to());
    if (idempotencyKey != null) {
      docIdsByKey.put(idempotencyKey, docId);
    }
    sent.add(sending);
    return new Receipt(docId, false);
  }

  /**
   * Carries a package from elsewhere to one recipient.
   *
   * @throws IllegalArgumentException when {@code to} or {@code from} is blank, the type is neither {@code edoc} nor
   *                                  {@code status}, or the body is not a readable package
   */
  synchronized InboxDelivery deliver(String to, String from, String messagetype, byte[] body) {
    if (to == null || to.isBlank() || from == null || from.isBlank()) {
      throw new IllegalArgumentException("to and from are required");
    }
    if (!MESSAGE_TYPES.contains(messagetype)) {
      throw new IllegalArgumentException("messagetype must be edoc or status");
    }
    if (PackageFacts.scan(body).isEmpty()) {
      throw new IllegalArgumentException("the package is not readable XML");
    }
    String docId = nextDocId();
    return new InboxDelivery(docId, carry(docId, from, messagetype, body, List.of(to)));
  }

  private String nextDocId() {
    return "AX-%06d".formatted(++issued);
  }

  /** The seq of the package's first entry. */
  private long carry(String docId, String from, String messagetype, byte[] body, Collection<String> recipients) {
    carried.put(docId, new Carried(from, messagetype, body, Instant.now(), Set.copyOf(recipients)));
    long first = seq + 1;
    for (String to : recipients) {
      entries.add(new Entry(++seq, docId, to));
    }
    return first;
  }

  /** Entries for {@code organIds} after {@code after}, not acknowledged {@code done}, in seq order, at most {@code limit}. */
  synchronized List<Map<String, Object>> received(Set<String> organIds, long after, int limit) {
    List<Map<String, Object>> page = new ArrayList<>();
    for (Entry entry : entries) {
      if (page.size() == limit) {
        break;
      }
      if (entry.seq() > after && organIds.contains(entry.to()) && !done.contains(key(entry.docId(), entry.to()))) {
        Carried held = carried.get(entry.docId());
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("docId", entry.docId());
        item.put("seq", entry.seq());
        item.put("from", held.from());
        item.put("to", entry.to());
        item.put("messagetype", held.messagetype());
        item.put("created", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
            held.created().truncatedTo(ChronoUnit.SECONDS).atZone(VIETNAM).toOffsetDateTime()));
        page.add(item);
      }
    }
    return page;
  }

  /** The package, when {@code organId} is one of its recipients; acknowledged or not. */
  synchronized Optional<byte[]> fetch(String docId, String organId) {
    Carried held = carried.get(docId);
    return held != null && held.recipients().contains(organId) ? Optional.of(held.body()) : Optional.empty();
  }

  /**
   * Records a transport acknowledgement; {@code done} takes the entry out of {@code received} for good. False when
   * {@code organId} is not a recipient of {@code docId}.
   */
  synchronized boolean acknowledge(String docId, String organId, String status) {
    if (fetch(docId, organId).isEmpty()) {
      return false;
    }
    acks.add(new TransportAck(docId, organId, status, Instant.now()));
    if (status.equals("done")) {
      done.add(key(docId, organId));
    }
    return true;
  }

  synchronized List<SentPackage> sent() {
    return List.copyOf(sent);
  }

  synchronized List<TransportAck> acks() {
    return List.copyOf(acks);
  }

  synchronized int duplicateCount() {
    return duplicates;
  }

  synchronized void reset() {
    carried.clear();
    entries.clear();
    done.clear();
    sent.clear();
    docIdsByKey.clear();
    acks.clear();
    faults.reset();
    seq = 0;
    issued = 0;
    duplicates = 0;
  }

  private static String key(String docId, String organId) {
    return docId + '\n' + organId;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> loadAgencies() {
    try (InputStream in = AxisState.class.getResourceAsStream("agencies.json")) {
      if (in == null) {
        throw new IllegalStateException("agencies.json is missing");
      }
      List<Map<String, Object>> list = Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), List.class);
      return List.copyOf(list);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
