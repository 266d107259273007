package vn.lgsp.hub.app.flow.document;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.app.broker.Queues;
import vn.lgsp.hub.app.delivery.ConnectorCall;
import vn.lgsp.hub.app.delivery.DeliveryFlow;
import vn.lgsp.hub.app.delivery.DeliveryMessage;
import vn.lgsp.hub.app.delivery.DeliveryQueue;
import vn.lgsp.hub.connector.docex.DocexProperties;
import vn.lgsp.hub.connector.docex.directory.AgencyDirectory;
import vn.lgsp.hub.connector.docex.directory.Route;
import vn.lgsp.hub.connector.docex.routes.DocexRoutes;
import vn.lgsp.hub.core.HubHeaders;

/**
 * Flow 4's delivery: one package to one recipient, the way the agency directory says it receives, looked up at
 * delivery time (the directory is reloaded without a restart): pushed to a provincial agency, put into its inbox, or
 * sent through the national axis. Putting into the inbox joins the consumer's transaction, so the package is either
 * still queued or in the inbox, never both or neither.
 *
 * <p>The package is never whole in heap: the engine saves it to a temporary file in {@code attachment-dir} (where
 * acceptance writes its packages too), the connectors stream that file as the request body, with its length, and the
 * inbox re-send streams it into a new large message.
 */
@Component
public class DocumentDeliveryFlow implements DeliveryFlow {

    private final Spec spec;
    private final AgencyDirectory directory;
    private final ConnectorCall connector;
    private final DeliveryQueue queue;
    private final ObjectMapper json;
    private final Path payloadDir;

    public DocumentDeliveryFlow(DocumentFlowProperties props, AgencyDirectory directory, ConnectorCall connector,
                                DeliveryQueue queue, ObjectMapper json, DocexProperties docex) {
        this.spec = new Spec(DocumentAcceptService.FLOW, "document-deliver", "docex", Queues.DOCUMENT,
                props.consumers(), props.retry());
        this.directory = directory;
        this.connector = connector;
        this.queue = queue;
        this.json = json;
        this.payloadDir = docex.attachmentDir();
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public Path payloadDir() {
        return payloadDir;
    }

    /** The package goes to the connectors as its file ({@link DeliveryMessage#payload()}), streamed with its length. */
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
