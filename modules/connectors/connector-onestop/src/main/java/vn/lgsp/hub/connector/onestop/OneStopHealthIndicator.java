package vn.lgsp.hub.connector.onestop;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import vn.lgsp.hub.core.upstream.CallStatus.Snapshot;

/**
 * One-stop-shop health from the last delivery: UNKNOWN before the first, UP while it answers (a rejection is an
 * answer), DOWN after a delivery that got no usable answer. It is not part of readiness: a one-stop-shop that is
 * down delays deliveries, which are retried, and must not take the hub out of a load balancer.
 */
public class OneStopHealthIndicator extends AbstractHealthIndicator {

    private final OneStopCallStatus status;

    public OneStopHealthIndicator(OneStopCallStatus status) {
        super("One-stop-shop health check failed");
        this.status = status;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Snapshot last = status.snapshot();
        if (last.outcome() == OneStopCallStatus.Outcome.NONE) {
            builder.unknown();
            return;
        }
        (last.outcome() == OneStopCallStatus.Outcome.ANSWERED ? builder.up() : builder.down())
                .withDetail("lastCallAt", last.at().toString())
                .withDetail("consecutiveFailures", last.consecutiveFailures());
        if (last.errorCode() != null) {
            builder.withDetail("lastErrorCode", last.errorCode());
        }
    }
}
