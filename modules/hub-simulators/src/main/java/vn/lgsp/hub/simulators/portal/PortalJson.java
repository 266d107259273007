package vn.lgsp.hub.simulators.portal;

import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.common.JsonException;
import java.nio.charset.StandardCharsets;

/**
 * JSON through WireMock's own mapper, so this module needs no Jackson of its own and exposes no
 * shaded Jackson type: objects become maps, arrays lists.
 */
final class PortalJson {

  private PortalJson() {
  }

  /** The parsed body, or null when it is empty or not JSON. */
  static Object parse(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      // JSON is UTF-8 (RFC 8259) whatever charset the client declared.
      return Json.read(new String(body, StandardCharsets.UTF_8), Object.class);
    } catch (JsonException e) {
      return null;
    }
  }

  static String write(Object value) {
    return Json.write(value);
  }
}
