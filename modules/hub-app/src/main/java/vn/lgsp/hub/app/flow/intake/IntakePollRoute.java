package vn.lgsp.hub.app.flow.intake;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.app.delivery.PollingRoute;

/** Polls the portal's intake list every {@code hub.flow.intake.poll.interval}. */
@Component
@ConditionalOnProperty(name = "hub.flow.intake.poll.enabled", havingValue = "true", matchIfMissing = true)
public class IntakePollRoute extends PollingRoute {

    public static final String ROUTE_ID = "intake-poll";

    public IntakePollRoute(IntakeFlowProperties props, IntakePoller poller) {
        super(ROUTE_ID, props.poll().interval(), poller);
    }
}
