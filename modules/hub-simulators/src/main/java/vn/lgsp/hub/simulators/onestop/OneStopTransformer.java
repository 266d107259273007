package vn.lgsp.hub.simulators.onestop;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.lgsp.hub.simulators.SimulatorReplies;
import vn.lgsp.hub.simulators.SimulatorTransformer;

/**
 * {@code POST /api/intake/dossiers}: the down switch and injections first, then validation, idempotency and
 * recording. Logs name outcomes and counts only: the body holds the applicant's name and personal ID.
 */
final class OneStopTransformer extends SimulatorTransformer<OneStopState> {

  static final String NAME = "lgsp-onestop-intake";

  OneStopTransformer(OneStopState state) {
    super(NAME, state);
  }

  @Override
  protected ResponseDefinition answer(LoggedRequest request) {
    Optional<OneStopState.Injection> injection = state.call();
    if (injection.isPresent() && injection.get().fault() != null) {
      log.log(Level.INFO, "one-stop-shop delivery faulted: {0}", injection.get().fault());
      return OneStopReplies.fault(injection.get().fault());
    }
    ResponseDefinition reply = receive(request);
    return injection.map(delay -> OneStopReplies.late(reply, delay.delay())).orElse(reply);
  }

  private ResponseDefinition receive(LoggedRequest request) {
    if (!(parse(request.getBody()) instanceof Map<?, ?> delivery)) {
      return OneStopReplies.refused(400, "Dữ liệu gửi lên không phải đối tượng JSON hợp lệ");
    }
    Map<?, ?> dossier = delivery.get("dossier") instanceof Map<?, ?> map ? map : Map.of();
    Map<?, ?> verification = delivery.get("verification") instanceof Map<?, ?> map ? map : Map.of();
    String dossierCode = text(dossier.get("dossierCode"));
    String outcome = text(verification.get("outcome"));
    if (dossierCode == null) {
      return OneStopReplies.refused(422, "Thiếu mã hồ sơ (dossier.dossierCode)");
    }
    if (outcome == null) {
      return OneStopReplies.refused(422, "Thiếu kết quả xác thực (verification.outcome)");
    }
    String version = Optional.ofNullable(text(dossier.get("updatedAt"))).orElse(text(dossier.get("submittedAt")));
    List<String> differing = new ArrayList<>();
    if (verification.get("differingFields") instanceof List<?> fields) {
      fields.forEach(field -> differing.add(String.valueOf(field)));
    }
    String key = header(request, IDEMPOTENCY_HEADER);
    String correlationId = header(request, CORRELATION_HEADER);
    @SuppressWarnings("unchecked")
    Map<String, Object> body = (Map<String, Object>) delivery;
    OneStopState.Receipt receipt = state.receive(key, number -> new ReceivedDossier(dossierCode, version, key,
        outcome, List.copyOf(differing), correlationId, Instant.now(), number, body));
    log.log(Level.DEBUG, "one-stop-shop {0} a dossier", receipt.duplicate() ? "recognised" : "received");
    return OneStopReplies.receipt(receipt);
  }

  /** Maps for objects, lists for arrays; null for no body or no JSON. UTF-8 (RFC 8259), whatever was declared. */
  static Object parse(byte[] body) {
    return SimulatorReplies.parseJson(body);
  }

  private static String text(Object value) {
    return value instanceof String s && !s.isBlank() ? s : null;
  }
}
