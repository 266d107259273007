package vn.lgsp.hub.simulators.axis;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import vn.lgsp.hub.simulators.SimulatorHttp;

/** The hub's side of the axis wire, as docs/DOCUMENT-AXIS.md has it, with the default credentials. */
class AxisClient extends SimulatorHttp {

  static final Map<String, String> AUTH =
      Map.of("systemid", AxisSimulator.DEFAULT_SYSTEM_ID, "secret", AxisSimulator.DEFAULT_SECRET);

  AxisClient(String baseUrl) {
    super(baseUrl);
  }

  HttpResponse<String> send(String xml, String messagetype, String key) throws IOException, InterruptedException {
    return send(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8), messagetype, key);
  }

  HttpResponse<String> send(HttpRequest.BodyPublisher body, String messagetype, String key)
      throws IOException, InterruptedException {
    Map<String, String> headers = new HashMap<>(AUTH);
    headers.putAll(Map.of("from", "000.00.14.H56", "servicetype", "eDoc", "messagetype", messagetype));
    if (key != null) {
      headers.put("X-Idempotency-Key", key);
    }
    headers.put("X-Correlation-Id", "cid-" + key);
    return postXml("/vxp/edoc/send", body, headers);
  }

  HttpResponse<String> authorisedGet(String path) throws IOException, InterruptedException {
    HttpRequest.Builder request = requestTo(path, TIMEOUT).GET();
    AUTH.forEach(request::header);
    return send(request);
  }

  HttpResponse<String> ack(String docId, String organId, String status) throws IOException, InterruptedException {
    return post("/vxp/edoc/" + docId + "/status", "{\"organId\":\"" + organId + "\",\"status\":\"" + status + "\"}",
        AUTH);
  }
}
