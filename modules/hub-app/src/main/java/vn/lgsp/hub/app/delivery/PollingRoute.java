package vn.lgsp.hub.app.delivery;

import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.model.RouteDefinition;

/**
 * A route that polls a source on a timer by calling one bean method. One poll at a time in an instance (Camel's timer
 * does not overlap itself). With a cluster service ({@code hub.cluster.enabled}, the default) the route runs only on
 * the instance that leads its role, named by the route id, and stays registered but stopped on the others; without
 * one every instance polls, and the poller's watermark row lock serialises them.
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
    public void configure() throws Exception {
        long period = interval.toMillis();
        // the first poll soon after start-up (or after taking over), not a whole interval later
        RouteDefinition route = from("timer:" + routeId + "?delay=" + Math.min(period, 5000) + "&period=" + period)
                .routeId(routeId);
        if (!getCamelContext().getRegistry().findByType(CamelClusterService.class).isEmpty()) {
            route.routePolicy(ClusteredRoutePolicy.forNamespace(getCamelContext(), routeId));
        }
        route.bean(poller, "poll");
    }
}
