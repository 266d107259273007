package vn.lgsp.hub.simulators.business;

import com.github.tomakehurst.wiremock.common.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import vn.lgsp.hub.simulators.lookup.LookupContract;
import vn.lgsp.hub.simulators.lookup.LookupContract.ErrorWords;
import vn.lgsp.hub.simulators.lookup.LookupContract.Word;
import vn.lgsp.hub.simulators.lookup.LookupSimulator;

/**
 * The national business registration database (Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp) as the hub's
 * {@code connector-business} sees it: {@code GET /dkdn/v1/enterprises/{enterpriseCode}} with {@code X-Api-Key} (any
 * non-empty key) answers the enterprise, or {@code {"maLoi": "KHONG_TIM_THAY" | "MA_KHONG_HOP_LE" | "KHONG_XAC_THUC",
 * "thongBao": …}} with 404, 400 or 401. The enterprise code (mã số doanh nghiệp, also its tax code) is 10 digits, or
 * 10 digits, a hyphen and 3 digits for a branch.
 *
 * <p>The database's real API is not published to provinces; this contract is the hub's assumption. The data is
 * invented: seven Thanh Hóa enterprises (codes starting with 28) in {@code business/enterprises.json}, among them a
 * branch, a dissolved and a suspended one. {@link #UNKNOWN_CODE} never exists. It also takes the province's
 * notifications at {@link #NOTIFICATIONS_PATH} ({@link NotificationStubs}); the fault injections apply to lookups
 * only.
 */
public final class BusinessSimulator extends LookupSimulator {

  public static final String ENTERPRISES_PATH = "/dkdn/v1/enterprises";
  /** Where the province notifies the registry of its licence decisions ({@link NotificationStubs}). */
  public static final String NOTIFICATIONS_PATH = "/dkdn/v1/notifications";
  public static final String API_KEY_HEADER = "X-Api-Key";
  /** A well-formed code that no enterprise has. */
  public static final String UNKNOWN_CODE = "2809999999";

  static final Pattern CODE = Pattern.compile("\\d{10}(-\\d{3})?");

  /** Loopback; {@code port} 0 picks a free port. */
  public BusinessSimulator(int port) {
    this(port, DEFAULT_BIND_ADDRESS);
  }

  public BusinessSimulator(int port, String bindAddress) {
    super(port, bindAddress, contract(), new NotificationStubs());
  }

  static LookupContract contract() {
    return new LookupContract("business", ENTERPRISES_PATH, API_KEY_HEADER, CODE, enterprises(), "maLoi", "thongBao",
        new ErrorWords(
            new Word("KHONG_XAC_THUC", "Thiếu hoặc sai khóa truy cập"),
            new Word("KHONG_TIM_THAY", "Không tìm thấy doanh nghiệp có mã số này"),
            new Word("MA_KHONG_HOP_LE", "Mã số doanh nghiệp phải gồm 10 chữ số, chi nhánh thêm -NNN"),
            new Word("TU_CHOI", "Yêu cầu bị từ chối (từ chối mô phỏng)")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> enterprises() {
    try (InputStream in = BusinessSimulator.class.getResourceAsStream("enterprises.json")) {
      if (in == null) {
        throw new IllegalStateException("enterprises.json is missing from the simulator's resources");
      }
      List<Map<String, Object>> list = Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), List.class);
      Map<String, Map<String, Object>> byCode = new LinkedHashMap<>();
      list.forEach(enterprise -> byCode.put((String) enterprise.get("maSoDoanhNghiep"), enterprise));
      return byCode;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
