package vn.lgsp.hub.simulators.agency;

import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.lgsp.hub.simulators.FaultAdmin;
import vn.lgsp.hub.simulators.SimulatorReplies;

/**
 * {@code /__admin/agencies/...}: what was pushed (without the packages), counters, and the faults (optionally for one
 * agency, {@code "organId"}), down switch (optionally {@code ?organId=}) and reset every simulator has.
 */
final class AgencyAdminApi implements AdminApiExtension {

  private final AgencyState state;

  AgencyAdminApi(AgencyState state) {
    this.state = state;
  }

  @Override
  public String getName() {
    return "lgsp-agency-admin";
  }

  @Override
  public void contributeAdminApiRoutes(Router router) {
    router.add(RequestMethod.GET, "/agencies/received", (admin, event, params) -> SimulatorReplies.json(200,
        state.received(FaultAdmin.queryValue(event.getRequest(), "organId")).stream()
            .map(SimulatorReplies::view).toList()));
    router.add(RequestMethod.GET, "/agencies/counters", (admin, event, params) -> counters());
    new FaultAdmin("/agencies", state.faults(), "organId", code -> !code.isBlank(), state::reset).addRoutes(router);
  }

  private ResponseDefinition counters() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("received", state.received(null).size());
    body.put("duplicates", state.duplicateCount());
    body.put("calls", state.faults().callCount());
    body.put("down", state.faults().isDown());
    return SimulatorReplies.json(200, body);
  }
}
