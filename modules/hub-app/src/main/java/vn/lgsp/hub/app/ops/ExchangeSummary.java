package vn.lgsp.hub.app.ops;

import java.time.Instant;
import vn.lgsp.hub.audit.ExchangeRecord;

/**
 * One exchange in an operator's list: what the exchange log holds of it (metadata and masked identifiers only, never
 * a payload), without its timeline ({@code GET /api/v1/ops/exchanges/{id}} has that).
 *
 * @param subject what the exchange is about: a dossier code, or {@code <recipient>|<documentId>} for documents
 */
public record ExchangeSummary(String exchangeId, String flow, String operation, String clientId, String subject,
                              Long sequence, String state, int attempts, String lastErrorCode, String lastError,
                              Instant acceptedAt, Instant updatedAt, Instant completedAt, String correlationId,
                              String officerId, String purpose) {

    public static ExchangeSummary of(ExchangeRecord r) {
        return new ExchangeSummary(r.id(), r.flow(), r.operation(), r.clientId(), r.subjectKey(), r.sequence(),
                r.state().name(), r.attempts(), r.lastErrorCode(), r.lastError(), r.createdAt(), r.updatedAt(),
                r.completedAt(), r.correlationId(), r.officerId(), r.purpose());
    }
}
