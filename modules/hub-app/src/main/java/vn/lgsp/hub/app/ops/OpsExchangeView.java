package vn.lgsp.hub.app.ops;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import vn.lgsp.hub.app.exchange.ExchangeView;

/** An exchange with its whole timeline, as a client sees it ({@link ExchangeView}), plus the client it belongs to. */
public record OpsExchangeView(@JsonUnwrapped ExchangeView exchange, String clientId) {
}
