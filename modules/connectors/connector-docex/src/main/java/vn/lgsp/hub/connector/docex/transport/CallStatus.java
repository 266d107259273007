package vn.lgsp.hub.connector.docex.transport;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How recent calls went, so that health is judged from real traffic and a health check never calls the upstream
 * system. A refusal is an answer: the system is up, it just did not accept the request.
 */
public final class CallStatus {

    /** {@code NONE} before the first call. */
    public enum Outcome { NONE, ANSWERED, FAILED }

    /**
     * @param outcome             how the last call ended
     * @param at                  when it ended; {@code null} before the first
     * @param errorCode           the stable code of the last failure or refusal, if the last call had one
     * @param consecutiveFailures calls without an answer since the last answer
     */
    public record Snapshot(Outcome outcome, Instant at, String errorCode, int consecutiveFailures) {
    }

    private final Clock clock;
    private final AtomicReference<Snapshot> last = new AtomicReference<>(new Snapshot(Outcome.NONE, null, null, 0));

    public CallStatus(Clock clock) {
        this.clock = clock;
    }

    public Snapshot snapshot() {
        return last.get();
    }

    /** Records one call: {@code failure} is {@code null} on success. */
    public void record(DocexException failure) {
        Instant now = clock.instant();
        if (failure == null || !failure.retryable()) {
            last.set(new Snapshot(Outcome.ANSWERED, now, failure == null ? null : failure.errorCode().code(), 0));
        } else {
            last.updateAndGet(previous -> new Snapshot(Outcome.FAILED, now, failure.errorCode().code(),
                    previous.consecutiveFailures() + 1));
        }
    }
}
