package vn.lgsp.hub.app.ops;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.app.delivery.DeliveryFlow;
import vn.lgsp.hub.app.flow.dossier.DossierAcceptService;
import vn.lgsp.hub.app.flow.identity.CitizenIdentityService;
import vn.lgsp.hub.app.security.SecurityEvents;

/**
 * The flows an operator may name: every delivery flow (these have dead letters), the synchronous identity flow, and the
 * security events the hub records as refused exchanges of flow {@code security}.
 */
@Component
public class OpsFlows {

    /** The flow a reconciliation is about unless another is named: the dossier status sync to the portal. */
    public static final String DEFAULT_RECONCILIATION_FLOW = DossierAcceptService.FLOW;

    private final Set<String> delivery;
    private final Set<String> all;

    public OpsFlows(List<DeliveryFlow> flows) {
        Set<String> d = new LinkedHashSet<>();
        flows.forEach(f -> d.add(f.spec().name()));
        this.delivery = Set.copyOf(d);
        Set<String> a = new LinkedHashSet<>(d);
        a.add(CitizenIdentityService.FLOW);
        a.add(SecurityEvents.FLOW);
        this.all = Set.copyOf(a);
    }

    /** Flows with ordered, guaranteed delivery: dead letters, replays, reconciliation. */
    public Set<String> delivery() {
        return delivery;
    }

    public Set<String> all() {
        return all;
    }
}
