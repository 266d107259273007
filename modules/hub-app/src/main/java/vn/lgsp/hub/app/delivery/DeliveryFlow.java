package vn.lgsp.hub.app.delivery;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What makes one ordered, guaranteed delivery flow different from another; {@link OrderedDelivery} and
 * {@link DeliveryRoute} do the rest (sequence gate, retries, dead letters, exchange log, metrics) the same way for
 * every flow.
 */
public interface DeliveryFlow {

    /**
     * What the engine needs to know of a flow.
     *
     * @param name      the flow's name in the exchange log and in metrics, e.g. {@code dossier-sync}
     * @param routeId   the id of its delivery route, {@code <flow>-deliver}
     * @param connector the upstream system it delivers to, as the metrics' {@code connector} tag
     * @param consumers parallel consumers; subjects are spread over them, each subject on one at a time
     */
    record Spec(String name, String routeId, String connector, DeliveryQueues queues, int consumers,
                RetryPolicy retry) {
    }

    Spec spec();

    /**
     * One delivery attempt. Returns when the upstream system has confirmed; throws an
     * {@link vn.lgsp.hub.core.error.UpstreamException} whose {@code retryable()} says whether to try again, or any
     * other exception for a failure no retry can mend. The engine records the attempt; the flow records any step of
     * its own.
     */
    void attempt(DeliveryMessage message) throws Exception;

    /**
     * The delay before the next re-scheduled round, given the one the retry policy plans: a flow with a deadline of
     * its own shortens it. By default the planned one.
     */
    default Duration nextDelay(DeliveryMessage message, Duration planned) {
        return planned;
    }

    /**
     * Whether the retry policy's limits ({@code max-attempts}, {@code max-duration}) apply to this failure. A flow
     * that waits for something with a deadline of its own says no while it waits. By default yes.
     */
    default boolean countsTowardsLimits(DeliveryMessage message, Exception failure) {
        return true;
    }

    /**
     * Where the engine saves the payloads of this flow's messages (bytes messages, as large messages) while it
     * delivers or moves them, or {@code null} for a flow whose messages are JSON only. A flow with a payload is consumed
     * without Camel mapping the message, so that a payload is never whole in heap. By default {@code null}.
     */
    default Path payloadDir() {
        return null;
    }
}
