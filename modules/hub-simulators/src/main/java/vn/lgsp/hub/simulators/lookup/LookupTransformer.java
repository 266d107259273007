package vn.lgsp.hub.simulators.lookup;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.lgsp.hub.simulators.CallFaults;
import vn.lgsp.hub.simulators.SimulatorReplies;
import vn.lgsp.hub.simulators.SimulatorTransformer;
import vn.lgsp.hub.simulators.StandardFault;

/**
 * {@code GET <pathPrefix>/<key>}: the down switch and injections first, then the API key, the key's form and the
 * record. Logs outcomes only, never the key: a lookup key can be personal data.
 */
final class LookupTransformer extends SimulatorTransformer<CallFaults> {

  private final LookupContract contract;

  LookupTransformer(LookupContract contract, CallFaults faults) {
    super(name(contract), faults);
    this.contract = contract;
  }

  static String name(LookupContract contract) {
    return "lgsp-" + contract.code() + "-lookup";
  }

  @Override
  protected ResponseDefinition answer(LoggedRequest request) {
    Optional<CallFaults.Injection> injection = state.call(LookupSimulator.OPERATION);
    if (injection.isPresent() && injection.get().fault() != null) {
      log.log(Level.INFO, "{0} lookup faulted: {1}", contract.code(), injection.get().fault());
      return fault(injection.get().fault());
    }
    ResponseDefinition reply = lookUp(request);
    return injection.map(delay -> SimulatorReplies.late(reply, delay.delay())).orElse(reply);
  }

  private ResponseDefinition lookUp(LoggedRequest request) {
    if (contract.apiKeyHeader() != null && header(request, contract.apiKeyHeader()) == null) {
      return SimulatorReplies.json(401, contract.error(contract.words().unauthenticated()));
    }
    List<String> segments = pathSegments(request);
    String key = segments.get(segments.size() - 1).trim();
    if (!contract.keyPattern().matcher(key).matches()) {
      log.log(Level.DEBUG, "{0} lookup: malformed key", contract.code());
      return SimulatorReplies.json(400, contract.error(contract.words().invalidKey()));
    }
    Map<String, Object> record = contract.records().get(key);
    log.log(Level.DEBUG, "{0} lookup: {1}", contract.code(), record == null ? "not found" : "found");
    return record == null
        ? SimulatorReplies.json(404, contract.error(contract.words().notFound()))
        : SimulatorReplies.json(200, record);
  }

  private ResponseDefinition fault(StandardFault fault) {
    String firstKey = contract.records().keySet().stream().findFirst().orElse("");
    // a success status whose JSON stops in the middle of the first field
    return SimulatorReplies.fault(fault, () -> SimulatorReplies.rawJson(200, "{\"" + firstKey),
        () -> SimulatorReplies.json(422, contract.error(contract.words().rejected())));
  }
}
