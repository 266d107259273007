package vn.lgsp.hub.app.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.PathContainer;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import vn.lgsp.hub.app.ops.metrics.HubMetrics;
import vn.lgsp.hub.app.web.CorrelationIdFilter;
import vn.lgsp.hub.app.web.Problems;
import vn.lgsp.hub.audit.ExchangeLog;
import vn.lgsp.hub.audit.ExchangeRecord;
import vn.lgsp.hub.audit.ExchangeState;
import vn.lgsp.hub.audit.ExchangeStep;
import vn.lgsp.hub.audit.NewExchange;
import vn.lgsp.hub.core.HubHeaders;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;
import vn.lgsp.hub.core.error.UpstreamException;
import vn.lgsp.hub.core.error.ValidationException;
import vn.lgsp.hub.core.ids.Masking;

/**
 * The steps of the {@code hub-rest-lookup} routes (the bean {@value #BEAN}; each route gives its parameters as exchange
 * properties, see {@link RouteTemplates}):
 * {@link #begin} takes the request, {@link #keep} and {@link #afterBreaker} let answers the upstream gave on purpose
 * pass the circuit breaker as successes, {@link #answered} and {@link #failed} write the reply. Each call is one
 * exchange of flow {@code <service>} in the exchange log, with the subject masked and never the payload; and it is
 * counted in {@value #CALLS} (every call, refused ones included) and {@link HubMetrics#UPSTREAM_CALLS} (calls that
 * reached the target route's upstream).
 */
public class RestLookup {

    /** The name routes call it by. */
    public static final String BEAN = "hubRestLookup";
    static final String SERVICE = "hubRouteService";
    static final String OPERATION = "hubRouteOperation";
    static final String UPSTREAM = "hubRouteUpstream";
    static final String SUBJECT_PARAMETER = "hubRouteSubjectParameter";
    static final String PATH = "hubRoutePath";

    /** Counter: calls of route-file lookups. Tags: flow, connector, operation, outcome, code, client. */
    public static final String CALLS = "hub.routes.calls";

    private static final Logger log = LoggerFactory.getLogger(RestLookup.class);
    private static final String EXCHANGE = "hubRouteExchange";
    private static final String STARTED = "hubRouteStarted";
    private static final String CLIENT = "hubRouteClient";
    private static final String SUBJECT = "hubRouteSubject";
    private static final String KEPT = "hubRouteAnswerKept";
    private static final String CALLED = "hubRouteCalled";
    /** A refused subject longer than this is cut before it is masked: no key is that long. */
    private static final int MAX_SUBJECT = 20;

    /** What the route shares with every other: stores, meters, JSON. */
    public record Shared(ExchangeLog exchangeLog, TransactionTemplate tx, MeterRegistry meters, ObjectMapper json) {
    }

    private final Shared shared;
    private final Map<String, PathPattern> paths = new ConcurrentHashMap<>();

    public RestLookup(Shared shared) {
        this.shared = shared;
    }

    /**
     * Leaves the target route only what its contract promises: the path parameters, the client id, the correlation
     * id and, for a POST, the body. The caller's own headers (its API key first) never reach an upstream.
     */
    public void begin(Exchange exchange) throws Exception {
        exchange.setProperty(STARTED, System.nanoTime());
        String service = exchange.getProperty(SERVICE, String.class);
        String operation = exchange.getProperty(OPERATION, String.class);
        String subject = exchange.getProperty(SUBJECT_PARAMETER, String.class);
        PathPattern path = paths.computeIfAbsent(exchange.getProperty(PATH, String.class),
                PathPatternParser.defaultInstance::parse);
        Message in = exchange.getIn();
        HttpServletRequest request = in instanceof PlatformHttpMessage m ? m.getRequest() : null;
        String method = in.getHeader(Exchange.HTTP_METHOD, String.class);
        String body = "POST".equalsIgnoreCase(method) ? in.getBody(String.class) : null;
        String client = request == null ? null : RouteCallerFilter.of(request);
        String correlation = request == null ? null : CorrelationIdFilter.of(request);
        Map<String, String> variables = Map.of();
        if (request != null) {
            String uri = request.getRequestURI().substring(request.getContextPath().length());
            PathPattern.PathMatchInfo match = path.matchAndExtract(PathContainer.parsePath(uri));
            variables = match == null ? Map.of() : match.getUriVariables();
        }
        in.removeHeaders("*");
        in.setBody(body);
        variables.forEach(in::setHeader);
        in.setHeader(HubHeaders.CLIENT_ID, client);
        in.setHeader(HubHeaders.CORRELATION_ID_HTTP, correlation);
        exchange.setProperty(CLIENT, client);
        String subjectValue = subject == null || subject.isBlank() ? null : variables.get(subject);
        String masked = subjectValue == null || subjectValue.isBlank() ? null : Masking.maskPersonalId(
                subjectValue.length() > MAX_SUBJECT ? subjectValue.substring(0, MAX_SUBJECT) : subjectValue);
        exchange.setProperty(SUBJECT, masked);
        if (body != null) {
            try {
                shared.json().readTree(body);
            } catch (JsonProcessingException e) {
                throw new HubException(ErrorCode.MALFORMED_JSON, "The request body is not well-formed JSON");
            }
        }
        ExchangeRecord record = shared.tx().execute(s -> shared.exchangeLog().create(new NewExchange(service,
                operation, client, correlation, UUID.randomUUID().toString(), null, null, masked, null, null)));
        exchange.setProperty(EXCHANGE, record.id());
    }

    /** Inside the breaker: marks the target route as called. */
    public void calling(Exchange exchange) {
        exchange.setProperty(CALLED, true);
    }

    /**
     * Inside the breaker: a refusal of the request ({@link ValidationException}) or an answer the upstream gave on
     * purpose (a not-found, a rejection: not retryable) shows the upstream works, so the breaker must see a success;
     * it is kept aside and raised again once past the breaker. A retryable failure counts against the breaker.
     */
    public void keep(Exchange exchange) throws Exception {
        Exception caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        if (caught instanceof ValidationException
                || caught instanceof UpstreamException u && !u.retryable()
                || caught instanceof HubException h && !(h instanceof UpstreamException)) {
            exchange.setProperty(KEPT, caught);
            exchange.getMessage().setBody(null);
            return;
        }
        throw caught;
    }

    /** Past the breaker: an open breaker did not call; a kept answer is raised again. */
    public void afterBreaker(Exchange exchange) throws Exception {
        String service = exchange.getProperty(SERVICE, String.class);
        String operation = exchange.getProperty(OPERATION, String.class);
        String upstream = exchange.getProperty(UPSTREAM, String.class);
        if (Boolean.TRUE.equals(exchange.getProperty(ExchangePropertyKey.CIRCUIT_BREAKER_RESPONSE_SHORT_CIRCUITED,
                Boolean.class))) {
            exchange.removeProperty(CALLED);
            throw new UpstreamException(ErrorCode.UPSTREAM_UNAVAILABLE,
                    "The circuit breaker of " + upstream + " is open: it is not called for now", true);
        }
        if (Boolean.TRUE.equals(exchange.getProperty(ExchangePropertyKey.CIRCUIT_BREAKER_RESPONSE_TIMED_OUT,
                Boolean.class))) {
            throw new UpstreamException(ErrorCode.UPSTREAM_UNAVAILABLE, upstream + " did not answer in time", true);
        }
        Exception kept = exchange.getProperty(KEPT, Exception.class);
        if (kept != null) {
            throw kept;
        }
    }

    /** The target's reply as JSON, with the exchange id added to an object. */
    public void answered(Exchange exchange) throws Exception {
        String service = exchange.getProperty(SERVICE, String.class);
        String operation = exchange.getProperty(OPERATION, String.class);
        String upstream = exchange.getProperty(UPSTREAM, String.class);
        Object body = exchange.getMessage().getBody();
        JsonNode reply;
        try {
            reply = body == null ? null
                    : body instanceof JsonNode n ? n
                    : body instanceof String s ? shared.json().readTree(s)
                    : body instanceof byte[] b ? shared.json().readTree(new String(b, StandardCharsets.UTF_8))
                    : shared.json().valueToTree(body);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UpstreamException(ErrorCode.UPSTREAM_MALFORMED_REPLY,
                    "The target route's reply is not JSON", true);
        }
        if (reply == null) {
            throw new UpstreamException(ErrorCode.UPSTREAM_MALFORMED_REPLY, "The target route set no reply", true);
        }
        String id = exchange.getProperty(EXCHANGE, String.class);
        if (reply instanceof ObjectNode o) {
            o = o.deepCopy();
            o.put("exchangeId", id);
            reply = o;
        }
        Duration took = took(exchange);
        shared.tx().executeWithoutResult(s -> {
            shared.exchangeLog().attempt(id, 1, true, took, null, "result=ok");
            shared.exchangeLog().changeState(id, ExchangeState.DELIVERED, ExchangeStep.DELIVERED, null, "result=ok");
        });
        timeUpstream(service, operation, upstream, took, null);
        count(exchange, service, operation, upstream, null);
        log.info("Route {}.{} {} for client {} on {}: answered in {} ms", service, operation, id,
                exchange.getProperty(CLIENT), exchange.getProperty(SUBJECT), took.toMillis());
        reply(exchange, 200, MediaType.APPLICATION_JSON_VALUE, shared.json().writeValueAsString(reply), id);
    }

    /** Any failure, as the caller's problem document; never a 500 with a stack trace. */
    public void failed(Exchange exchange) throws Exception {
        String service = exchange.getProperty(SERVICE, String.class);
        String operation = exchange.getProperty(OPERATION, String.class);
        String upstream = exchange.getProperty(UPSTREAM, String.class);
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        HubException failure = translate(caught, upstream);
        String code = failure.errorCode().code();
        String id = exchange.getProperty(EXCHANGE, String.class);
        Duration took = took(exchange);
        boolean called = Boolean.TRUE.equals(exchange.getProperty(CALLED, Boolean.class))
                && !(failure instanceof ValidationException) && failure.errorCode() != ErrorCode.MALFORMED_JSON;
        String detail = "error=" + Masking.maskIdsInText(failure.getMessage());
        if (id != null) {
            try {
                shared.tx().executeWithoutResult(s -> {
                    if (called) {
                        shared.exchangeLog().attempt(id, 1, false, took, code, detail);
                    }
                    shared.exchangeLog().changeState(id, ExchangeState.FAILED, ExchangeStep.FAILED, code, detail);
                });
            } catch (RuntimeException e) {
                log.warn("Route {}.{} {}: the failure {} could not be recorded ({})", service, operation, id, code,
                        e.getClass().getSimpleName());
            }
        }
        if (called) {
            timeUpstream(service, operation, upstream, took, code);
        }
        count(exchange, service, operation, upstream, code);
        log.info("Route {}.{} {} for client {} on {}: {} after {} ms", service, operation, id,
                exchange.getProperty(CLIENT), exchange.getProperty(SUBJECT), code, took.toMillis());
        ProblemDetail problem = failure instanceof ValidationException v
                ? Problems.of(v.errorCode(), v.getMessage(), v.violations())
                : Problems.of(failure.errorCode(), forCaller(failure, upstream, id));
        if (failure instanceof UpstreamException) {
            problem.setProperty("upstream", upstream);
        }
        if (id != null) {
            problem.setProperty("exchangeId", id);
        }
        reply(exchange, failure.errorCode().httpStatus(), MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                shared.json().writeValueAsString(problem), id);
    }

    /** The caller learns the code's meaning and the exchange id; the full message is in the exchange log. */
    private static String forCaller(HubException failure, String upstream, String id) {
        String text = failure instanceof UpstreamException ? failure.errorCode().title() + " (" + upstream + ")"
                : failure.getMessage();
        return id == null ? text : text + " (exchange " + id + ")";
    }

    private static HubException translate(Throwable caught, String upstream) {
        for (Throwable t = caught; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HubException hub) {
                return hub;
            }
            if (t instanceof CallNotPermittedException) {
                return new UpstreamException(ErrorCode.UPSTREAM_UNAVAILABLE,
                        "The circuit breaker of " + upstream + " is open: it is not called for now", true);
            }
            if (t instanceof TimeoutException) {
                return new UpstreamException(ErrorCode.UPSTREAM_UNAVAILABLE, upstream + " did not answer in time",
                        true);
            }
        }
        // a connection refused, a socket timeout or a fault of the route itself: say no more than its kind
        return new UpstreamException(ErrorCode.UPSTREAM_UNAVAILABLE, "The call to " + upstream + " failed ("
                + (caught == null ? "no exception" : caught.getClass().getSimpleName()) + ")", true);
    }

    private static void reply(Exchange exchange, int status, String contentType, String body, String exchangeId) {
        // nothing of the target route's headers (an upstream's reply headers) goes back to the caller
        exchange.getMessage().removeHeaders("*");
        RouteReplies.reply(exchange, status, contentType, body, exchangeId);
    }

    private static Duration took(Exchange exchange) {
        Long started = exchange.getProperty(STARTED, Long.class);
        return started == null ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - started);
    }

    private void timeUpstream(String service, String operation, String upstream, Duration took, String code) {
        Timer.builder(HubMetrics.UPSTREAM_CALLS).tag(HubMetrics.FLOW, service).tag(HubMetrics.CONNECTOR, upstream)
                .tag(HubMetrics.OPERATION, operation).tag(HubMetrics.OUTCOME, HubMetrics.outcome(code))
                .tag(HubMetrics.CODE, HubMetrics.code(code))
                .publishPercentileHistogram().maximumExpectedValue(Duration.ofMinutes(2))
                .register(shared.meters()).record(took);
    }

    private void count(Exchange exchange, String service, String operation, String upstream, String code) {
        String client = exchange.getProperty(CLIENT, String.class);
        shared.meters().counter(CALLS, HubMetrics.FLOW, service, HubMetrics.CONNECTOR, upstream,
                HubMetrics.OPERATION, operation, HubMetrics.OUTCOME, HubMetrics.outcome(code),
                HubMetrics.CODE, HubMetrics.code(code), HubMetrics.CLIENT, client == null ? "unknown" : client)
                .increment();
    }
}
