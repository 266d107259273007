package vn.lgsp.hub.simulators.portal;

import com.github.tomakehurst.wiremock.common.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A minimal portal client for the tests, as the hub's connector would talk to the portal. */
final class PortalClient {

  static final String SYNC_ONE = """
      {"service":"DongBoHoSoMC","isUpdating":"False","data":[{
        "MaHoSo":"%s","MaTTHC":"1.004616","TenTTHC":"Cấp giấy phép xây dựng",
        "ChuHoSo":"Nguyễn Văn An","MaDoiTuong":"038095123456",
        "NgayTiepNhan":"20261122091500","TrangThaiHoSo":%s}]}""";

  static final String PROGRESS_ONE = """
      {"service":"CapNhatTienDoHoSoMC","data":[{
        "MaHoSo":"%s","NguoiXuLy":"canbo01","ThoiDiemXuLy":"20261122101500",
        "NoiDungXuLy":"Đang thẩm định","TrangThai":%s}]}""";

  private final HttpClient http;
  private final String baseUrl;

  PortalClient(String baseUrl) {
    this.baseUrl = baseUrl;
    // HTTP/1.1 so that socket-level faults surface the same way as with the hub's client.
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  static String sync(String dossierCode, Object status) {
    return SYNC_ONE.formatted(dossierCode, status);
  }

  static String progress(String dossierCode, Object status) {
    return PROGRESS_ONE.formatted(dossierCode, status);
  }

  HttpResponse<String> post(String path, String body, Map<String, String> headers, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(timeout)
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
    return post(path, body, Map.of(), Duration.ofSeconds(10));
  }

  Map<String, Object> login(String username, String password) throws IOException, InterruptedException {
    return json(post(PortalSimulator.AUTH_PATH, Json.write(Map.of("username", username, "password", password))));
  }

  String login() throws IOException, InterruptedException {
    return (String) login(PortalSimulator.DEFAULT_USERNAME, PortalSimulator.DEFAULT_PASSWORD).get("session");
  }

  HttpResponse<String> api(String session, String idempotencyKey, String body) throws IOException, InterruptedException {
    return api(session, idempotencyKey, body, Duration.ofSeconds(10));
  }

  HttpResponse<String> api(String session, String idempotencyKey, String body, Duration timeout)
      throws IOException, InterruptedException {
    Map<String, String> headers = new java.util.HashMap<>();
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

  @SuppressWarnings("unchecked")
  static Map<String, Object> json(HttpResponse<String> response) {
    return Json.read(response.body(), Map.class);
  }
}
