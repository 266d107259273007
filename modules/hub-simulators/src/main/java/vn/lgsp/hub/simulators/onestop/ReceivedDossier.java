package vn.lgsp.hub.simulators.onestop;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One dossier the one-stop-shop accepted, in arrival order. Everything but {@code delivery} is free of personal data
 * and is what the admin API lists.
 *
 * @param dossierCode         {@code dossier.dossierCode}
 * @param version             {@code dossier.updatedAt}, else {@code dossier.submittedAt}, as sent
 * @param idempotencyKey      the call's {@code X-Idempotency-Key}, or {@code null} when it had none
 * @param verificationOutcome {@code verification.outcome} (VERIFIED, MISMATCH, …)
 * @param differingFields     {@code verification.differingFields}
 * @param correlationId       the call's {@code X-Correlation-Id}, or {@code null}
 * @param receivedAt          when it was accepted
 * @param receiptNumber       the receipt number issued for it
 * @param delivery            the body as sent, parsed from JSON (objects are maps, arrays are lists)
 */
public record ReceivedDossier(
    String dossierCode,
    String version,
    String idempotencyKey,
    String verificationOutcome,
    List<String> differingFields,
    String correlationId,
    Instant receivedAt,
    String receiptNumber,
    Map<String, Object> delivery) {
}
