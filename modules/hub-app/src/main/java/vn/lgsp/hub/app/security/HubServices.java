package vn.lgsp.hub.app.security;

import java.util.List;

/**
 * The access rights of the hub's built-in services, as client registries name them in a client's {@code services}
 * and the security rules check them (authority {@code SERVICE_<right>}). They are only part of the list: connector
 * modules and route files bring their own, and the service catalogue ({@code ServiceCatalogue}) holds them all.
 */
public final class HubServices {

    /** {@code POST /api/v1/dossiers/events}. */
    public static final String DOSSIER_EVENTS = "dossier.events";
    /** {@code GET /api/v1/exchanges/{id}} for the client's own exchanges. */
    public static final String EXCHANGES_READ = "exchanges.read";

    /** {@code POST /api/v1/citizens/verify}: does an ID match a name and date of birth. */
    public static final String CITIZENS_VERIFY = "citizens.verify";
    /** {@code POST /api/v1/citizens/lookup}: the citizen record itself; only for clients whose access right names it. */
    public static final String CITIZENS_LOOKUP = "citizens.lookup";

    /** {@code POST /api/v1/intake/dossiers}: the national portal pushes a dossier submitted online. */
    public static final String INTAKE_SUBMIT = "intake.submit";

    /** {@code POST /api/v1/documents} and {@code /api/v1/documents/status}, as one of the client's agencies. */
    public static final String DOCUMENTS_SEND = "documents.send";
    /** {@code /api/v1/documents/inbox/{agencyCode}/**}, for the client's agencies only. */
    public static final String DOCUMENTS_INBOX = "documents.inbox";

    /** The built-in access rights; every access right a client may hold is in {@code ServiceCatalogue}. */
    public static final List<String> ALL = List.of(DOSSIER_EVENTS, EXCHANGES_READ, CITIZENS_VERIFY, CITIZENS_LOOKUP,
            INTAKE_SUBMIT, DOCUMENTS_SEND, DOCUMENTS_INBOX);

    private HubServices() {
    }

    public static String authority(String service) {
        return "SERVICE_" + service;
    }
}
