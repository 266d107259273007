package vn.lgsp.hub.simulators.portal;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.lgsp.hub.simulators.SimulatorTransformer;

/**
 * {@code POST /adapter/api}: injected behaviour first, then session, idempotency, validation and
 * recording. Logs carry the service and counts only; bodies hold personal data.
 */
final class PortalApiTransformer extends SimulatorTransformer<PortalState> {

  static final String NAME = "lgsp-portal-api";
  static final String SESSION_HEADER = "session";

  PortalApiTransformer(PortalState state) {
    super(NAME, state);
  }

  @Override
  protected ResponseDefinition answer(LoggedRequest request) {
    Object body = PortalJson.parse(request.getBody());
    boolean intakeList = PortalIntake.isListCall(body);
    // polls are counted apart, so that a hub polling for intake does not disturb counts of deliveries
    if (intakeList) {
      state.intake().countListCall();
    } else {
      state.countCall();
    }
    Optional<Injection> injection = state.plan().next();
    if (injection.isPresent() && injection.get() instanceof Injection.Fail fail) {
      log.log(Level.INFO, "portal call faulted: {0}", fail.fault());
      return PortalReplies.fault(fail.fault());
    }
    if (injection.isPresent() && injection.get() instanceof Injection.Reject) {
      log.log(Level.INFO, "portal call rejected on request");
      return PortalReplies.rejected("Hồ sơ không được chấp nhận (từ chối mô phỏng)");
    }
    ResponseDefinition reply = intakeList ? listIntake(request, body) : handle(request, body);
    if (injection.isPresent() && injection.get() instanceof Injection.Delay delay) {
      log.log(Level.INFO, "portal reply delayed by {0} ms", Long.toString(delay.delay().toMillis()));
      return PortalReplies.delayed(reply, delay.delay());
    }
    return reply;
  }

  private ResponseDefinition listIntake(LoggedRequest request, Object body) {
    if (!state.isValidSession(request.getHeader(SESSION_HEADER))) {
      return PortalReplies.invalidSession();
    }
    try {
      List<Map<String, Object>> page = state.intake().list(body);
      log.log(Level.DEBUG, "portal listed {0} online dossiers", Integer.toString(page.size()));
      return PortalReplies.intakePage(page);
    } catch (ApiRequest.Invalid e) {
      return PortalReplies.rejected(e.getMessage());
    }
  }

  private ResponseDefinition handle(LoggedRequest request, Object body) {
    if (!state.isValidSession(request.getHeader(SESSION_HEADER))) {
      log.log(Level.DEBUG, "portal call without a valid session");
      return PortalReplies.invalidSession();
    }
    String key = blankToNull(request.getHeader(IDEMPOTENCY_HEADER));
    if (state.isAlreadyAccepted(key)) {
      state.countDuplicate();
      log.log(Level.DEBUG, "portal call is a duplicate");
      return PortalReplies.duplicate();
    }
    ApiRequest call;
    try {
      call = ApiRequest.from(body);
    } catch (ApiRequest.Invalid e) {
      log.log(Level.DEBUG, "portal call refused by validation");
      return PortalReplies.rejected(e.getMessage());
    }
    Instant now = Instant.now();
    List<ReceivedCall> items = call.items().stream()
        .map(item -> new ReceivedCall(call.service(), ApiRequest.dossierCode(item), call.status(item), key, now,
            call.updating(), item))
        .toList();
    if (!state.accept(key, items)) {
      return PortalReplies.duplicate();
    }
    log.log(Level.DEBUG, "portal accepted service={0} items={1}", call.service(), Integer.toString(items.size()));
    return PortalReplies.accepted();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
