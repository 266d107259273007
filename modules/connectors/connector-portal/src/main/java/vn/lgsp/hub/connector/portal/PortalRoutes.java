package vn.lgsp.hub.connector.portal;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import vn.lgsp.hub.core.HubHeaders;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;
import vn.lgsp.hub.core.model.DossierEvent;

/**
 * The portal connector's Camel face. The two delivery routes take a {@link DossierEvent} body and the idempotency
 * key in {@link HubHeaders#EVENT_KEY}, call the portal once and leave the message unchanged on success. A failure
 * propagates as {@link PortalException}: retries, dead letters and audit belong to the calling flow, which
 * decides by {@link PortalException#retryable()}.
 */
public class PortalRoutes extends RouteBuilder {

    /** Sends the dossier (DongBoHoSoMC). Needs header {@link #UPDATING}. */
    public static final String SYNC_DOSSIER = "direct:portal-sync-dossier";
    /** Sends the officer's processing step (CapNhatTienDoHoSoMC). */
    public static final String UPDATE_PROGRESS = "direct:portal-update-progress";

    /**
     * Fetches one page of dossiers submitted online: body an {@link IntakeCursor}, or {@code null} to start from the
     * beginning; the body becomes an {@link IntakePage}. Needs no idempotency key.
     */
    public static final String FETCH_INTAKE = "direct:portal-fetch-intake";

    public static final String SYNC_DOSSIER_ROUTE_ID = "portal-sync-dossier";
    public static final String UPDATE_PROGRESS_ROUTE_ID = "portal-update-progress";
    public static final String FETCH_INTAKE_ROUTE_ID = "portal-fetch-intake";

    /** Header: {@code false} for a dossier's first sync, {@code true} afterwards (the portal's isUpdating). */
    public static final String UPDATING = "portalUpdating";

    private final PortalClient client;

    public PortalRoutes(PortalClient client) {
        this.client = client;
    }

    @Override
    public void configure() {
        // failures go back to the calling flow as they are; logging them here too would log each one twice
        errorHandler(noErrorHandler());

        from(SYNC_DOSSIER).routeId(SYNC_DOSSIER_ROUTE_ID)
                .process(this::syncDossier);

        from(UPDATE_PROGRESS).routeId(UPDATE_PROGRESS_ROUTE_ID)
                .process(this::updateProgress);

        from(FETCH_INTAKE).routeId(FETCH_INTAKE_ROUTE_ID)
                .process(this::fetchIntake);
    }

    private void fetchIntake(Exchange exchange) {
        Message in = exchange.getMessage();
        Object body = in.getBody();
        if (body != null && !(body instanceof IntakeCursor)) {
            throw new HubException(ErrorCode.INTERNAL, FETCH_INTAKE + " takes an IntakeCursor or no body, not a "
                    + body.getClass().getSimpleName());
        }
        in.setBody(client.fetchIntake((IntakeCursor) body));
    }

    private void syncDossier(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        Boolean updating = in.getHeader(UPDATING, Boolean.class);
        if (updating == null) {
            // guessing would send a first sync for a known dossier, or an update for an unknown one
            throw new HubException(ErrorCode.INTERNAL, "header " + UPDATING + " is missing on " + SYNC_DOSSIER);
        }
        client.syncDossier(in.getMandatoryBody(DossierEvent.class), updating, eventKey(in));
    }

    private void updateProgress(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        client.updateProgress(in.getMandatoryBody(DossierEvent.class), eventKey(in));
    }

    private static String eventKey(Message in) {
        String key = in.getHeader(HubHeaders.EVENT_KEY, String.class);
        if (key == null || key.isBlank()) {
            throw new HubException(ErrorCode.INTERNAL, "header " + HubHeaders.EVENT_KEY
                    + " (the idempotency key) is missing");
        }
        return key;
    }
}
