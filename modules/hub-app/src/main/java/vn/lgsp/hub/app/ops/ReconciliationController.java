package vn.lgsp.hub.app.ops;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.app.security.Caller;
import vn.lgsp.hub.audit.ExchangeSearch;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.ValidationException;
import vn.lgsp.hub.core.error.Violation;

/**
 * Operators: the reconciliation of one day of a delivery flow ({@code GET /api/v1/ops/reconciliation}) and the re-send
 * of what is missing ({@code POST /api/v1/ops/reconciliation/resend}). See {@link Reconciliation} for what the numbers
 * mean and what a re-send does.
 */
@RestController
public class ReconciliationController {

    private static final Logger log = LoggerFactory.getLogger(ReconciliationController.class);
    private static final String DATE = "date";
    private static final Set<String> PARAMS = Set.of(DATE, ExchangeFilters.FLOW, ExchangeFilters.LIMIT,
            ExchangeFilters.CURSOR);

    private final Reconciliation reconciliation;
    private final OpsFlows flows;
    private final OpsProperties props;

    public ReconciliationController(Reconciliation reconciliation, OpsFlows flows, OpsProperties props) {
        this.reconciliation = reconciliation;
        this.flows = flows;
        this.props = props;
    }

    @GetMapping("/api/v1/ops/reconciliation")
    public Reconciliation.Report report(@RequestParam MultiValueMap<String, String> params,
                                        @AuthenticationPrincipal Caller operator) {
        MultiValueMap<String, String> filters = new LinkedMultiValueMap<>(params);
        List<String> dates = filters.remove(DATE);
        List<Violation> problems = new ArrayList<>();
        LocalDate date = null;
        try {
            date = date(dates == null || dates.isEmpty() ? null : dates.get(0), dates != null && dates.size() > 1);
        } catch (ValidationException e) {
            problems.addAll(e.violations());
        }
        ExchangeSearch.Criteria c = null;
        try {
            // flow, limit and cursor are read (and checked) as the search reads them; date is ours
            c = ExchangeFilters.read(filters, flows.delivery(), PARAMS);
        } catch (ValidationException e) {
            problems.addAll(e.violations());
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        if (c.flows().size() > 1) {
            throw new ValidationException(new Violation(ExchangeFilters.FLOW, ErrorCode.INVALID_FIELD,
                    "A reconciliation is of one flow; name one of " + flows.delivery()));
        }
        String flow = c.flows().isEmpty() ? OpsFlows.DEFAULT_RECONCILIATION_FLOW : c.flows().iterator().next();
        log.debug("Operator {} reconciled {} {}", operator.id(), flow, date);
        return reconciliation.report(date, flow, c.after(), c.limit());
    }

    /**
     * Body {@code {"date": "YYYY-MM-DD", "flow": "dossier-sync", "reason": "..."}} (flow and reason optional) re-sends
     * the day's dead letters; or {@code {"ids": [...], "reason": "..."}} re-sends the named exchanges.
     */
    @PostMapping("/api/v1/ops/reconciliation/resend")
    public Reconciliation.Resend resend(@RequestBody Map<String, Object> body,
                                        @AuthenticationPrincipal Caller operator) {
        String reason = DeadLetterController.reason(body, false);
        if (body.containsKey("ids")) {
            if (body.containsKey(DATE)) {
                throw new ValidationException(new Violation("ids", ErrorCode.INVALID_FIELD,
                        "Give either ids or a date (and flow), not both"));
            }
            return reconciliation.resend(DeadLetterController.ids(body, props.replayMax()), operator.id(), reason);
        }
        Object rawDate = body.get(DATE);
        if (rawDate != null && !(rawDate instanceof String)) {
            throw new ValidationException(new Violation(DATE, ErrorCode.INVALID_FIELD,
                    "date must be a day as YYYY-MM-DD, e.g. 2026-11-20"));
        }
        if (rawDate == null) {
            throw new ValidationException(new Violation(DATE, ErrorCode.MISSING_FIELD,
                    "date (YYYY-MM-DD) or ids is required: which day's missing exchanges to re-send"));
        }
        LocalDate date = date((String) rawDate, false);
        Object rawFlow = body.get(ExchangeFilters.FLOW);
        String flow = rawFlow == null ? OpsFlows.DEFAULT_RECONCILIATION_FLOW : String.valueOf(rawFlow);
        if (!flows.delivery().contains(flow)) {
            throw new ValidationException(new Violation(ExchangeFilters.FLOW, ErrorCode.INVALID_FIELD,
                    "flow '" + ExchangeFilters.abbreviate(flow) + "' is not one of " + flows.delivery()));
        }
        return reconciliation.resend(date, flow, operator.id(), reason);
    }

    /** A day as {@code YYYY-MM-DD}; today (in {@code hub.ops.zone}) when not given. */
    private LocalDate date(String raw, boolean repeated) {
        if (repeated) {
            throw new ValidationException(new Violation(DATE, ErrorCode.INVALID_FIELD, "date may be given once"));
        }
        if (raw == null || raw.isBlank()) {
            return LocalDate.now(props.zone());
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException(new Violation(DATE, ErrorCode.INVALID_FIELD, "date '"
                    + ExchangeFilters.abbreviate(raw) + "' is not a day as YYYY-MM-DD, e.g. 2026-11-20"));
        }
    }
}
