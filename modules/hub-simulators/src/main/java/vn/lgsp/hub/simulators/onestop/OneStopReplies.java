package vn.lgsp.hub.simulators.onestop;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one-stop-shop's answers: JSON for outcomes, plain text for the server errors a gateway would produce. */
final class OneStopReplies {

  private OneStopReplies() {
  }

  static ResponseDefinition receipt(OneStopState.Receipt receipt) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("receiptNumber", receipt.number());
    if (receipt.duplicate()) {
      body.put("duplicate", true);
    }
    return json(receipt.duplicate() ? 200 : 201, body);
  }

  static ResponseDefinition refused(int status, String message) {
    return json(status, Map.of("message", message));
  }

  static ResponseDefinition fault(OneStopFault fault) {
    return switch (fault) {
      case HTTP_500 -> plain(500, "Internal Server Error");
      case HTTP_503 -> plain(503, "Service Unavailable");
      case CONNECTION_RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
      case EMPTY_REPLY -> aResponse().withFault(Fault.EMPTY_RESPONSE).build();
      case MALFORMED_REPLY -> aResponse().withStatus(201).withHeader("Content-Type", "application/json")
          .withBody("{\"receiptNumber\":\"BN-").build();
      case REJECT -> refused(422, "Hồ sơ không được tiếp nhận (từ chối mô phỏng)");
    };
  }

  static ResponseDefinition late(ResponseDefinition reply, Duration delay) {
    return ResponseDefinitionBuilder.like(reply).but().withFixedDelay((int) delay.toMillis()).build();
  }

  static ResponseDefinition json(int status, Object body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody(Json.write(body)).build();
  }

  private static ResponseDefinition plain(int status, String text) {
    return aResponse().withStatus(status).withHeader("Content-Type", "text/plain").withBody(text).build();
  }
}
