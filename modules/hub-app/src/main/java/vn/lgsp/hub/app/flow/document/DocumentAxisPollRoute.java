package vn.lgsp.hub.app.flow.document;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.app.delivery.PollingRoute;

/** Polls the national axis every {@code hub.flow.document.poll.interval}. */
@Component
@ConditionalOnProperty(name = "hub.flow.document.poll.enabled", havingValue = "true", matchIfMissing = true)
public class DocumentAxisPollRoute extends PollingRoute {

    public static final String ROUTE_ID = "document-axis-poll";

    public DocumentAxisPollRoute(DocumentFlowProperties props, DocumentAxisPoller poller) {
        super(ROUTE_ID, props.poll().interval(), poller);
    }
}
