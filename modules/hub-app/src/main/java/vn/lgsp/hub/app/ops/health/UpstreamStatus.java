package vn.lgsp.hub.app.ops.health;

import org.springframework.boot.actuate.health.Status;

/** The health status of an upstream system the hub cannot reach for now. */
public final class UpstreamStatus {

    /**
     * An upstream is failing or its circuit breaker is open: deliveries to it wait and are retried, and the hub goes
     * on accepting. Answered with 200; between DOWN and UP in {@code management.endpoint.health.status.order}.
     */
    public static final Status DEGRADED = new Status("DEGRADED");

    private UpstreamStatus() {
    }
}
