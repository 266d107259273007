package vn.lgsp.hub.app.broker;

import java.util.List;
import vn.lgsp.hub.app.delivery.DeliveryQueues;

/** The broker queues the hub uses. Each is an anycast address of the same name. */
public final class Queues {

    /** Accepted dossier events waiting for delivery to the portal; message groups keyed by dossier code. */
    public static final String DOSSIER_EVENTS = "hub.dossier.events";
    /** Events parked behind an earlier event of the same dossier that is not delivered yet. */
    public static final String DOSSIER_PARKED = "hub.dossier.parked";
    /** Dead letters: retries exhausted, rejected by the portal, or poison messages moved by the broker. */
    public static final String DOSSIER_DLQ = "hub.dossier.dlq";

    /** Status sync (one-stop-shop → portal). */
    public static final DeliveryQueues DOSSIER = new DeliveryQueues(DOSSIER_EVENTS, DOSSIER_PARKED, DOSSIER_DLQ);
    /** Online intake (portal → one-stop-shop). */
    public static final DeliveryQueues INTAKE = new DeliveryQueues("hub.intake.dossiers", "hub.intake.parked",
            "hub.intake.dlq");

    /** Document exchange (agencies ↔ agencies and the national axis); payloads are large messages. */
    public static final DeliveryQueues DOCUMENT = new DeliveryQueues("hub.documents.outbound", "hub.documents.parked",
            "hub.documents.dlq");
    /** Packages waiting for agencies that fetch them; a message stays until its agency acknowledges it. */
    public static final String DOCUMENT_INBOX = "hub.documents.inbox";

    /**
     * Expiry address of every hub queue. The hub sets no time-to-live, so nothing should arrive here; a message
     * given one anyway is kept, not dropped.
     */
    public static final String EXPIRED = "hub.expired";

    /**
     * The queues of the route files' asynchronous deliveries ({@code hub-async-delivery}):
     * {@code hub.routes.<service>.<operation>.events|parked|dlq}, created by the broker when first used.
     */
    public static final String ROUTES_MATCH = "hub.routes.#";
    /** The dead-letter queues among them. */
    public static final String ROUTES_DLQ_MATCH = "hub.routes.*.*.dlq";
    /**
     * Where the broker moves a route file's message that rolled back too often when no setting names its flow's own
     * dead-letter queue (an external broker not told of a new route file); kept until an operator moves it.
     */
    public static final String ROUTES_DLQ = "hub.routes.dlq";

    /** Every ordered flow's queues, for the broker's address settings. */
    public static final List<DeliveryQueues> ALL = List.of(DOSSIER, INTAKE, DOCUMENT);

    private Queues() {
    }
}
