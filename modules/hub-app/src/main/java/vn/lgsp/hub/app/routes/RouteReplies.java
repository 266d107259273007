package vn.lgsp.hub.app.routes;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** The answer a route template gives its caller: status, body, never cached, and the exchange id when there is one. */
final class RouteReplies {

    private RouteReplies() {
    }

    /** Sets the reply on {@code exchange} and clears any exception: the caller gets exactly this answer. */
    static void reply(Exchange exchange, int status, String contentType, String body, String exchangeId) {
        Message out = exchange.getMessage();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        out.setHeader(Exchange.CONTENT_TYPE, contentType);
        out.setHeader("Cache-Control", "no-store");
        if (exchangeId != null) {
            out.setHeader("X-Exchange-Id", exchangeId);
        }
        out.setBody(body);
        exchange.setException(null);
    }
}
