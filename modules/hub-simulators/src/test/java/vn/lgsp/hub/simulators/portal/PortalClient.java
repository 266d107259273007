package vn.lgsp.hub.simulators.portal;

import com.github.tomakehurst.wiremock.common.Json;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import vn.lgsp.hub.simulators.SimulatorHttp;

/** A minimal portal client for the tests, as the hub's connector would talk to the portal. */
final class PortalClient extends SimulatorHttp {

  static final String SYNC_ONE = """
      {"service":"DongBoHoSoMC","isUpdating":"False","data":[{
        "MaHoSo":"%s","MaTTHC":"1.004616","TenTTHC":"Cấp giấy phép xây dựng",
        "ChuHoSo":"Nguyễn Văn An","MaDoiTuong":"038095123456",
        "NgayTiepNhan":"20261122091500","TrangThaiHoSo":%s}]}""";

  static final String PROGRESS_ONE = """
      {"service":"CapNhatTienDoHoSoMC","data":[{
        "MaHoSo":"%s","NguoiXuLy":"canbo01","ThoiDiemXuLy":"20261122101500",
        "NoiDungXuLy":"Đang thẩm định","TrangThai":%s}]}""";

  PortalClient(String baseUrl) {
    super(baseUrl);
  }

  static String sync(String dossierCode, Object status) {
    return SYNC_ONE.formatted(dossierCode, status);
  }

  static String progress(String dossierCode, Object status) {
    return PROGRESS_ONE.formatted(dossierCode, status);
  }

  Map<String, Object> login(String username, String password) throws IOException, InterruptedException {
    return json(post(PortalSimulator.AUTH_PATH, Json.write(Map.of("username", username, "password", password))));
  }

  String login() throws IOException, InterruptedException {
    return (String) login(PortalSimulator.DEFAULT_USERNAME, PortalSimulator.DEFAULT_PASSWORD).get("session");
  }

  HttpResponse<String> api(String session, String idempotencyKey, String body) throws IOException, InterruptedException {
    return api(session, idempotencyKey, body, TIMEOUT);
  }

  HttpResponse<String> api(String session, String idempotencyKey, String body, Duration timeout)
      throws IOException, InterruptedException {
    Map<String, String> headers = new HashMap<>();
    if (session != null) {
      headers.put("session", session);
    }
    if (idempotencyKey != null) {
      headers.put("X-Idempotency-Key", idempotencyKey);
    }
    return post(PortalSimulator.API_PATH, body, headers, timeout);
  }

  /** The {@code error_code} of an api reply. */
  Object errorCode(HttpResponse<String> response) {
    return json(response).get("error_code");
  }
}
