package vn.lgsp.hub.simulators.population;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.lgsp.hub.simulators.SimulatorTransformer;

/**
 * {@code POST /ws/population}: injected behaviour first, then dispatch on the operation. Logs carry the operation
 * and the outcome only; requests and replies hold personal IDs and names.
 */
final class PopulationSoapTransformer extends SimulatorTransformer<PopulationState> {

  static final String NAME = "lgsp-population-soap";
  static final String VERIFY = "XacThucThongTinCongDan";
  static final String LOOKUP = "TraCuuThongTinCongDan";
  /** Recorded for a call whose operation cannot be told. */
  static final String UNKNOWN = "UNKNOWN";

  private final CitizenRegistry citizens;

  PopulationSoapTransformer(PopulationState state, CitizenRegistry citizens) {
    super(NAME, state);
    this.citizens = citizens;
  }

  @Override
  protected ResponseDefinition answer(LoggedRequest request) {
    String soapAction = request.containsHeader("SOAPAction") ? request.getHeader("SOAPAction") : null;
    SoapRequest call;
    SoapRequest.Invalid invalid = null;
    try {
      call = SoapRequest.parse(request.getBody(), soapAction);
    } catch (SoapRequest.Invalid e) {
      invalid = e;
      call = new SoapRequest(SoapRequest.fromAction(soapAction), null, null);
    }
    String operation = knownOperation(call.operation());
    Optional<PopulationInjection> injection = state.call(operation);
    if (injection.isPresent() && injection.get() instanceof PopulationInjection.Fail fail) {
      log.log(Level.INFO, "population call {0} faulted: {1}", operation, fail.fault());
      return PopulationReplies.fault(fail.fault());
    }
    ResponseDefinition reply = invalid != null
        ? PopulationReplies.refusal("E400", "Yêu cầu không hợp lệ: " + invalid.getMessage())
        : answer(operation, call);
    if (injection.isPresent() && injection.get() instanceof PopulationInjection.Delay delay) {
      log.log(Level.INFO, "population reply to {0} delayed by {1} ms", operation,
          Long.toString(delay.delay().toMillis()));
      return PopulationReplies.delayed(reply, delay.delay());
    }
    return reply;
  }

  private ResponseDefinition answer(String operation, SoapRequest call) {
    Map<String, Object> citizen = citizens.find(call.personalId(), call.oldId()).orElse(null);
    log.log(Level.DEBUG, "population {0}: {1}", operation, citizen != null ? "found" : "not found");
    return switch (operation) {
      case VERIFY -> PopulationReplies.verified(citizen);
      case LOOKUP -> PopulationReplies.lookedUp(UUID.randomUUID().toString(), citizen);
      default -> PopulationReplies.refusal("E400", "Thao tác không được hỗ trợ");
    };
  }

  /** Only the WSDL's operations are recorded by name, so that no client-chosen text reaches the call list. */
  private static String knownOperation(String operation) {
    return VERIFY.equals(operation) || LOOKUP.equals(operation) ? operation : UNKNOWN;
  }
}
