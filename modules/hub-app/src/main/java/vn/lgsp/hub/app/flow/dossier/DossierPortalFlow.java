package vn.lgsp.hub.app.flow.dossier;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.app.broker.Queues;
import vn.lgsp.hub.app.delivery.ConnectorCall;
import vn.lgsp.hub.app.delivery.DeliveryFlow;
import vn.lgsp.hub.app.delivery.DeliveryMessage;
import vn.lgsp.hub.connector.portal.PortalRoutes;
import vn.lgsp.hub.core.HubHeaders;
import vn.lgsp.hub.core.model.DossierEvent;

/** Flow 1's delivery: each accepted dossier event becomes a dossier sync or a progress update at the portal. */
@Component
public class DossierPortalFlow implements DeliveryFlow {

    private final Spec spec;
    private final ConnectorCall connector;
    private final ObjectMapper json;

    public DossierPortalFlow(DossierFlowProperties props, ConnectorCall connector, ObjectMapper json) {
        this.spec = new Spec(DossierAcceptService.FLOW, "dossier-deliver", "portal", Queues.DOSSIER,
                props.consumers(), props.retry());
        this.connector = connector;
        this.json = json;
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public void attempt(DeliveryMessage m) throws Exception {
        boolean sync = DossierOperation.valueOf(m.operation()) == DossierOperation.DOSSIER_SYNC;
        connector.send(sync ? PortalRoutes.SYNC_DOSSIER : PortalRoutes.UPDATE_PROGRESS,
                json.readValue(m.json(), DossierEvent.class),
                Map.of(HubHeaders.EVENT_KEY, m.eventKey(), PortalRoutes.UPDATING, m.updating()));
    }
}
