package vn.lgsp.hub.app.ops.health;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * A connector's own health indicator, with DOWN reported as {@link UpstreamStatus#DEGRADED}: an upstream that does
 * not answer makes the hub degraded, not dead, and must not turn {@code /actuator/health} into a 503. The connector's
 * details (last outcome, last failure, its error code) are kept.
 */
public class DegradedWhenDown implements HealthIndicator {

    private final HealthIndicator delegate;

    public DegradedWhenDown(HealthIndicator delegate) {
        this.delegate = delegate;
    }

    @Override
    public Health health() {
        Health h = delegate.health();
        if (!Status.DOWN.equals(h.getStatus())) {
            return h;
        }
        return Health.status(UpstreamStatus.DEGRADED).withDetails(h.getDetails()).build();
    }
}
