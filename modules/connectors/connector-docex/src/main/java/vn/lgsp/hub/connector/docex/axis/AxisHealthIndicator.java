package vn.lgsp.hub.connector.docex.axis;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import vn.lgsp.hub.connector.docex.transport.CallStatus;

/**
 * Health of the national document axis from the last call (contributor {@code docexAxis}): UNKNOWN before the first,
 * UP while the axis answers (a refusal is an answer), DOWN after a call that got no usable answer. It is not part of
 * readiness: an axis that is down delays documents, which are retried, and must not take the hub out of a load
 * balancer.
 */
public class AxisHealthIndicator extends AbstractHealthIndicator {

    private final CallStatus status;

    public AxisHealthIndicator(CallStatus status) {
        super("Document axis health check failed");
        this.status = status;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        CallStatus.Snapshot last = status.snapshot();
        if (last.outcome() == CallStatus.Outcome.NONE) {
            builder.unknown();
            return;
        }
        (last.outcome() == CallStatus.Outcome.ANSWERED ? builder.up() : builder.down())
                .withDetail("lastCallAt", last.at().toString())
                .withDetail("consecutiveFailures", last.consecutiveFailures());
        if (last.errorCode() != null) {
            builder.withDetail("lastErrorCode", last.errorCode());
        }
    }
}
