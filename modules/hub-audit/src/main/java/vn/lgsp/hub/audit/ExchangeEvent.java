package vn.lgsp.hub.audit;

import java.time.Instant;

/** One step in an exchange's timeline; {@code detail} is masked before it is stored. */
public record ExchangeEvent(
        long id,
        String exchangeId,
        Instant at,
        ExchangeStep step,
        Integer attempt,
        String outcome,
        Long durationMs,
        String errorCode,
        String detail) {
}
