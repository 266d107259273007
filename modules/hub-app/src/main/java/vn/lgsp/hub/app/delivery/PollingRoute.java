package vn.lgsp.hub.app.delivery;

import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;

/**
 * A route that polls a source on a timer by calling one bean method. One poll at a time in an instance (Camel's timer
 * does not overlap itself); across instances the poller's watermark row lock serialises them.
 */
public abstract class PollingRoute extends RouteBuilder {

    private final String routeId;
    private final Duration interval;
    private final Object poller;

    protected PollingRoute(String routeId, Duration interval, Object poller) {
        this.routeId = routeId;
        this.interval = interval;
        this.poller = poller;
    }

    @Override
    public void configure() {
        long period = interval.toMillis();
        // the first poll soon after start-up, not a whole interval later
        from("timer:" + routeId + "?delay=" + Math.min(period, 5000) + "&period=" + period)
                .routeId(routeId)
                .bean(poller, "poll");
    }
}
