package vn.lgsp.hub.app.exchange;

import java.time.Instant;
import java.util.List;
import vn.lgsp.hub.audit.ExchangeEvent;
import vn.lgsp.hub.audit.ExchangeRecord;

/**
 * What a caller sees of one of its exchanges: state, attempts, last error, timestamps and the timeline; for the flows
 * that name them, the officer who made the call and its purpose ({@code procedureCode/dossierCode}).
 */
public record ExchangeView(String exchangeId, String flow, String operation, String subject, Long sequence,
                           String state, int attempts, String lastErrorCode, String lastError, Instant acceptedAt,
                           Instant updatedAt, Instant completedAt, String correlationId, String officerId,
                           String purpose, List<Step> timeline) {

    public record Step(Instant at, String step, Integer attempt, String outcome, Long durationMs, String errorCode,
                       String detail) {
    }

    public static ExchangeView of(ExchangeRecord r, List<ExchangeEvent> events) {
        return new ExchangeView(r.id(), r.flow(), r.operation(), r.subjectKey(), r.sequence(), r.state().name(),
                r.attempts(), r.lastErrorCode(), r.lastError(), r.createdAt(), r.updatedAt(), r.completedAt(),
                r.correlationId(), r.officerId(), r.purpose(), events.stream()
                        .map(e -> new Step(e.at(), e.step().name(), e.attempt(), e.outcome(), e.durationMs(),
                                e.errorCode(), e.detail()))
                        .toList());
    }
}
