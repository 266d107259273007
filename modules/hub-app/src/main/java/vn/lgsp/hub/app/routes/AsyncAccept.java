package vn.lgsp.hub.app.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.JMSException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jms.JmsException;
import org.springframework.transaction.TransactionException;
import vn.lgsp.hub.app.delivery.DurableAcceptance;
import vn.lgsp.hub.app.ops.metrics.HubMetrics;
import vn.lgsp.hub.app.web.CorrelationIdFilter;
import vn.lgsp.hub.app.web.Problems;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;
import vn.lgsp.hub.core.error.ValidationException;
import vn.lgsp.hub.core.error.Violation;
import vn.lgsp.hub.core.ids.Masking;

/**
 * The steps of the {@code hub-async-delivery} routes (the bean {@value #BEAN}; each route gives its parameters as
 * exchange properties, see {@link RouteTemplates}): {@link #accept} checks the body is a JSON object with a subject
 * and hands it to {@link DurableAcceptance} (durable in the broker and the exchange log before the caller hears
 * 202); {@link #failed} answers any failure with a problem document, the broker or database away with 503.
 */
public class AsyncAccept {

    public static final String BEAN = "hubAsyncAccept";
    static final String SERVICE = "hubAsyncService";
    static final String OPERATION = "hubAsyncOperation";
    static final String SUBJECT_POINTER = "hubAsyncSubjectPointer";
    static final String EVENT_KEY_POINTER = "hubAsyncEventKeyPointer";

    private static final Logger log = LoggerFactory.getLogger(AsyncAccept.class);
    /** The exchange log's subject_key column. */
    private static final int MAX_SUBJECT = 100;

    private final DurableAcceptance acceptance;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    public AsyncAccept(DurableAcceptance acceptance, ObjectMapper json, MeterRegistry meters) {
        this.acceptance = acceptance;
        this.json = json;
        this.meters = meters;
    }

    public void accept(Exchange exchange) throws Exception {
        String service = exchange.getProperty(SERVICE, String.class);
        String operation = exchange.getProperty(OPERATION, String.class);
        String subjectPointer = exchange.getProperty(SUBJECT_POINTER, String.class);
        String eventKeyPointer = exchange.getProperty(EVENT_KEY_POINTER, String.class);
        Message in = exchange.getIn();
        HttpServletRequest request = in instanceof PlatformHttpMessage m ? m.getRequest() : null;
        String client = request == null ? null : RouteCallerFilter.of(request);
        String correlation = request == null ? null : CorrelationIdFilter.of(request);

        JsonNode body = object(in.getBody(String.class));
        String subject = scalar(body, subjectPointer);
        if (subject.length() > MAX_SUBJECT) {
            throw new ValidationException(new Violation(subjectPointer, ErrorCode.INVALID_FIELD,
                    subjectPointer + " is longer than " + MAX_SUBJECT + " characters"));
        }
        String flow = AsyncDeliveryFlow.name(service, operation);
        String canonical = json.writeValueAsString(body);
        // the same event sent twice (a client's retry) is recognised by what the route file says makes it one, or
        // else by the whole body, written in one form so that spacing and key order of the text do not matter
        String eventKey = eventKeyPointer == null || eventKeyPointer.isBlank()
                ? DurableAcceptance.eventKey(flow, subject, json.writeValueAsString(sorted(body)))
                : DurableAcceptance.eventKey(flow, subject, scalar(body, eventKeyPointer));
        String masked = Masking.maskPersonalId(subject);
        DurableAcceptance.Acceptance a = acceptance.accept(new DurableAcceptance.Submission(flow,
                AsyncDeliveryFlow.queues(service, operation), subject, eventKey, client, correlation, masked,
                canonical), previous -> new DurableAcceptance.Plan(operation, null));
        String id = a.exchange().id();
        if (!a.duplicate()) {
            meters.counter(HubMetrics.ACCEPTED, HubMetrics.FLOW, flow, HubMetrics.CLIENT,
                    client == null ? "unknown" : client).increment();
            log.info("Route {} accepted exchange {} for client {} on {} seq {}", flow, id, client, masked,
                    a.exchange().sequence());
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("exchangeId", id);
        reply.put("status", "ACCEPTED");
        if (a.duplicate()) {
            reply.put("duplicate", true);
        }
        Message out = exchange.getMessage();
        out.removeHeaders("*");
        out.setHeader("Location", "/api/v1/exchanges/" + id);
        RouteReplies.reply(exchange, 202, MediaType.APPLICATION_JSON_VALUE, json.writeValueAsString(reply), id);
    }

    /** Any failure as the caller's problem document: nothing was accepted. */
    public void failed(Exchange exchange) throws Exception {
        String flow = AsyncDeliveryFlow.name(exchange.getProperty(SERVICE, String.class),
                exchange.getProperty(OPERATION, String.class));
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        ProblemDetail problem;
        ErrorCode code = infrastructure(caught);
        if (code != null) {
            log.warn("Route {}: nothing accepted, {} ({})", flow, code.code(),
                    caught == null ? "?" : caught.getClass().getSimpleName());
            problem = Problems.of(code, code.title());
        } else if (caught instanceof ValidationException v) {
            problem = Problems.of(v.errorCode(), v.getMessage(), v.violations());
        } else if (caught instanceof HubException h) {
            problem = Problems.of(h.errorCode(), h.getMessage());
        } else {
            log.error("Route {}: unexpected failure ({})", flow,
                    caught == null ? "?" : caught.getClass().getSimpleName());
            problem = Problems.of(ErrorCode.INTERNAL, "Internal error; quote the correlation id to the operator");
        }
        exchange.getMessage().removeHeaders("*");
        RouteReplies.reply(exchange, problem.getStatus(), MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                json.writeValueAsString(problem), null);
    }

    private JsonNode object(String text) {
        JsonNode body;
        try {
            body = text == null || text.isBlank() ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            throw new HubException(ErrorCode.MALFORMED_JSON, "The request body must be a well-formed JSON object");
        }
        return body;
    }

    /** The text of a string or number at {@code pointer}; missing, null or blank is a missing field. */
    private static String scalar(JsonNode body, String pointer) {
        JsonNode value = body.at(pointer);
        if (value.isMissingNode() || value.isNull() || value.isValueNode() && value.asText().isBlank()) {
            throw new ValidationException(new Violation(pointer, ErrorCode.MISSING_FIELD, pointer + " is required"));
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw new ValidationException(new Violation(pointer, ErrorCode.INVALID_FIELD,
                    pointer + " must be a string or a number"));
        }
        return value.asText();
    }

    /** A copy with object keys in order, so that two spellings of one body have one written form. */
    private JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = json.createObjectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            names.forEach(n -> out.set(n, sorted(node.get(n))));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = json.createArrayNode();
            node.forEach(e -> out.add(sorted(e)));
            return out;
        }
        return node;
    }

    /** The hub's own stores failing: the caller may try again. */
    private static ErrorCode infrastructure(Throwable caught) {
        for (Throwable t = caught; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HubException) {
                return null;
            }
            if (t instanceof JmsException || t instanceof JMSException) {
                return ErrorCode.BROKER_UNAVAILABLE;
            }
            if (t instanceof DataAccessException || t instanceof TransactionException) {
                return ErrorCode.STORE_UNAVAILABLE;
            }
        }
        return null;
    }
}
