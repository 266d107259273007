package vn.lgsp.hub.audit;

import java.time.Instant;

/**
 * One exchange as the exchange log holds it.
 *
 * @param subjectKey    what the exchange is about and ordered by (a dossier code); not personal data
 * @param subjectMasked a masked personal identifier, when the exchange concerns a person
 * @param sequence      position of the exchange among its subject's exchanges, from 1
 * @param officerId     the officer who made the call, when the flow names one
 * @param purpose       why the call was made, as {@code procedureCode/dossierCode}, when the flow names one
 */
public record ExchangeRecord(
        String id,
        String flow,
        String operation,
        String clientId,
        String correlationId,
        String eventKey,
        String subjectKey,
        Long sequence,
        String subjectMasked,
        ExchangeState state,
        int attempts,
        String lastErrorCode,
        String lastError,
        Instant createdAt,
        Instant updatedAt,
        Instant completedAt,
        String officerId,
        String purpose) {
}
