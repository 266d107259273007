package vn.lgsp.hub.simulators.axis;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.lgsp.hub.simulators.CallFaults;
import vn.lgsp.hub.simulators.FaultAdmin;
import vn.lgsp.hub.simulators.SimulatorReplies;
import vn.lgsp.hub.simulators.SimulatorTransformer;
import vn.lgsp.hub.simulators.edxml.PackageFacts;

/**
 * Every {@code /vxp/...} call: the operation from method and path, then the down switch and injections, then
 * {@code systemid}/{@code secret}, then the operation. Logs operations, outcomes and counts only: packages carry
 * citizens' and officers' names.
 */
final class AxisTransformer extends SimulatorTransformer<AxisState> {

  static final String NAME = "lgsp-axis";
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private final byte[] systemId;
  private final byte[] secret;

  AxisTransformer(AxisState state, String systemId, String secret) {
    super(NAME, state);
    this.systemId = systemId.getBytes(StandardCharsets.UTF_8);
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  protected ResponseDefinition answer(LoggedRequest request) {
    List<String> segments = segments(request);
    AxisOperation operation = AxisOperation.of(request.getMethod(), segments);
    if (operation == null) {
      return AxisReplies.fail(404, "NOT_FOUND", "Không có thao tác này trên trục");
    }
    Optional<CallFaults.Injection> injection = state.faults().call(operation.scope());
    if (injection.isPresent() && injection.get().fault() != null) {
      log.log(Level.INFO, "axis {0} faulted: {1}", operation.scope(), injection.get().fault());
      return AxisReplies.fault(injection.get().fault(), operation);
    }
    ResponseDefinition reply = authorised(request)
        ? perform(operation, request, segments)
        : AxisReplies.fail(401, "AUTH", "Sai systemid hoặc secret");
    log.log(Level.DEBUG, "axis {0}: HTTP {1}", operation.scope(), reply.getStatus());
    return injection.map(delay -> SimulatorReplies.late(reply, delay.delay())).orElse(reply);
  }

  private ResponseDefinition perform(AxisOperation operation, LoggedRequest request, List<String> segments) {
    return switch (operation) {
      case SEND -> send(request);
      case RECEIVED -> received(request);
      case FETCH -> fetch(segments.get(1), FaultAdmin.queryValue(request, "organId"));
      case STATUS -> acknowledge(segments.get(1), request);
      case AGENCIES -> AxisReplies.ok(Map.of("data", state.agencies()));
    };
  }

  private ResponseDefinition send(LoggedRequest request) {
    String from = header(request, "from");
    String messagetype = header(request, "messagetype");
    if (from == null || !"eDoc".equalsIgnoreCase(header(request, "servicetype"))
        || messagetype == null || !AxisState.MESSAGE_TYPES.contains(messagetype)) {
      return AxisReplies.fail(400, "INVALID_HEADER",
          "Cần các header from, servicetype: eDoc và messagetype: edoc|status");
    }
    if (!declaresXml(request)) {
      return AxisReplies.fail(415, "UNSUPPORTED_MEDIA_TYPE", "Gói tin phải là application/xml");
    }
    byte[] body = request.getBody();
    Optional<PackageFacts> scanned = PackageFacts.scan(body);
    if (scanned.isEmpty()) {
      return AxisReplies.fail(400, "INVALID_PACKAGE", "Không đọc được gói tin edXML");
    }
    PackageFacts facts = scanned.get();
    Set<String> recipients = new LinkedHashSet<>(facts.to());
    if (recipients.isEmpty() && facts.responseForOrganId() != null) {
      recipients.add(facts.responseForOrganId());
    }
    if (recipients.isEmpty()) {
      return AxisReplies.fail(400, "INVALID_PACKAGE", "Gói tin không có nơi nhận (To/OrganId)");
    }
    String key = header(request, IDEMPOTENCY_HEADER);
    String correlationId = header(request, CORRELATION_HEADER);
    AxisState.Receipt receipt = state.send(key, docId -> new SentPackage(docId, key, from, List.copyOf(recipients),
        messagetype, facts.documentId(), facts.statusCode(), facts.responseForDocumentId(), body.length,
        correlationId, Instant.now(), body));
    log.log(Level.DEBUG, "axis {0} a package of {1} bytes", receipt.duplicate() ? "recognised" : "accepted",
        body.length);
    return receipt.duplicate()
        ? AxisReplies.ok(Map.of("docId", receipt.docId(), "duplicate", true))
        : AxisReplies.ok(Map.of("docId", receipt.docId()));
  }

  private ResponseDefinition received(LoggedRequest request) {
    Set<String> organIds = new LinkedHashSet<>();
    var values = request.queryParameter("organId");
    if (values != null && values.isPresent()) {
      values.values().forEach(value -> Arrays.stream(value.split(",")).map(String::trim)
          .filter(code -> !code.isEmpty()).forEach(organIds::add));
    }
    if (organIds.isEmpty()) {
      return AxisReplies.fail(400, "INVALID_PARAMETER", "Cần ít nhất một organId");
    }
    Long after = number(FaultAdmin.queryValue(request, "after"), 0);
    Long limit = number(FaultAdmin.queryValue(request, "limit"), DEFAULT_LIMIT);
    if (after == null || after < 0 || limit == null || limit < 1 || limit > MAX_LIMIT) {
      return AxisReplies.fail(400, "INVALID_PARAMETER", "after phải ≥ 0, limit từ 1 đến " + MAX_LIMIT);
    }
    return AxisReplies.ok(Map.of("data", state.received(organIds, after, limit.intValue())));
  }

  private ResponseDefinition fetch(String docId, String organId) {
    if (organId == null) {
      return AxisReplies.fail(400, "INVALID_PARAMETER", "Cần organId của nơi nhận");
    }
    return state.fetch(docId, organId)
        .map(body -> SimulatorReplies.xml(200, body))
        .orElseGet(() -> AxisReplies.fail(404, "NOT_FOUND", "Không có văn bản này cho nơi nhận đã nêu"));
  }

  private ResponseDefinition acknowledge(String docId, LoggedRequest request) {
    if (!(SimulatorReplies.parseJson(request.getBody()) instanceof Map<?, ?> ack)
        || !(ack.get("organId") instanceof String organId) || organId.isBlank()
        || !(ack.get("status") instanceof String status) || !AxisState.ACK_STATUSES.contains(status)) {
      return AxisReplies.fail(400, "INVALID_PARAMETER",
          "Cần JSON {\"organId\": ..., \"status\": \"done|fail|processing\"}");
    }
    return state.acknowledge(docId, organId.trim(), status)
        ? AxisReplies.ok(Map.of())
        : AxisReplies.fail(404, "NOT_FOUND", "Không có văn bản này cho nơi nhận đã nêu");
  }

  private boolean authorised(LoggedRequest request) {
    String givenId = header(request, "systemid");
    String givenSecret = header(request, "secret");
    if (givenId == null || givenSecret == null) {
      return false;
    }
    boolean idMatches = MessageDigest.isEqual(systemId, givenId.getBytes(StandardCharsets.UTF_8));
    boolean secretMatches = MessageDigest.isEqual(secret, givenSecret.getBytes(StandardCharsets.UTF_8));
    return idMatches && secretMatches;
  }

  /** The decoded path segments after {@code /vxp/}; empty for a path outside it. */
  private static List<String> segments(LoggedRequest request) {
    List<String> all = pathSegments(request);
    return all.size() > 1 && all.get(0).equals(AxisSimulator.ROOT_PATH.substring(1))
        ? all.subList(1, all.size()) : List.of();
  }

  private static Long number(String value, long defaultValue) {
    if (value == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
