package vn.lgsp.hub.connector.business;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * Business registration database health from the last call: UNKNOWN before the first, UP while the database
 * answers (a refusal or a "not found" is an answer), DEGRADED after a call that got no usable answer. DEGRADED, not DOWN: the system being away degrades
 * one service of the hub and must not take the hub out of a load balancer (the hub's health status order knows it).
 */
public class BusinessHealthIndicator extends AbstractHealthIndicator {

    /** The hub's status for an upstream away; the same code as hub-app's, without depending on it. */
    public static final Status DEGRADED = new Status("DEGRADED");

    private final BusinessCallStatus status;

    public BusinessHealthIndicator(BusinessCallStatus status) {
        super("National business registration health check failed");
        this.status = status;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        BusinessCallStatus.Snapshot last = status.snapshot();
        if (last.outcome() == BusinessCallStatus.Outcome.NONE) {
            builder.unknown();
            return;
        }
        (last.outcome() == BusinessCallStatus.Outcome.ANSWERED ? builder.up() : builder.status(DEGRADED))
                .withDetail("lastCallAt", last.at().toString())
                .withDetail("consecutiveFailures", last.consecutiveFailures());
        if (last.errorCode() != null) {
            builder.withDetail("lastErrorCode", last.errorCode());
        }
    }
}
