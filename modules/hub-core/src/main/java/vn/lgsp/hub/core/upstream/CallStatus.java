package vn.lgsp.hub.core.upstream;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import vn.lgsp.hub.core.error.UpstreamException;

/**
 * How a connector's recent calls went, so that its health indicator judges from real traffic and a health check never
 * calls the upstream system. A refusal or a "not found" (a failure that is not retryable) is an answer: the system is
 * up. Shared by the connectors whose calls end in an {@link UpstreamException} (one-stop-shop, document exchange,
 * connectors made by {@code scripts/new-connector}). Each connector subclasses it with a type of its own, so that its
 * health indicator is given its own connector's status by type.
 */
public class CallStatus {

    /** {@code NONE} before the first call. */
    public enum Outcome { NONE, ANSWERED, FAILED }

    /**
     * @param outcome             how the last call ended
     * @param at                  when it ended; {@code null} before the first
     * @param errorCode           the stable code of the last call's failure, if it had one
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
    public void record(UpstreamException failure) {
        Instant now = clock.instant();
        if (failure == null || !failure.retryable()) {
            last.set(new Snapshot(Outcome.ANSWERED, now, failure == null ? null : failure.errorCode().code(), 0));
        } else {
            last.updateAndGet(previous -> new Snapshot(Outcome.FAILED, now, failure.errorCode().code(),
                    previous.consecutiveFailures() + 1));
        }
    }
}
