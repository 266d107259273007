package vn.lgsp.hub.app.flow.intake;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Polls the portal's intake list on a timer. Only one poll runs at a time in an instance (the timer does not
 * overlap itself); across instances the watermark's row lock serialises them.
 */
@Component
@ConditionalOnProperty(name = "hub.flow.intake.poll.enabled", havingValue = "true", matchIfMissing = true)
public class IntakePollRoute extends RouteBuilder {

    public static final String ROUTE_ID = "intake-poll";

    private final IntakeFlowProperties props;
    private final IntakePoller poller;

    public IntakePollRoute(IntakeFlowProperties props, IntakePoller poller) {
        this.props = props;
        this.poller = poller;
    }

    @Override
    public void configure() {
        long period = props.poll().interval().toMillis();
        from("timer:" + ROUTE_ID + "?delay=" + Math.min(period, 5000) + "&period=" + period)
                .routeId(ROUTE_ID)
                .bean(poller, "poll");
    }
}
