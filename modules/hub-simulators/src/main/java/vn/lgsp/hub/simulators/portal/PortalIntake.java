package vn.lgsp.hub.simulators.portal;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dossiers citizens submitted online, as the portal lists them to the hub. The real listing service is not
 * documented; this is the hub's working assumption, the one {@code connector-portal} speaks:
 *
 * <pre>
 * POST /adapter/api   (header "session", as for the other services)
 * {"service":"LayDanhSachHoSoTrucTuyen","madonvi":"…","tuThoiDiem":"yyyyMMddHHmmss" or "","sauMaHoSo":"…" or "",
 *  "soLuong":100}
 * → {"error_code":0,"message":"Thành công","data":[ … ]}
 * </pre>
 *
 * {@code data} holds the dossiers whose ({@code NgayCapNhat}, {@code MaHoSo}) comes strictly after
 * ({@code tuThoiDiem}, {@code sauMaHoSo}), ordered by {@code NgayCapNhat} then {@code MaHoSo}, at most
 * {@code soLuong}; an empty {@code tuThoiDiem} lists from the beginning. The pair is a cursor: many dossiers can share
 * a second, so the time alone would skip or repeat some at a page boundary. A dossier added again under the same
 * {@code MaHoSo} replaces the earlier one (the portal lists each dossier's current state), so an update shows up after
 * the cursor. {@code madonvi} is accepted and ignored. Items keep the form they were added in; dates in them may be
 * {@code yyyyMMddHHmmss}, {@code yyyy-MM-dd HH:mm:ss} or ISO-8601 with an offset, all local to Vietnam.
 */
final class PortalIntake {

  static final String LIST_SERVICE = "LayDanhSachHoSoTrucTuyen";
  static final int MAX_PAGE = 1000;

  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  static final DateTimeFormatter COMPACT =
      DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter SPACED =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

  /** The sort key of one stored item. */
  private record Key(LocalDateTime updatedAt, String dossierCode) implements Comparable<Key> {
    private static final Comparator<Key> ORDER =
        Comparator.comparing(Key::updatedAt).thenComparing(Key::dossierCode);

    @Override
    public int compareTo(Key other) {
      return ORDER.compare(this, other);
    }
  }

  private final TreeMap<Key, Map<String, Object>> items = new TreeMap<>();
  private final Map<String, Key> keysByCode = new LinkedHashMap<>();
  private LocalDateTime lastStamp = LocalDateTime.MIN;
  private int listCalls;
  private int sequence;

  static boolean isListCall(Object body) {
    return body instanceof Map<?, ?> map && LIST_SERVICE.equals(map.get("service"));
  }

  /**
   * Adds or replaces dossiers given in wire form. An item without {@code NgayCapNhat} is stamped with the current time
   * in Vietnam, strictly later than anything stored, so that consecutive additions come out in order.
   *
   * @return the items as stored, in the order given
   */
  synchronized List<Map<String, Object>> add(List<?> given) throws ApiRequest.Invalid {
    List<Map<String, Object>> checked = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      if (!(given.get(i) instanceof Map<?, ?> item) || !(item.get("MaHoSo") instanceof String code)
          || code.isBlank()) {
        throw new ApiRequest.Invalid("item " + i + " must be an object with a non-blank MaHoSo");
      }
      Object updated = item.get("NgayCapNhat");
      if (updated != null && !"".equals(updated) && parse(updated) == null) {
        throw new ApiRequest.Invalid(
            "item " + i + ": NgayCapNhat must be yyyyMMddHHmmss, yyyy-MM-dd HH:mm:ss or ISO-8601");
      }
      checked.add(copy(item));
    }
    List<Map<String, Object>> stored = new ArrayList<>();
    for (Map<String, Object> item : checked) {
      if (item.get("NgayCapNhat") == null || "".equals(item.get("NgayCapNhat"))) {
        item.put("NgayCapNhat", nextStamp().format(COMPACT));
      }
      store(item);
      stored.add(Collections.unmodifiableMap(item));
    }
    return stored;
  }

  /** A time for a new item: now, or a second after the latest stored item if that is later. */
  synchronized LocalDateTime nextStamp() {
    LocalDateTime now = LocalDateTime.now(VIETNAM).truncatedTo(ChronoUnit.SECONDS);
    LocalDateTime latest = items.isEmpty() ? lastStamp : max(lastStamp, items.lastKey().updatedAt());
    lastStamp = now.isAfter(latest) ? now : latest.plusSeconds(1);
    return lastStamp;
  }

  /** The next number for a generated dossier code. */
  synchronized int nextSequence() {
    return ++sequence;
  }

  synchronized boolean contains(String dossierCode) {
    return keysByCode.containsKey(dossierCode);
  }

  /** One page of the listing service; see the class comment. */
  synchronized List<Map<String, Object>> list(Object query) throws ApiRequest.Invalid {
    Map<?, ?> q = (Map<?, ?>) query;
    Object after = q.get("tuThoiDiem");
    Object afterCode = q.get("sauMaHoSo");
    Object limit = q.containsKey("soLuong") ? q.get("soLuong") : 100;
    if (!(limit instanceof Integer size) || size < 1 || size > MAX_PAGE) {
      throw new ApiRequest.Invalid("soLuong phải là số nguyên từ 1 đến " + MAX_PAGE);
    }
    if (afterCode != null && !(afterCode instanceof String)) {
      throw new ApiRequest.Invalid("sauMaHoSo phải là chuỗi");
    }
    List<Map<String, Object>> page = new ArrayList<>();
    Iterable<Map<String, Object>> candidates;
    if (after == null || "".equals(after)) {
      candidates = items.values();
    } else {
      LocalDateTime from = parse(after);
      if (from == null) {
        throw new ApiRequest.Invalid("tuThoiDiem phải có dạng yyyyMMddHHmmss");
      }
      candidates = items.tailMap(new Key(from, afterCode == null ? "" : (String) afterCode), false).values();
    }
    for (Map<String, Object> item : candidates) {
      if (page.size() == size) {
        break;
      }
      page.add(item);
    }
    return page;
  }

  synchronized void countListCall() {
    listCalls++;
  }

  synchronized int listCallCount() {
    return listCalls;
  }

  /** Every stored item, in listing order. */
  synchronized List<Map<String, Object>> all() {
    return List.copyOf(items.values());
  }

  synchronized void reset() {
    items.clear();
    keysByCode.clear();
    lastStamp = LocalDateTime.MIN;
    listCalls = 0;
    sequence = 0;
  }

  private void store(Map<String, Object> item) {
    String code = (String) item.get("MaHoSo");
    Key previous = keysByCode.remove(code);
    if (previous != null) {
      items.remove(previous);
    }
    Key key = new Key(parse(item.get("NgayCapNhat")), code);
    keysByCode.put(code, key);
    // not Map.copyOf: items sent as JSON may hold nulls
    items.put(key, Collections.unmodifiableMap(item));
  }

  /** A portal date in any of the three styles, as local time in Vietnam; null when it is none of them. */
  static LocalDateTime parse(Object value) {
    if (!(value instanceof String text)) {
      return null;
    }
    String s = text.strip();
    try {
      if (s.length() == 14) {
        return LocalDateTime.parse(s, COMPACT);
      }
      if (s.length() == 19 && s.charAt(10) == ' ') {
        return LocalDateTime.parse(s, SPACED);
      }
      return OffsetDateTime.parse(s).atZoneSameInstant(VIETNAM).toLocalDateTime();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Map<String, Object> copy(Map<?, ?> item) {
    Map<String, Object> copy = new LinkedHashMap<>();
    item.forEach((name, value) -> copy.put(String.valueOf(name), value));
    return copy;
  }

  private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
    return a.isAfter(b) ? a : b;
  }
}
