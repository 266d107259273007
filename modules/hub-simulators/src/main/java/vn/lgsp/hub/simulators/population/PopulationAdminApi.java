package vn.lgsp.hub.simulators.population;

import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.common.JsonException;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.lgsp.hub.simulators.FaultRequests;

/**
 * {@code /__admin/population/...}: the Java API over HTTP. Calls are listed by operation name only;
 * {@code GET /population/sample} is the one route that shows personal data, and only that of generated citizens.
 */
final class PopulationAdminApi implements AdminApiExtension {

  static final String NAME = "lgsp-population-admin";
  static final int DEFAULT_SAMPLE = 20;
  static final int MAX_SAMPLE = 200;

  private final PopulationState state;
  private final CitizenRegistry citizens;

  PopulationAdminApi(PopulationState state, CitizenRegistry citizens) {
    this.state = state;
    this.citizens = citizens;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public void contributeAdminApiRoutes(Router router) {
    router.add(RequestMethod.GET, "/population/calls", (admin, event, params) -> {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("calls", state.callCount());
      body.put("operations", state.operations());
      return PopulationReplies.json(200, body);
    });
    router.add(RequestMethod.POST, "/population/reset", (admin, event, params) -> {
      state.reset();
      return PopulationReplies.json(200, Map.of("reset", true));
    });
    router.add(RequestMethod.GET, "/population/faults", (admin, event, params) -> pendingFaults());
    router.add(RequestMethod.GET, "/population/sample",
        (admin, event, params) -> sample(event.getRequest().queryParameter("n")));
    router.add(RequestMethod.POST, "/population/faults",
        (admin, event, params) -> injectFault(parse(event.getRequest().getBody())));
  }

  private ResponseDefinition pendingFaults() {
    List<Map<String, Object>> steps = FaultRequests.describe(state.pending(), PopulationInjection::kind,
        injection -> injection instanceof PopulationInjection.Delay delay ? delay.delay() : null);
    return PopulationReplies.json(200, Map.of("pending", steps));
  }

  /**
   * The first {@code n} generated citizens (always the same ones) with what a test needs to build matching or
   * mismatching inputs: personal ID, full name, sex and date of birth.
   */
  private ResponseDefinition sample(QueryParameter nParameter) {
    int n = DEFAULT_SAMPLE;
    if (nParameter != null && nParameter.isPresent()) {
      try {
        n = Integer.parseInt(nParameter.firstValue().trim());
      } catch (NumberFormatException e) {
        n = -1;
      }
      if (n < 1 || n > MAX_SAMPLE) {
        return badRequest("\"n\" must be an integer between 1 and " + MAX_SAMPLE);
      }
    }
    List<Map<String, Object>> sample = citizens.generated().stream().limit(n).map(citizen -> {
      Map<?, ?> name = (Map<?, ?>) citizen.get("HoVaTen");
      Map<?, ?> birth = (Map<?, ?>) citizen.get("NgayThangNamSinh");
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("SoDinhDanh", citizen.get("SoDinhDanh"));
      view.put("HoVaTen", name.get("Ho") + " " + name.get("ChuDem") + " " + name.get("Ten"));
      view.put("GioiTinh", citizen.get("GioiTinh"));
      view.put("NgayThangNamSinh", birth.get("NgayThangNam"));
      return view;
    }).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("seed", citizens.seed());
    body.put("total", citizens.size());
    body.put("generated", citizens.generated().size());
    body.put("notFoundExample", PopulationGenerator.NOT_FOUND_ID);
    body.put("citizens", sample);
    return PopulationReplies.json(200, body);
  }

  private ResponseDefinition injectFault(Object body) {
    FaultRequests.Parsed parsed = FaultRequests.parse(body);
    if (parsed.error() != null) {
      return badRequest(parsed.error());
    }
    FaultRequests.FaultRequest request = parsed.request();
    if (request.kind().equals(FaultRequests.DELAY)) {
      state.injectDelay(request.delay(), request.times());
    } else {
      PopulationFault fault = FaultRequests.faultNamed(PopulationFault.class, request.kind());
      if (fault == null) {
        return badRequest("Unknown kind; use DELAY or one of " + List.of(PopulationFault.values()));
      }
      state.injectFault(fault, request.times());
    }
    Map<String, Object> accepted = new LinkedHashMap<>();
    accepted.put("kind", request.kind());
    accepted.put("times", request.times());
    return PopulationReplies.json(200, accepted);
  }

  private static Object parse(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      return Json.read(new String(body, StandardCharsets.UTF_8), Object.class);
    } catch (JsonException e) {
      return null;
    }
  }

  private static ResponseDefinition badRequest(String message) {
    return PopulationReplies.json(400, Map.of("error", message));
  }
}
