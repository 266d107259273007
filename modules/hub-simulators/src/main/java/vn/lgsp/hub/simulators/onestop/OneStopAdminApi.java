package vn.lgsp.hub.simulators.onestop;

import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.lgsp.hub.simulators.FaultRequests;

/**
 * {@code /__admin/onestop/...}: the Java API over HTTP. Received dossiers are listed by code, version, key and
 * verification outcome, never with the applicant's data.
 */
final class OneStopAdminApi implements AdminApiExtension {

  private final OneStopState state;

  OneStopAdminApi(OneStopState state) {
    this.state = state;
  }

  @Override
  public String getName() {
    return "lgsp-onestop-admin";
  }

  @Override
  public void contributeAdminApiRoutes(Router router) {
    router.add(RequestMethod.GET, "/onestop/received", (admin, event, params) ->
        OneStopReplies.json(200, state.received().stream().map(OneStopAdminApi::summary).toList()));
    router.add(RequestMethod.GET, "/onestop/counters", (admin, event, params) -> counters());
    router.add(RequestMethod.GET, "/onestop/faults", (admin, event, params) -> pending());
    router.add(RequestMethod.POST, "/onestop/faults",
        (admin, event, params) -> inject(OneStopTransformer.parse(event.getRequest().getBody())));
    router.add(RequestMethod.POST, "/onestop/down", (admin, event, params) -> {
      state.setDown(true);
      return OneStopReplies.json(200, Map.of("down", true));
    });
    router.add(RequestMethod.POST, "/onestop/up", (admin, event, params) -> {
      state.setDown(false);
      return OneStopReplies.json(200, Map.of("down", false));
    });
    router.add(RequestMethod.POST, "/onestop/reset", (admin, event, params) -> {
      state.reset();
      return OneStopReplies.json(200, Map.of("reset", true));
    });
  }

  private static Map<String, Object> summary(ReceivedDossier dossier) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("dossierCode", dossier.dossierCode());
    summary.put("version", dossier.version());
    summary.put("idempotencyKey", dossier.idempotencyKey());
    summary.put("verification", dossier.verificationOutcome());
    summary.put("differingFields", dossier.differingFields());
    summary.put("correlationId", dossier.correlationId());
    summary.put("receiptNumber", dossier.receiptNumber());
    summary.put("receivedAt", dossier.receivedAt().toString());
    return summary;
  }

  private ResponseDefinition counters() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("received", state.received().size());
    body.put("duplicates", state.duplicateCount());
    body.put("calls", state.callCount());
    body.put("down", state.isDown());
    return OneStopReplies.json(200, body);
  }

  private ResponseDefinition pending() {
    List<Map<String, Object>> steps =
        FaultRequests.describe(state.pending(), OneStopState.Injection::kind, OneStopState.Injection::delay);
    return OneStopReplies.json(200, Map.of("pending", steps, "down", state.isDown()));
  }

  private ResponseDefinition inject(Object body) {
    FaultRequests.Parsed parsed = FaultRequests.parse(body);
    if (parsed.error() != null) {
      return OneStopReplies.json(400, Map.of("error", parsed.error()));
    }
    FaultRequests.FaultRequest request = parsed.request();
    if (request.delay() != null) {
      state.injectDelay(request.delay(), request.times());
    } else {
      OneStopFault fault = FaultRequests.faultNamed(OneStopFault.class, request.kind());
      if (fault == null) {
        return OneStopReplies.json(400, Map.of("error", "Unknown kind; use DELAY or one of "
            + List.of(OneStopFault.values())));
      }
      state.injectFault(fault, request.times());
    }
    return OneStopReplies.json(200, Map.of("kind", request.kind(), "times", request.times()));
  }
}
