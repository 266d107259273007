package vn.lgsp.hub.simulators.portal;

import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.lgsp.hub.simulators.FaultRequests;

/**
 * {@code /__admin/portal/...}: the Java API over HTTP, for people and for tests that run the
 * simulator in another process. Received items are listed without their payload (personal data).
 */
final class PortalAdminApi implements AdminApiExtension {

  static final String NAME = "lgsp-portal-admin";

  private final PortalState portal;

  PortalAdminApi(PortalState portal) {
    this.portal = portal;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public void contributeAdminApiRoutes(Router router) {
    router.add(RequestMethod.GET, "/portal/received", (admin, event, params) -> received());
    router.add(RequestMethod.POST, "/portal/reset", (admin, event, params) -> {
      portal.reset();
      return PortalReplies.json(200, Map.of("reset", true));
    });
    router.add(RequestMethod.GET, "/portal/faults", (admin, event, params) -> pendingFaults());
    router.add(RequestMethod.POST, "/portal/faults",
        (admin, event, params) -> injectFault(PortalJson.parse(event.getRequest().getBody())));
    router.add(RequestMethod.GET, "/portal/intake", (admin, event, params) -> PortalReplies.json(200,
        Map.of("intake", portal.intake().all(), "listCalls", portal.intake().listCallCount())));
    router.add(RequestMethod.POST, "/portal/intake",
        (admin, event, params) -> addIntake(PortalJson.parse(event.getRequest().getBody())));
    router.add(RequestMethod.POST, "/portal/sessions/expire", (admin, event, params) -> {
      portal.expireSessions();
      return PortalReplies.json(200, Map.of("expired", true));
    });
  }

  private ResponseDefinition received() {
    List<Map<String, Object>> items = portal.received().stream().map(PortalAdminApi::summary).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("received", items);
    body.put("duplicates", portal.duplicateCount());
    body.put("calls", portal.callCount());
    body.put("logins", portal.loginCount());
    return PortalReplies.json(200, body);
  }

  private static Map<String, Object> summary(ReceivedCall call) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("service", call.service());
    summary.put("dossierCode", call.dossierCode());
    summary.put("status", call.status());
    summary.put("idempotencyKey", call.idempotencyKey());
    summary.put("receivedAt", call.receivedAt().toString());
    summary.put("updating", call.updating());
    return summary;
  }

  private ResponseDefinition pendingFaults() {
    List<Map<String, Object>> steps = FaultRequests.describe(portal.plan().pending(), Injection::kind,
        injection -> injection instanceof Injection.Delay delay ? delay.delay() : null);
    return PortalReplies.json(200, Map.of("pending", steps));
  }

  private ResponseDefinition injectFault(Object body) {
    FaultRequests.Parsed parsed = FaultRequests.parse(body);
    if (parsed.error() != null) {
      return badRequest(parsed.error());
    }
    FaultRequests.FaultRequest request = parsed.request();
    switch (request.kind()) {
      case FaultRequests.DELAY -> portal.injectDelay(request.delay(), request.times());
      case "REJECT" -> portal.rejectNext(request.times());
      default -> {
        PortalFault fault = FaultRequests.faultNamed(PortalFault.class, request.kind());
        if (fault == null) {
          return badRequest("Unknown kind; use DELAY, REJECT or one of " + List.of(PortalFault.values()));
        }
        portal.injectFault(fault, request.times());
      }
    }
    Map<String, Object> accepted = new LinkedHashMap<>();
    accepted.put("kind", request.kind());
    accepted.put("times", request.times());
    return PortalReplies.json(200, accepted);
  }

  /**
   * A JSON list of dossiers in wire form, or {@code {"generate": n, "seed": s}} (seed optional) to make up {@code n}
   * from the population simulator's citizens. Answers with the stored items, applicants' data included: the data is
   * synthetic, and a tester needs it to follow a dossier through the hub.
   */
  private ResponseDefinition addIntake(Object body) {
    try {
      if (body instanceof List<?> items) {
        return PortalReplies.json(200, Map.of("intake", portal.intake().add(items)));
      }
      if (body instanceof Map<?, ?> request && request.get("generate") instanceof Integer count
          && count >= 1 && count <= PortalIntake.MAX_PAGE) {
        Object seed = request.containsKey("seed") ? request.get("seed") : 0;
        if (!(seed instanceof Number number) || seed instanceof Double) {
          return badRequest("\"seed\" must be an integer");
        }
        return PortalReplies.json(200, Map.of("intake", portal.generateIntake(count, number.longValue())));
      }
      return badRequest("Body must be a JSON list of dossiers, or {\"generate\": 1-" + PortalIntake.MAX_PAGE
          + ", \"seed\": n}");
    } catch (ApiRequest.Invalid e) {
      return badRequest(e.getMessage());
    }
  }

  private static ResponseDefinition badRequest(String message) {
    return PortalReplies.json(400, Map.of("error", message));
  }
}
