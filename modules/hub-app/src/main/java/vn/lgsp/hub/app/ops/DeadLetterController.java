package vn.lgsp.hub.app.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.app.delivery.DeadLetterService;
import vn.lgsp.hub.app.exchange.ExchangeView;
import vn.lgsp.hub.app.security.Caller;
import vn.lgsp.hub.audit.ExchangeLog;
import vn.lgsp.hub.audit.ExchangeSearch;
import vn.lgsp.hub.audit.ExchangeState;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.ValidationException;
import vn.lgsp.hub.core.error.Violation;

/**
 * Operators: browse dead-lettered exchanges, replay one or a selection, discard one with a reason. Each replay and
 * discard is recorded in the exchange's timeline with the operator's id (and reason); browsing is a read and is only
 * logged.
 */
@RestController
public class DeadLetterController {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterController.class);

    static final Set<String> LIST_PARAMS = Set.of(ExchangeFilters.FLOW, ExchangeFilters.CLIENT,
            ExchangeFilters.FROM, ExchangeFilters.TO, ExchangeFilters.DOSSIER_CODE, ExchangeFilters.DOCUMENT_ID,
            ExchangeFilters.LIMIT, ExchangeFilters.CURSOR);
    static final int MAX_REASON = 300;
    private static final Pattern EXCHANGE_ID = Pattern.compile("[0-9A-Za-z-]{1,36}");

    private final DeadLetterService deadLetters;
    private final ExchangeLog exchangeLog;
    private final ExchangeSearch search;
    private final ReplaySelection selection;
    private final OpsFlows flows;
    private final OpsProperties props;

    public DeadLetterController(DeadLetterService deadLetters, ExchangeLog exchangeLog, ExchangeSearch search,
                                ReplaySelection selection, OpsFlows flows, OpsProperties props) {
        this.deadLetters = deadLetters;
        this.exchangeLog = exchangeLog;
        this.search = search;
        this.selection = selection;
        this.flows = flows;
        this.props = props;
    }

    /**
     * The dead letters, newest first: exchanges of a delivery flow in state {@code FAILED} (refusals recorded without
     * ever being queued are not dead letters and are left out).
     */
    @GetMapping("/api/v1/ops/dead-letters")
    public ExchangePage list(@RequestParam MultiValueMap<String, String> params,
                             @AuthenticationPrincipal Caller operator) {
        ExchangeSearch.Criteria c = ExchangeFilters.read(params, flows.delivery(), LIST_PARAMS)
                .withStates(List.of(ExchangeState.FAILED)).sequenced();
        if (c.flows().isEmpty()) {
            c = c.withFlows(flows.delivery());
        }
        log.info("Operator {} listed dead letters", operator.id());
        return ExchangePage.of(search.search(c), c.limit());
    }

    /** Body optional: {@code {"reason": "..."}}, recorded with the operator's id. */
    @PostMapping("/api/v1/ops/dead-letters/{exchangeId}/replay")
    public ExchangeView replay(@PathVariable String exchangeId,
                               @RequestBody(required = false) Map<String, Object> body,
                               @AuthenticationPrincipal Caller operator) {
        var r = deadLetters.replay(exchangeId, operator.id(), reason(body, false));
        return ExchangeView.of(r, exchangeLog.events(r.id()));
    }

    /**
     * Body {@code {"ids": ["...", ...], "reason": "..."}} (reason optional): replays each dead-lettered exchange of the
     * selection and answers what became of each ({@link ReplaySelection.Report}).
     */
    @PostMapping("/api/v1/ops/dead-letters/replay")
    public ReplaySelection.Report replaySelection(@RequestBody Map<String, Object> body,
                                                  @AuthenticationPrincipal Caller operator) {
        return selection.replay(ids(body, props.replayMax()), operator.id(), reason(body, false));
    }

    /** Body {@code {"reason": "..."}}; the reason is mandatory and recorded. */
    @PostMapping("/api/v1/ops/dead-letters/{exchangeId}/discard")
    public ExchangeView discard(@PathVariable String exchangeId, @RequestBody Map<String, Object> body,
                                @AuthenticationPrincipal Caller operator) {
        var r = deadLetters.discard(exchangeId, operator.id(), reason(body, true));
        return ExchangeView.of(r, exchangeLog.events(r.id()));
    }

    /** The body's {@code reason}: a string of at most {@value #MAX_REASON} characters, not blank when required. */
    static String reason(Map<String, Object> body, boolean required) {
        Object raw = body == null ? null : body.get("reason");
        if (raw == null || raw instanceof String s && s.isBlank()) {
            if (required) {
                throw new ValidationException(new Violation("reason", ErrorCode.MISSING_FIELD,
                        "A reason is required: say why, in a few words, e.g. {\"reason\": \"sent again under a new"
                                + " dossier code\"}"));
            }
            return null;
        }
        if (!(raw instanceof String s) || s.length() > MAX_REASON) {
            throw new ValidationException(new Violation("reason", ErrorCode.INVALID_FIELD,
                    "reason must be text of at most " + MAX_REASON + " characters"));
        }
        return s.strip();
    }

    /** The body's {@code ids}: a non-empty list of at most {@code max} exchange ids. */
    static List<String> ids(Map<String, Object> body, int max) {
        Object raw = body == null ? null : body.get("ids");
        if (raw == null || raw instanceof List<?> l && l.isEmpty()) {
            throw new ValidationException(new Violation("ids", ErrorCode.MISSING_FIELD,
                    "ids is required: a list of 1 to " + max + " exchange ids"));
        }
        if (!(raw instanceof List<?> list)) {
            throw new ValidationException(new Violation("ids", ErrorCode.INVALID_FIELD,
                    "ids must be a list of exchange ids"));
        }
        if (list.size() > max) {
            throw new ValidationException(new Violation("ids", ErrorCode.INVALID_FIELD,
                    "ids names " + list.size() + " exchanges; at most " + max + " at a time"));
        }
        List<String> ids = new ArrayList<>();
        List<Violation> bad = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof String s && EXCHANGE_ID.matcher(s).matches()) {
                ids.add(s);
            } else {
                bad.add(new Violation("ids[" + i + "]", ErrorCode.INVALID_FIELD,
                        "ids[" + i + "] is not an exchange id"));
            }
        }
        if (!bad.isEmpty()) {
            throw new ValidationException(bad);
        }
        return ids;
    }
}
