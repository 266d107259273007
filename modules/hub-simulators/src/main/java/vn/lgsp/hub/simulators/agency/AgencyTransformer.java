package vn.lgsp.hub.simulators.agency;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.lgsp.hub.simulators.CallFaults;
import vn.lgsp.hub.simulators.SimulatorReplies;
import vn.lgsp.hub.simulators.SimulatorTransformer;
import vn.lgsp.hub.simulators.StandardFault;
import vn.lgsp.hub.simulators.edxml.PackageFacts;

/**
 * {@code POST /agencies/{organId}/documents}: the down switch and injections (everyone's, then the agency's), then the
 * body, idempotency and recording. Logs outcomes and sizes only: packages carry names.
 */
final class AgencyTransformer extends SimulatorTransformer<AgencyState> {

  static final String NAME = "lgsp-agency-push";

  AgencyTransformer(AgencyState state) {
    super(NAME, state);
  }

  @Override
  protected ResponseDefinition answer(LoggedRequest request) {
    List<String> segments = pathSegments(request);
    String organId = segments.size() == 3 ? segments.get(1).trim() : "";
    if (organId.isEmpty()) {
      return refused(404, "Không có cơ quan này");
    }
    Optional<CallFaults.Injection> injection = state.faults().call(organId);
    if (injection.isPresent() && injection.get().fault() != null) {
      log.log(Level.INFO, "agency push faulted: {0}", injection.get().fault());
      return fault(injection.get().fault());
    }
    ResponseDefinition reply = receive(organId, request);
    return injection.map(delay -> SimulatorReplies.late(reply, delay.delay())).orElse(reply);
  }

  private ResponseDefinition receive(String organId, LoggedRequest request) {
    if (!declaresXml(request)) {
      return refused(415, "Văn bản phải gửi dưới dạng application/xml");
    }
    byte[] body = request.getBody();
    Optional<PackageFacts> scanned = PackageFacts.scan(body);
    if (scanned.isEmpty()) {
      return refused(400, "Không đọc được gói tin edXML");
    }
    PackageFacts facts = scanned.get();
    String key = header(request, IDEMPOTENCY_HEADER);
    boolean recorded = state.receive(organId, key, () -> new PushedDocument(organId, key, facts.documentId(),
        facts.messageType(), facts.statusCode(), facts.responseForDocumentId(), body.length,
        header(request, CORRELATION_HEADER), Instant.now(), body));
    log.log(Level.DEBUG, "agency {0} a package of {1} bytes", recorded ? "accepted" : "recognised", body.length);
    return recorded
        ? SimulatorReplies.json(202, Map.of("status", "OK"))
        : SimulatorReplies.json(200, Map.of("status", "OK", "duplicate", true));
  }

  private static ResponseDefinition fault(StandardFault fault) {
    return SimulatorReplies.fault(fault, () -> SimulatorReplies.rawJson(202, "{\"status\":\"O"),
        () -> refused(422, "Cơ quan từ chối tiếp nhận văn bản (từ chối mô phỏng)"));
  }

  private static ResponseDefinition refused(int status, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "FAIL");
    body.put("message", message);
    return SimulatorReplies.json(status, body);
  }
}
