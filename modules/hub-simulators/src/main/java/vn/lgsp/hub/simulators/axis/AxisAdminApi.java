package vn.lgsp.hub.simulators.axis;

import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.lgsp.hub.simulators.FaultAdmin;
import vn.lgsp.hub.simulators.SimulatorReplies;

/**
 * {@code /__admin/axis/...}: what the hub sent (without the packages), packages arriving for the province, the
 * transport acknowledgements, counters, and the faults, down switch and reset every simulator has.
 */
final class AxisAdminApi implements AdminApiExtension {

  private final AxisState state;

  AxisAdminApi(AxisState state) {
    this.state = state;
  }

  @Override
  public String getName() {
    return "lgsp-axis-admin";
  }

  @Override
  public void contributeAdminApiRoutes(Router router) {
    router.add(RequestMethod.GET, "/axis/sent", (admin, event, params) ->
        SimulatorReplies.json(200, state.sent().stream().map(SimulatorReplies::view).toList()));
    router.add(RequestMethod.GET, "/axis/acks", (admin, event, params) ->
        SimulatorReplies.json(200, state.acks().stream().map(SimulatorReplies::view).toList()));
    router.add(RequestMethod.POST, "/axis/inbox", (admin, event, params) -> inbox(event.getRequest()));
    router.add(RequestMethod.GET, "/axis/counters", (admin, event, params) -> counters());
    new FaultAdmin("/axis", state.faults(), "operation", AxisOperation::isScope, state::reset).addRoutes(router);
  }

  private ResponseDefinition inbox(Request request) {
    String messagetype = FaultAdmin.queryValue(request, "messagetype");
    try {
      InboxDelivery delivery = state.deliver(FaultAdmin.queryValue(request, "to"),
          FaultAdmin.queryValue(request, "from"), messagetype == null ? "edoc" : messagetype, request.getBody());
      return SimulatorReplies.json(200, SimulatorReplies.view(delivery));
    } catch (IllegalArgumentException e) {
      return FaultAdmin.badRequest(e.getMessage() + "; send ?to=<organId>&from=<organId>[&messagetype=edoc|status]"
          + " with the package as body");
    }
  }

  private ResponseDefinition counters() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("sent", state.sent().size());
    body.put("duplicates", state.duplicateCount());
    body.put("acks", state.acks().size());
    body.put("calls", state.faults().callCount());
    body.put("down", state.faults().isDown());
    return SimulatorReplies.json(200, body);
  }
}
