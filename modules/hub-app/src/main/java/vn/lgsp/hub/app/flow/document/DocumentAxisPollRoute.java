package vn.lgsp.hub.app.flow.document;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Polls the national axis on a timer. One poll at a time in an instance (the timer does not overlap itself); across
 * instances the watermark's row lock serialises them.
 */
@Component
@ConditionalOnProperty(name = "hub.flow.document.poll.enabled", havingValue = "true", matchIfMissing = true)
public class DocumentAxisPollRoute extends RouteBuilder {

    public static final String ROUTE_ID = "document-axis-poll";

    private final DocumentFlowProperties props;
    private final DocumentAxisPoller poller;

    public DocumentAxisPollRoute(DocumentFlowProperties props, DocumentAxisPoller poller) {
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
