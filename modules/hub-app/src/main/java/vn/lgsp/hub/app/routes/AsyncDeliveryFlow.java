package vn.lgsp.hub.app.routes;

import java.util.Map;
import vn.lgsp.hub.app.delivery.ConnectorCall;
import vn.lgsp.hub.app.delivery.DeliveryFlow;
import vn.lgsp.hub.app.delivery.DeliveryMessage;
import vn.lgsp.hub.app.delivery.DeliveryQueues;
import vn.lgsp.hub.app.delivery.RetryPolicy;
import vn.lgsp.hub.core.HubHeaders;

/**
 * The delivery of one {@code hub-async-delivery} route: the delivery engine (sequence gate, retries, dead letters,
 * operator replay, metrics) is the one of every ordered flow; an attempt hands the accepted JSON to the route file's
 * {@code target}, whose failure ({@link HubUpstream#failure}) says whether to retry. Registered as a bean per route
 * by {@link AsyncDeliveryFlows}.
 */
public class AsyncDeliveryFlow implements DeliveryFlow {

    /** Prefix of the queues of every async route; the broker auto-creates what is under it. */
    public static final String QUEUE_PREFIX = "hub.routes.";

    private final Spec spec;
    private final String target;
    private final ConnectorCall connector;

    public AsyncDeliveryFlow(Spec spec, String target, ConnectorCall connector) {
        this.spec = spec;
        this.target = target;
        this.connector = connector;
    }

    /** The flow of a checked {@code hub-async-delivery} route. */
    static Spec spec(RouteFiles.TemplatedRoute route, RetryPolicy retry) {
        String service = route.parameter("service");
        String operation = route.parameter("operation");
        String consumers = route.parameter("consumers");
        return new Spec(name(service, operation), name(service, operation) + "-deliver", route.parameter("upstream"),
                queues(service, operation), consumers == null ? 2 : Integer.parseInt(consumers), retry);
    }

    /** The flow's name in the exchange log, metrics and dead-letter listings: {@code <service>.<operation>}. */
    public static String name(String service, String operation) {
        return service + "." + operation;
    }

    public static DeliveryQueues queues(String service, String operation) {
        String base = QUEUE_PREFIX + service + "." + operation;
        return new DeliveryQueues(base + ".events", base + ".parked", base + ".dlq");
    }

    @Override
    public Spec spec() {
        return spec;
    }

    String target() {
        return target;
    }

    @Override
    public void attempt(DeliveryMessage m) throws Exception {
        connector.send(target, m.json(), Map.of(HubHeaders.EXCHANGE_ID, m.exchangeId(),
                HubHeaders.SUBJECT_KEY, m.subjectKey(), HubHeaders.EVENT_KEY, m.eventKey()));
    }
}
