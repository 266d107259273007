package vn.lgsp.hub.simulators;

import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The admin routes every simulator of the document exchange has under {@code /__admin/<prefix>/}, over its
 * {@link CallFaults}: {@code GET}/{@code POST faults}, {@code POST down}/{@code up} and {@code POST reset}.
 *
 * <p>A fault request is {@code {"kind", "times", "delayMs"}} as {@link FaultRequests} reads it, plus an optional
 * scope field ({@code "operation"}, {@code "organId"}, ...) aiming it at the calls of that scope only; {@code down}
 * and {@code up} take the same scope as a query parameter.
 *
 * @param prefix     {@code "/axis"}, {@code "/agencies"}
 * @param faults     the simulator's faults
 * @param scopeName  the name of the scope field and parameter
 * @param validScope which scopes an admin may name
 * @param reset      forgets everything the simulator holds, faults included
 */
public record FaultAdmin(String prefix, CallFaults faults, String scopeName, Predicate<String> validScope,
    Runnable reset) {

  public void addRoutes(Router router) {
    router.add(RequestMethod.GET, prefix + "/faults", (admin, event, params) -> pending());
    router.add(RequestMethod.POST, prefix + "/faults",
        (admin, event, params) -> inject(SimulatorReplies.parseJson(event.getRequest().getBody())));
    router.add(RequestMethod.POST, prefix + "/down", (admin, event, params) -> switchDown(event.getRequest(), true));
    router.add(RequestMethod.POST, prefix + "/up", (admin, event, params) -> switchDown(event.getRequest(), false));
    router.add(RequestMethod.POST, prefix + "/reset", (admin, event, params) -> {
      reset.run();
      return SimulatorReplies.json(200, Map.of("reset", true));
    });
  }

  /** The single value of query parameter {@code name}, or null when it is absent or blank. */
  public static String queryValue(Request request, String name) {
    QueryParameter parameter = request.queryParameter(name);
    if (parameter == null || !parameter.isPresent() || parameter.values().isEmpty()) {
      return null;
    }
    String value = parameter.values().get(0);
    return value == null || value.isBlank() ? null : value.trim();
  }

  public static ResponseDefinition badRequest(String message) {
    return SimulatorReplies.json(400, Map.of("error", message));
  }

  private ResponseDefinition pending() {
    List<Map<String, Object>> steps = FaultRequests.describe(faults.pending(), CallFaults.Injection::kind,
        CallFaults.Injection::delay,
        injection -> injection.scope() == null ? Map.of() : Map.of(scopeName, injection.scope()));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("pending", steps);
    body.put("down", faults.isDown());
    body.put("down" + Character.toUpperCase(scopeName.charAt(0)) + scopeName.substring(1) + "s", faults.downScopes());
    return SimulatorReplies.json(200, body);
  }

  private ResponseDefinition inject(Object body) {
    FaultRequests.Parsed parsed = FaultRequests.parse(body);
    if (parsed.error() != null) {
      return badRequest(parsed.error());
    }
    Object scopeValue = ((Map<?, ?>) body).get(scopeName);
    if (scopeValue != null && !(scopeValue instanceof String text && validScope.test(text))) {
      return badRequest("\"" + scopeName + "\" is not one this simulator knows");
    }
    String scope = (String) scopeValue;
    FaultRequests.FaultRequest request = parsed.request();
    if (request.delay() != null) {
      faults.injectDelay(request.delay(), request.times(), scope);
    } else {
      StandardFault fault = FaultRequests.faultNamed(StandardFault.class, request.kind());
      if (fault == null) {
        return badRequest("Unknown kind; use DELAY or one of " + List.of(StandardFault.values()));
      }
      faults.injectFault(fault, request.times(), scope);
    }
    Map<String, Object> accepted = new LinkedHashMap<>();
    accepted.put("kind", request.kind());
    accepted.put("times", request.times());
    if (scope != null) {
      accepted.put(scopeName, scope);
    }
    return SimulatorReplies.json(200, accepted);
  }

  private ResponseDefinition switchDown(Request request, boolean down) {
    String scope = queryValue(request, scopeName);
    if (scope != null && !validScope.test(scope)) {
      return badRequest("\"" + scopeName + "\" is not one this simulator knows");
    }
    faults.setDown(down, scope);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("down", down);
    if (scope != null) {
      body.put(scopeName, scope);
    }
    return SimulatorReplies.json(200, body);
  }
}
