package vn.lgsp.hub.connector.portal;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Outcomes of recent calls to the portal, kept so that health can be reported from real traffic rather than by
 * calling the portal on every health check. A business refusal counts as the portal answering.
 */
public final class PortalCallStatus {

    /** What the last call came to. */
    public enum Outcome { NONE, DELIVERED, REJECTED, FAILED }

    /**
     * @param lastOutcome         the last call's outcome; {@code NONE} before the first call
     * @param lastAnswerAt        when the portal last answered (delivered or rejected)
     * @param lastFailureAt       when a call last failed without a usable answer
     * @param lastErrorCode       the stable error code of the last failed or rejected call
     * @param consecutiveFailures failures since the portal last answered
     */
    public record Snapshot(Outcome lastOutcome, Instant lastAnswerAt, Instant lastFailureAt, String lastErrorCode,
                           int consecutiveFailures) {
    }

    private final Clock clock;
    private final AtomicReference<Snapshot> state =
            new AtomicReference<>(new Snapshot(Outcome.NONE, null, null, null, 0));

    public PortalCallStatus(Clock clock) {
        this.clock = clock;
    }

    public Snapshot snapshot() {
        return state.get();
    }

    void delivered() {
        Instant now = clock.instant();
        state.updateAndGet(s -> new Snapshot(Outcome.DELIVERED, now, s.lastFailureAt(), s.lastErrorCode(), 0));
    }

    void rejected(PortalException e) {
        Instant now = clock.instant();
        state.updateAndGet(s -> new Snapshot(Outcome.REJECTED, now, s.lastFailureAt(), e.errorCode().code(), 0));
    }

    void failed(PortalException e) {
        Instant now = clock.instant();
        state.updateAndGet(s -> new Snapshot(Outcome.FAILED, s.lastAnswerAt(), now, e.errorCode().code(),
                s.consecutiveFailures() + 1));
    }
}
