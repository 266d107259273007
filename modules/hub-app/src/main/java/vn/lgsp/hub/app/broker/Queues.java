package vn.lgsp.hub.app.broker;

/** The broker queues the hub uses. Each is an anycast address of the same name. */
public final class Queues {

    /** Accepted dossier events waiting for delivery to the portal; message groups keyed by dossier code. */
    public static final String DOSSIER_EVENTS = "hub.dossier.events";
    /** Events parked behind an earlier event of the same dossier that is not delivered yet. */
    public static final String DOSSIER_PARKED = "hub.dossier.parked";
    /** Dead letters: retries exhausted, rejected by the portal, or poison messages moved by the broker. */
    public static final String DOSSIER_DLQ = "hub.dossier.dlq";

    private Queues() {
    }
}
