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

    /** Every ordered flow's queues, for the broker's address settings. */
    public static final List<DeliveryQueues> ALL = List.of(DOSSIER, INTAKE);

    private Queues() {
    }
}
