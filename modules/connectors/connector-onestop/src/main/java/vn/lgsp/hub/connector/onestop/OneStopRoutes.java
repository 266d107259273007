package vn.lgsp.hub.connector.onestop;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import vn.lgsp.hub.core.HubHeaders;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;

/**
 * The one-stop-shop connector's Camel face. {@link #DELIVER_DOSSIER} takes a {@link OneStopDelivery} body and the
 * idempotency key in {@link HubHeaders#EVENT_KEY}, posts it once and replaces the body with the
 * {@link OneStopReceipt}. A failure propagates as {@link OneStopException}; retries, dead letters and audit belong to
 * the calling flow, which decides by {@link OneStopException#retryable()}.
 */
public class OneStopRoutes extends RouteBuilder {

    /** Delivers one online-intake dossier with its identity verification. */
    public static final String DELIVER_DOSSIER = "direct:onestop-deliver-dossier";

    public static final String DELIVER_DOSSIER_ROUTE_ID = "onestop-deliver-dossier";

    private final OneStopClient client;

    public OneStopRoutes(OneStopClient client) {
        this.client = client;
    }

    @Override
    public void configure() {
        // failures go back to the calling flow as they are, so that it alone logs and counts them
        errorHandler(noErrorHandler());

        from(DELIVER_DOSSIER).routeId(DELIVER_DOSSIER_ROUTE_ID)
                .process(this::deliver);
    }

    private void deliver(Exchange exchange) throws Exception {
        Message in = exchange.getMessage();
        String key = in.getHeader(HubHeaders.EVENT_KEY, String.class);
        if (key == null || key.isBlank()) {
            throw new HubException(ErrorCode.INTERNAL, "header " + HubHeaders.EVENT_KEY
                    + " (the idempotency key) is missing on " + DELIVER_DOSSIER);
        }
        in.setBody(client.deliver(in.getMandatoryBody(OneStopDelivery.class), key));
    }
}
