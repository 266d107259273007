package vn.lgsp.hub.app.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.HandlerMapping;
import vn.lgsp.hub.app.web.CorrelationIdFilter;
import vn.lgsp.hub.audit.ExchangeLog;
import vn.lgsp.hub.audit.ExchangeRecord;
import vn.lgsp.hub.audit.ExchangeState;
import vn.lgsp.hub.audit.ExchangeStep;
import vn.lgsp.hub.audit.NewExchange;
import vn.lgsp.hub.core.HubHeaders;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.ids.Masking;

/**
 * Records a refused call as a {@code FAILED} exchange of flow {@code security} and counts it in
 * {@code hub.security.events} ({@code type}, {@code client}). What is recorded: the caller's id when known (else
 * {@code anonymous}), the correlation id, the method and path template (or path, never the query string), the error
 * code and a short reason. Never the API key, a part of it, a header or a body.
 *
 * <p>Each kind of event of one caller is written at most 20 times a second, and counted every time. Recording never
 * changes the answer: a failure to write the exchange log is logged at WARN (the exception's class
 * only) and the caller gets the refusal it would have got anyway.
 */
@Component
public class SecurityEvents {

    /** The client id of a call without a (known) caller. */
    public static final String ANONYMOUS = "anonymous";
    public static final String FLOW = "security";
    public static final String METRIC = "hub.security.events";

    private static final Logger log = LoggerFactory.getLogger(SecurityEvents.class);
    private static final int MAX_SUBJECT = 100;
    /**
     * Each kind of event of one caller is written to the exchange log at most this often a second (every one is
     * counted): a flood of bad keys or of calls over a rate limit must not become a flood of database writes.
     */
    private static final int RECORDS_PER_SECOND = 20;

    /** The kinds of security event. */
    public enum Type {
        /** Missing or unknown API key: {@code 401 auth.unauthenticated}. */
        AUTHENTICATION_FAILED,
        /** Authenticated but not allowed: {@code 403 auth.forbidden}. */
        ACCESS_DENIED,
        /** Too many calls: {@code 429 request.rate_limited}. */
        RATE_LIMITED;

        /** The exchange's operation. */
        public String operation() {
            return name();
        }

        /** The {@code type} tag of the counter. */
        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final ExchangeLog exchangeLog;
    private final MeterRegistry meters;
    private final TransactionTemplate tx;
    /** A token bucket per (type, caller); bounded by the registry's size times the types. */
    private final Map<String, Bucket> recording = new ConcurrentHashMap<>();

    public SecurityEvents(ExchangeLog exchangeLog, MeterRegistry meters, PlatformTransactionManager transactions) {
        this.exchangeLog = exchangeLog;
        this.meters = meters;
        this.tx = new TransactionTemplate(transactions);
        // its own transaction: never joins (nor is rolled back with) whatever the refused call had started
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A call without an API key, or with one the registry does not know. */
    public void authenticationFailed(HttpServletRequest request, String reason) {
        record(Type.AUTHENTICATION_FAILED, ErrorCode.UNAUTHENTICATED, request, null, reason);
    }

    /** An authenticated call refused: the caller is taken from the security context. */
    public void accessDenied(HttpServletRequest request, String reason) {
        record(Type.ACCESS_DENIED, ErrorCode.FORBIDDEN, request, currentCaller(), reason);
    }

    /**
     * Records one event and counts it. Never throws.
     *
     * @param caller the authenticated caller, or {@code null} when unknown
     * @param reason short, fixed text; never a key, header or body
     */
    public void record(Type type, ErrorCode code, HttpServletRequest request, Caller caller, String reason) {
        // the client tag comes from the registry (a configured id) or is "anonymous": bounded, never a header value
        String client = caller == null ? ANONYMOUS : caller.id();
        try {
            meters.counter(METRIC, "type", type.tag(), "client", client).increment();
        } catch (RuntimeException e) {
            log.warn("Security event {} not counted: {}", type.tag(), e.getClass().getSimpleName());
        }
        if (!due(type, client)) {
            return;
        }
        String subject = subject(request);
        String correlationId = correlationId(request);
        try {
            tx.executeWithoutResult(status -> {
                ExchangeRecord x = exchangeLog.create(new NewExchange(FLOW, type.operation(), client, correlationId,
                        UUID.randomUUID().toString(), subject, null, null, null, null));
                exchangeLog.changeState(x.id(), ExchangeState.FAILED, ExchangeStep.FAILED, code.code(), reason);
            });
        } catch (RuntimeException e) {
            log.warn("Security event {} ({}) of client {} on {} not recorded: exchange log unavailable ({})",
                    type.tag(), code.code(), client, subject, e.getClass().getSimpleName());
        }
    }

    private boolean due(Type type, String client) {
        return recording.computeIfAbsent(type.tag() + " " + client, key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(RECORDS_PER_SECOND)
                        .refillGreedy(RECORDS_PER_SECOND, Duration.ofSeconds(1)).build())
                .build()).tryConsume(1);
    }

    private static Caller currentCaller() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof Caller caller ? caller : null;
    }

    private static String correlationId(HttpServletRequest request) {
        String id = request == null ? null : CorrelationIdFilter.of(request);
        return id != null ? id : MDC.get(HubHeaders.CORRELATION_ID_MDC);
    }

    /** {@code METHOD path}: the handler's path template when known, else the path; no query string, 100 chars. */
    static String subject(HttpServletRequest request) {
        if (request == null) {
            return null;
        }
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String path = pattern instanceof String p && !p.isEmpty() ? p : request.getRequestURI();
        if (path == null) {
            path = "";
        }
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        String text = (request.getMethod() + " " + path).replaceAll("\\p{Cntrl}", "");
        text = Masking.maskIdsInText(text);
        return text.length() <= MAX_SUBJECT ? text : text.substring(0, MAX_SUBJECT);
    }
}
