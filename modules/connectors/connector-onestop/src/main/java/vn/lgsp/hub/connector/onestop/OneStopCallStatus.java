package vn.lgsp.hub.connector.onestop;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How recent deliveries went, so that health is judged from real traffic and a health check never calls the
 * one-stop-shop. A rejection is an answer: the one-stop-shop is up, it just did not like the dossier.
 */
public final class OneStopCallStatus {

    /** {@code NONE} before the first delivery. */
    public enum Outcome { NONE, ANSWERED, FAILED }

    /**
     * @param outcome             how the last delivery ended
     * @param at                  when it ended; {@code null} before the first
     * @param errorCode           the stable code of the last failure or rejection, if the last call had one
     * @param consecutiveFailures deliveries without an answer since the last answer
     */
    public record Snapshot(Outcome outcome, Instant at, String errorCode, int consecutiveFailures) {
    }

    private final Clock clock;
    private final AtomicReference<Snapshot> last = new AtomicReference<>(new Snapshot(Outcome.NONE, null, null, 0));

    public OneStopCallStatus(Clock clock) {
        this.clock = clock;
    }

    public Snapshot snapshot() {
        return last.get();
    }

    /** Records one delivery: {@code failure} is {@code null} on success. */
    void record(OneStopException failure) {
        Instant now = clock.instant();
        if (failure == null || !failure.retryable()) {
            last.set(new Snapshot(Outcome.ANSWERED, now, failure == null ? null : failure.errorCode().code(), 0));
        } else {
            last.updateAndGet(previous -> new Snapshot(Outcome.FAILED, now, failure.errorCode().code(),
                    previous.consecutiveFailures() + 1));
        }
    }
}
