package vn.lgsp.hub.simulators.portal;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A parsed and validated body of {@code POST /adapter/api}. Error messages name the item and the
 * field but never quote a value, because values are personal data.
 *
 * @param service  the service name
 * @param updating the {@code isUpdating} flag (dossier sync only)
 * @param items    the {@code data} items, each a JSON object
 */
record ApiRequest(String service, boolean updating, List<Map<String, Object>> items) {

  static final String SYNC = "DongBoHoSoMC";
  static final String PROGRESS = "CapNhatTienDoHoSoMC";

  /** The portal's own date format, Asia/Ho_Chi_Minh local time; STRICT rejects 20261332... */
  private static final DateTimeFormatter PORTAL_DATE =
      DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

  /** Thrown with the portal's rejection message. */
  static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  static ApiRequest from(Object body) throws Invalid {
    if (!(body instanceof Map<?, ?> map)) {
      throw new Invalid("Dữ liệu gửi lên không phải đối tượng JSON hợp lệ");
    }
    Object service = map.get("service");
    if (!SYNC.equals(service) && !PROGRESS.equals(service)) {
      throw new Invalid("Dịch vụ (service) không được hỗ trợ");
    }
    List<Map<String, Object>> items = items(map.get("data"));
    for (int i = 0; i < items.size(); i++) {
      if (SYNC.equals(service)) {
        checkDossier(i, items.get(i));
      } else {
        checkProgress(i, items.get(i));
      }
    }
    boolean updating = SYNC.equals(service) && isTrue(map.get("isUpdating"));
    return new ApiRequest((String) service, updating, items);
  }

  /** {@code TrangThaiHoSo} or {@code TrangThai}, depending on the service. */
  Integer status(Map<String, Object> item) {
    return statusCode(item.get(SYNC.equals(service) ? "TrangThaiHoSo" : "TrangThai"));
  }

  static String dossierCode(Map<String, Object> item) {
    return text(item.get("MaHoSo"));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> items(Object data) throws Invalid {
    if (!(data instanceof List<?> list) || list.isEmpty()) {
      throw new Invalid("Thiếu danh sách dữ liệu (data)");
    }
    List<Map<String, Object>> items = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> item)) {
        throw new Invalid("data[" + i + "] không phải đối tượng JSON");
      }
      items.add(Collections.unmodifiableMap((Map<String, Object>) item));
    }
    return List.copyOf(items);
  }

  private static void checkDossier(int i, Map<String, Object> item) throws Invalid {
    require(i, item, "MaHoSo");
    require(i, item, "MaTTHC");
    if (statusCode(item.get("TrangThaiHoSo")) == null) {
      throw new Invalid("data[" + i + "].TrangThaiHoSo phải là số từ 1 đến 10");
    }
    Object intake = item.get("NgayTiepNhan");
    // OpenCPS sends "" for a date it has not got (e.g. on an update), so empty counts as absent
    if (intake != null && !"".equals(intake) && !isPortalDate(intake)) {
      throw new Invalid("data[" + i + "].NgayTiepNhan phải có dạng yyyyMMddHHmmss");
    }
  }

  private static void checkProgress(int i, Map<String, Object> item) throws Invalid {
    require(i, item, "MaHoSo");
    if (statusCode(item.get("TrangThai")) == null) {
      throw new Invalid("data[" + i + "].TrangThai phải là số từ 1 đến 10");
    }
    if (!isPortalDate(item.get("ThoiDiemXuLy"))) {
      throw new Invalid("data[" + i + "].ThoiDiemXuLy phải có dạng yyyyMMddHHmmss");
    }
  }

  private static void require(int i, Map<String, Object> item, String field) throws Invalid {
    String value = text(item.get(field));
    if (value == null || value.isBlank()) {
      throw new Invalid("data[" + i + "]: thiếu " + field);
    }
  }

  /** A status 1..10 sent as a JSON number or as a string of digits; null otherwise. */
  static Integer statusCode(Object value) {
    Integer code = null;
    if (value instanceof Integer || value instanceof Long) {
      long n = ((Number) value).longValue();
      code = n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE ? (int) n : null;
    } else if (value instanceof String s && s.strip().matches("\\d{1,2}")) {
      code = Integer.valueOf(s.strip());
    }
    return code != null && code >= 1 && code <= 10 ? code : null;
  }

  private static boolean isPortalDate(Object value) {
    if (!(value instanceof String s)) {
      return false;
    }
    try {
      LocalDateTime.parse(s, PORTAL_DATE);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean isTrue(Object flag) {
    return Boolean.TRUE.equals(flag) || (flag instanceof String s && s.strip().equalsIgnoreCase("true"));
  }

  private static String text(Object value) {
    return value instanceof String || value instanceof Number ? String.valueOf(value) : null;
  }
}
