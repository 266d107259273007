package vn.lgsp.hub.app.security;

import java.util.List;

/** The services a client can be allowed to call; names appear in client configuration and access decisions. */
public final class HubServices {

    /** {@code POST /api/v1/dossiers/events}. */
    public static final String DOSSIER_EVENTS = "dossier.events";
    /** {@code GET /api/v1/exchanges/{id}} for the client's own exchanges. */
    public static final String EXCHANGES_READ = "exchanges.read";

    public static final List<String> ALL = List.of(DOSSIER_EVENTS, EXCHANGES_READ);

    private HubServices() {
    }

    public static String authority(String service) {
        return "SERVICE_" + service;
    }
}
