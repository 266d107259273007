package vn.lgsp.hub.connector.portal;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import vn.lgsp.hub.connector.portal.PortalCallStatus.Snapshot;

/**
 * Portal health from the outcome of recent calls, so that a health check never calls the portal itself:
 * UNKNOWN before the first call, UP while the portal answers (a business refusal is an answer), DOWN when the
 * last call got no usable answer.
 */
public class PortalHealthIndicator extends AbstractHealthIndicator {

    private final PortalCallStatus status;

    public PortalHealthIndicator(PortalCallStatus status) {
        super("Portal health check failed");
        this.status = status;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Snapshot s = status.snapshot();
        switch (s.lastOutcome()) {
            case NONE -> builder.unknown();
            case DELIVERED, REJECTED -> builder.up();
            case FAILED -> builder.down();
        }
        builder.withDetail("lastOutcome", s.lastOutcome().name())
                .withDetail("consecutiveFailures", s.consecutiveFailures());
        if (s.lastAnswerAt() != null) {
            builder.withDetail("lastAnswerAt", s.lastAnswerAt().toString());
        }
        if (s.lastFailureAt() != null) {
            builder.withDetail("lastFailureAt", s.lastFailureAt().toString());
        }
        if (s.lastErrorCode() != null) {
            builder.withDetail("lastErrorCode", s.lastErrorCode());
        }
    }
}
