package vn.lgsp.hub.simulators.lookup;

import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.lgsp.hub.simulators.CallFaults;
import vn.lgsp.hub.simulators.FaultAdmin;
import vn.lgsp.hub.simulators.SimulatorReplies;

/**
 * {@code /__admin/<code>/...}: the keys it knows ({@code GET records}), counters, and the faults, down switch and
 * reset every simulator has (scope {@code "operation"}, whose only value is {@code lookup}).
 */
final class LookupAdminApi implements AdminApiExtension {

  private final LookupContract contract;
  private final CallFaults faults;

  LookupAdminApi(LookupContract contract, CallFaults faults) {
    this.contract = contract;
    this.faults = faults;
  }

  @Override
  public String getName() {
    return "lgsp-" + contract.code() + "-admin";
  }

  @Override
  public void contributeAdminApiRoutes(Router router) {
    String prefix = "/" + contract.code();
    router.add(RequestMethod.GET, prefix + "/records",
        (admin, event, params) -> SimulatorReplies.json(200, contract.records().values()));
    router.add(RequestMethod.GET, prefix + "/counters", (admin, event, params) -> {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("calls", faults.callCount());
      body.put("down", faults.isDown());
      return SimulatorReplies.json(200, body);
    });
    new FaultAdmin(prefix, faults, "operation", LookupSimulator.OPERATION::equals, faults::reset).addRoutes(router);
  }
}
