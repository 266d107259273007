package vn.lgsp.hub.simulators.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The portal's answers. Like the real adapter it reports business outcomes with HTTP 200 and an
 * {@code error_code}; only the injected faults use other statuses.
 */
final class PortalReplies {

  static final String JSON = "application/json; charset=utf-8";

  private PortalReplies() {
  }

  static ResponseDefinition loggedIn(String session) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("session", session);
    body.put("error_code", 0);
    return json(body);
  }

  static ResponseDefinition loginRefused() {
    return json(Map.of("error_code", -1, "message", "Sai tên đăng nhập hoặc mật khẩu"));
  }

  static ResponseDefinition invalidSession() {
    return result("-2", "Phiên làm việc không hợp lệ hoặc đã hết hạn");
  }

  static ResponseDefinition rejected(String message) {
    return result("-1", message);
  }

  static ResponseDefinition accepted() {
    return result("0", "Thành công");
  }

  /** A page of {@code LayDanhSachHoSoTrucTuyen}; this reply's {@code error_code} is a number, as the login's is. */
  static ResponseDefinition intakePage(List<Map<String, Object>> items) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error_code", 0);
    body.put("message", "Thành công");
    body.put("data", items);
    return json(body);
  }

  static ResponseDefinition duplicate() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error_code", "0");
    body.put("message", "Đã tiếp nhận trước đó");
    body.put("duplicate", true);
    return json(body);
  }

  static ResponseDefinition fault(PortalFault fault) {
    return switch (fault) {
      case HTTP_500 -> text(500, "Internal Server Error");
      case HTTP_503 -> text(503, "Service Unavailable");
      case CONNECTION_RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
      case EMPTY_REPLY -> aResponse().withFault(Fault.EMPTY_RESPONSE).build();
      case MALFORMED_REPLY -> aResponse()
          .withStatus(200)
          .withHeader("Content-Type", JSON)
          .withBody("{\"error_code\":\"0\",\"message\":\"Th")
          .build();
    };
  }

  static ResponseDefinition delayed(ResponseDefinition reply, Duration delay) {
    return ResponseDefinitionBuilder.like(reply).but().withFixedDelay((int) delay.toMillis()).build();
  }

  static ResponseDefinition json(int status, Object body) {
    return aResponse().withStatus(status).withHeader("Content-Type", JSON).withBody(PortalJson.write(body)).build();
  }

  private static ResponseDefinition json(Object body) {
    return json(200, body);
  }

  private static ResponseDefinition result(String code, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error_code", code);
    body.put("message", message);
    return json(body);
  }

  private static ResponseDefinition text(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "text/plain; charset=utf-8").withBody(body).build();
  }
}
