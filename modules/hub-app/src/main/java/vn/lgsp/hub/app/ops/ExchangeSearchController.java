package vn.lgsp.hub.app.ops;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.app.exchange.ExchangeView;
import vn.lgsp.hub.app.security.Caller;
import vn.lgsp.hub.audit.ExchangeLog;
import vn.lgsp.hub.audit.ExchangeRecord;
import vn.lgsp.hub.audit.ExchangeSearch;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;

/**
 * Operators: search every client's exchanges ({@code GET /api/v1/ops/exchanges}) and read one with its whole timeline
 * ({@code GET /api/v1/ops/exchanges/{id}}). Operators only, by the security configuration of {@code /api/v1/ops/**}.
 */
@RestController
public class ExchangeSearchController {

    private static final Logger log = LoggerFactory.getLogger(ExchangeSearchController.class);

    static final Set<String> PARAMS = Set.of(ExchangeFilters.FLOW, ExchangeFilters.STATE, ExchangeFilters.FROM,
            ExchangeFilters.TO, ExchangeFilters.DOSSIER_CODE, ExchangeFilters.DOCUMENT_ID, ExchangeFilters.CLIENT,
            ExchangeFilters.LIMIT, ExchangeFilters.CURSOR);

    private final ExchangeSearch search;
    private final ExchangeLog exchangeLog;
    private final OpsFlows flows;

    public ExchangeSearchController(ExchangeSearch search, ExchangeLog exchangeLog, OpsFlows flows) {
        this.search = search;
        this.exchangeLog = exchangeLog;
        this.flows = flows;
    }

    @GetMapping("/api/v1/ops/exchanges")
    public ExchangePage search(@RequestParam MultiValueMap<String, String> params,
                               @AuthenticationPrincipal Caller operator) {
        ExchangeSearch.Criteria c = ExchangeFilters.read(params, flows.all(), PARAMS);
        log.debug("Operator {} searched exchanges", operator.id());
        return ExchangePage.of(search.search(c), c.limit());
    }

    @GetMapping("/api/v1/ops/exchanges/{exchangeId}")
    public OpsExchangeView get(@PathVariable String exchangeId) {
        ExchangeRecord r = exchangeId.length() > 36 ? null : exchangeLog.find(exchangeId).orElse(null);
        if (r == null) {
            throw new HubException(ErrorCode.EXCHANGE_NOT_FOUND,
                    "No exchange " + ExchangeFilters.abbreviate(exchangeId));
        }
        return new OpsExchangeView(ExchangeView.of(r, exchangeLog.events(r.id())), r.clientId());
    }
}
