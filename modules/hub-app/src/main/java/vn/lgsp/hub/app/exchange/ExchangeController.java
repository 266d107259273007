package vn.lgsp.hub.app.exchange;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.app.security.Caller;
import vn.lgsp.hub.audit.ExchangeLog;
import vn.lgsp.hub.audit.ExchangeRecord;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;

/**
 * {@code GET /api/v1/exchanges/{id}}: a client sees its own exchanges only (another's is "not found"); an operator
 * sees every one.
 */
@RestController
public class ExchangeController {

    private final ExchangeLog exchangeLog;

    public ExchangeController(ExchangeLog exchangeLog) {
        this.exchangeLog = exchangeLog;
    }

    @GetMapping("/api/v1/exchanges/{exchangeId}")
    public ExchangeView get(@PathVariable String exchangeId, @AuthenticationPrincipal Caller caller) {
        ExchangeRecord r = (exchangeId.length() > 36 ? null : exchangeLog.find(exchangeId).orElse(null));
        if (r == null || !(caller.operator() || r.clientId().equals(caller.id()))) {
            throw new HubException(ErrorCode.EXCHANGE_NOT_FOUND, "No exchange " + safe(exchangeId) + " of yours");
        }
        return ExchangeView.of(r, exchangeLog.events(exchangeId));
    }

    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9-]", "?").substring(0, Math.min(36, id.length()));
    }
}
