package vn.lgsp.hub.app.flow.document;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.app.broker.Queues;
import vn.lgsp.hub.app.delivery.ConnectorCall;
import vn.lgsp.hub.app.delivery.DeliveryFlow;
import vn.lgsp.hub.app.delivery.DeliveryMessage;
import vn.lgsp.hub.app.delivery.DeliveryQueue;
import vn.lgsp.hub.connector.docex.directory.AgencyDirectory;
import vn.lgsp.hub.connector.docex.directory.Route;
import vn.lgsp.hub.connector.docex.routes.DocexRoutes;
import vn.lgsp.hub.core.HubHeaders;

/**
 * Flow 4's delivery: one package to one recipient, the way the agency directory says it receives, looked up at
 * delivery time (the directory is reloaded without a restart): pushed to a provincial agency, put into its inbox, or
 * sent through the national axis. Putting into the inbox joins the consumer's transaction, so the package is either
 * still queued or in the inbox, never both or neither.
 */
@Component
public class DocumentDeliveryFlow implements DeliveryFlow {

    private final Spec spec;
    private final AgencyDirectory directory;
    private final ConnectorCall connector;
    private final DeliveryQueue queue;
    private final ObjectMapper json;

    public DocumentDeliveryFlow(DocumentFlowProperties props, AgencyDirectory directory, ConnectorCall connector,
                                DeliveryQueue queue, ObjectMapper json) {
        this.spec = new Spec(DocumentAcceptService.FLOW, "document-deliver", "docex", Queues.DOCUMENT,
                props.consumers(), props.retry());
        this.directory = directory;
        this.connector = connector;
        this.queue = queue;
        this.json = json;
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public void attempt(DeliveryMessage m) throws Exception {
        DocumentMeta meta = json.readValue(m.json(), DocumentMeta.class);
        Route route = directory.route(meta.recipient());
        switch (route.kind()) {
            // the axis delivers a send to every recipient the package names: one key per package, not per recipient
            case NATIONAL_AXIS -> connector.send(DocexRoutes.AXIS_SEND, m.payload(), Map.of(
                    DocexRoutes.FROM, meta.from(), DocexRoutes.MESSAGE_TYPE, meta.messageType(),
                    HubHeaders.EVENT_KEY, meta.packageSha256()));
            case LOCAL_PUSH -> connector.send(DocexRoutes.AGENCY_PUSH, m.payload(), Map.of(
                    DocexRoutes.ORGAN_ID, meta.recipient(), HubHeaders.EVENT_KEY, m.eventKey()));
            case LOCAL_INBOX -> queue.send(Queues.DOCUMENT_INBOX, m, 0, null);
        }
    }
}
