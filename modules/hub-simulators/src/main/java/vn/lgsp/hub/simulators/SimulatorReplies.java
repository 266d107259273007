package vn.lgsp.hub.simulators;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.common.JsonException;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Answers the simulators of the document exchange share: JSON through WireMock's own mapper (so that this module
 * needs no Jackson of its own and exposes no shaded type), XML as bytes, plain text for the server errors a gateway
 * produces, and the {@link StandardFault}s.
 */
public final class SimulatorReplies {

  public static final String JSON = "application/json; charset=utf-8";

  private SimulatorReplies() {
  }

  public static ResponseDefinition json(int status, Object body) {
    return rawJson(status, Json.write(body));
  }

  /** {@code json} as it is (for malformed replies), under {@code application/json}. */
  public static ResponseDefinition rawJson(int status, String json) {
    return aResponse().withStatus(status).withHeader("Content-Type", JSON).withBody(json).build();
  }

  /** {@code body} as it is, under {@code application/xml}: its own declaration says its encoding. */
  public static ResponseDefinition xml(int status, byte[] body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/xml").withBody(body).build();
  }

  public static ResponseDefinition plain(int status, String text) {
    return aResponse().withStatus(status).withHeader("Content-Type", "text/plain; charset=utf-8").withBody(text)
        .build();
  }

  /** The same answer, sent {@code delay} late. */
  public static ResponseDefinition late(ResponseDefinition reply, Duration delay) {
    return ResponseDefinitionBuilder.like(reply).but().withFixedDelay((int) delay.toMillis()).build();
  }

  /** The answer to a faulted call; {@code malformed} and {@code rejected} are the simulator's own. */
  public static ResponseDefinition fault(StandardFault fault, Supplier<ResponseDefinition> malformed,
      Supplier<ResponseDefinition> rejected) {
    return switch (fault) {
      case HTTP_500 -> plain(500, "Internal Server Error");
      case HTTP_503 -> plain(503, "Service Unavailable");
      case CONNECTION_RESET -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
      case EMPTY_REPLY -> aResponse().withFault(Fault.EMPTY_RESPONSE).build();
      case MALFORMED_REPLY -> malformed.get();
      case REJECT -> rejected.get();
    };
  }

  /**
   * {@code record} as an admin view: its components by name, in declaration order, instants as ISO-8601 text, and
   * without the byte arrays (packages, which can weigh megabytes and carry personal data).
   */
  public static Map<String, Object> view(Record record) {
    Map<String, Object> view = new LinkedHashMap<>();
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      if (component.getType() == byte[].class) {
        continue;
      }
      try {
        Object value = component.getAccessor().invoke(record);
        view.put(component.getName(), value instanceof Instant instant ? instant.toString() : value);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + component.getName(), e);
      }
    }
    return view;
  }

  /** Maps for objects, lists for arrays; null for no body or no JSON. UTF-8 (RFC 8259), whatever was declared. */
  public static Object parseJson(byte[] body) {
    try {
      return body == null || body.length == 0
          ? null : Json.read(new String(body, StandardCharsets.UTF_8), Object.class);
    } catch (JsonException e) {
      return null;
    }
  }
}
