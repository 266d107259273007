package vn.lgsp.hub.simulators.portal;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /adapter/api}: injected behaviour first, then session, idempotency, validation and
 * recording. Logs carry the service and counts only; bodies hold personal data.
 */
final class PortalApiTransformer implements ResponseDefinitionTransformerV2 {

  static final String NAME = "lgsp-portal-api";
  static final String SESSION_HEADER = "session";
  static final String IDEMPOTENCY_HEADER = "X-Idempotency-Key";

  private static final System.Logger LOG = System.getLogger(PortalApiTransformer.class.getName());

  private final PortalState state;

  PortalApiTransformer(PortalState state) {
    this.state = state;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    state.countCall();
    Optional<Injection> injection = state.plan().next();
    if (injection.isPresent() && injection.get() instanceof Injection.Fail fail) {
      LOG.log(Level.INFO, "portal call faulted: {0}", fail.fault());
      return PortalReplies.fault(fail.fault());
    }
    if (injection.isPresent() && injection.get() instanceof Injection.Reject) {
      LOG.log(Level.INFO, "portal call rejected on request");
      return PortalReplies.rejected("Hồ sơ không được chấp nhận (từ chối mô phỏng)");
    }
    ResponseDefinition reply = handle(serveEvent.getRequest());
    if (injection.isPresent() && injection.get() instanceof Injection.Delay delay) {
      LOG.log(Level.INFO, "portal reply delayed by {0} ms", Long.toString(delay.delay().toMillis()));
      return PortalReplies.delayed(reply, delay.delay());
    }
    return reply;
  }

  private ResponseDefinition handle(LoggedRequest request) {
    if (!state.isValidSession(request.getHeader(SESSION_HEADER))) {
      LOG.log(Level.DEBUG, "portal call without a valid session");
      return PortalReplies.invalidSession();
    }
    String key = blankToNull(request.getHeader(IDEMPOTENCY_HEADER));
    if (state.isAlreadyAccepted(key)) {
      state.countDuplicate();
      LOG.log(Level.DEBUG, "portal call is a duplicate");
      return PortalReplies.duplicate();
    }
    ApiRequest call;
    try {
      call = ApiRequest.from(PortalJson.parse(request.getBody()));
    } catch (ApiRequest.Invalid e) {
      LOG.log(Level.DEBUG, "portal call refused by validation");
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
    LOG.log(Level.DEBUG, "portal accepted service={0} items={1}", call.service(), Integer.toString(items.size()));
    return PortalReplies.accepted();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
