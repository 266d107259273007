package vn.lgsp.hub.app.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.camel.Exchange;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.UpstreamException;
import vn.lgsp.hub.core.error.ValidationException;
import vn.lgsp.hub.core.error.Violation;

/**
 * The bean {@code hubUpstream} that route files call, so that checking input and reading an HTTP upstream's answer
 * are written once and not per file (docs/ROUTES.md, "Calling an HTTP upstream"):
 * <ul>
 *   <li>{@code requireMatch(${header.x}, 'regex', 'x')}: refuses a value that does not match whole, with
 *       {@code request.invalid_field} (400) before any upstream call;</li>
 *   <li>{@code reply(*)}: after a camel-http call with {@code throwExceptionOnFailure=false}, turns the status into
 *       the hub's error model ({@link #failure}) or the body into JSON;</li>
 *   <li>{@code reply(*, 'enterpriseCode=maSoDoanhNghiep!, name=tenDoanhNghiep!, ...')}: the same, then a JSON object
 *       with the upstream's fields renamed; a field marked {@code !} must be in the reply, or the reply is
 *       {@code upstream.malformed_reply}. Fields not named are dropped.</li>
 *   <li>{@code confirmed(*)}: after a camel-http call of a delivery ({@code hub-async-delivery}), turns a failure
 *       status into the hub's error model, which tells the delivery engine whether to retry; any 2xx confirms.</li>
 * </ul>
 * Messages name the status only, never the reply's text, which may hold personal data.
 */
public class HubUpstream {

    private final ObjectMapper json;

    public HubUpstream(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Leaves the message as it is (a method with a result would replace the body).
     *
     * @throws ValidationException {@code request.invalid_field} when {@code value} is missing or does not match
     */
    public void requireMatch(String value, String regex, String field) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("requireMatch: not a regular expression for " + field, e);
        }
        if (value == null || value.isBlank()) {
            throw new ValidationException(new Violation(field, ErrorCode.MISSING_FIELD, field + " is required"));
        }
        if (!pattern.matcher(value).matches()) {
            throw new ValidationException(new Violation(field, ErrorCode.INVALID_FIELD,
                    field + " is not of the form the service accepts"));
        }
    }

    /** Returns when an HTTP upstream confirmed a delivery (2xx); else throws the failure its status means. */
    public void confirmed(Exchange exchange) {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status == null) {
            throw new UpstreamException(ErrorCode.UPSTREAM_MALFORMED_REPLY,
                    "confirmed() follows an HTTP call; there is no HTTP status", true);
        }
        UpstreamException failure = failure(status);
        if (failure != null) {
            throw failure;
        }
    }

    /** The answer of an HTTP upstream as JSON, or the failure its status means. */
    public JsonNode reply(Exchange exchange) {
        Integer status = exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        if (status == null) {
            throw new UpstreamException(ErrorCode.UPSTREAM_MALFORMED_REPLY,
                    "reply() follows an HTTP call; there is no HTTP status", true);
        }
        UpstreamException failure = failure(status);
        if (failure != null) {
            throw failure;
        }
        String text = exchange.getMessage().getBody(String.class);
        JsonNode body;
        try {
            body = text == null || text.isBlank() ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UpstreamException(ErrorCode.UPSTREAM_MALFORMED_REPLY,
                    "The upstream answered HTTP " + status + " with a body that is not JSON", true);
        }
        if (body == null || !(body.isObject() || body.isArray())) {
            throw new UpstreamException(ErrorCode.UPSTREAM_MALFORMED_REPLY,
                    "The upstream answered HTTP " + status + " without a JSON object or array", true);
        }
        exchange.getMessage().setBody(body);
        return body;
    }

    /** {@link #reply(Exchange)}, then its fields renamed: {@code target=source}, {@code !} marks a required one. */
    public JsonNode reply(Exchange exchange, String fields) {
        JsonNode body = reply(exchange);
        if (!body.isObject()) {
            throw new UpstreamException(ErrorCode.UPSTREAM_MALFORMED_REPLY,
                    "The upstream answered with a JSON array where an object was expected", true);
        }
        ObjectNode out = json.createObjectNode();
        for (String spec : fields.split(",")) {
            String s = spec.strip();
            if (s.isEmpty()) {
                continue;
            }
            boolean required = s.endsWith("!");
            String[] parts = (required ? s.substring(0, s.length() - 1) : s).split("=", 2);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("reply(): a field is target=source, not '" + s + "'");
            }
            JsonNode value = body.get(parts[1].strip());
            if (value == null || value.isNull()) {
                if (required) {
                    throw new UpstreamException(ErrorCode.UPSTREAM_MALFORMED_REPLY,
                            "The upstream's reply lacks the field " + parts[1].strip(), true);
                }
                continue;
            }
            out.set(parts[0].strip(), value);
        }
        exchange.getMessage().setBody(out);
        return out;
    }

    /**
     * What an HTTP status means, or {@code null} for a success (2xx): 404 {@code upstream.not_found}; 401 and 403 the
     * hub's own credentials refused, {@code upstream.unavailable} not worth retrying until an operator fixes them;
     * 408, 429 and 5xx {@code upstream.unavailable}, retried; any other 4xx {@code upstream.rejected}; anything else
     * {@code upstream.malformed_reply}.
     */
    public static UpstreamException failure(int status) {
        if (status >= 200 && status < 300) {
            return null;
        }
        if (status == 404) {
            return new UpstreamException(ErrorCode.UPSTREAM_NOT_FOUND, "The upstream has no such record (HTTP 404)",
                    false);
        }
        if (status == 401 || status == 403) {
            return new UpstreamException(ErrorCode.UPSTREAM_UNAVAILABLE,
                    "The upstream refused the hub's credentials (HTTP " + status + "); check its API key", false);
        }
        if (status == 408 || status == 429 || status >= 500) {
            return new UpstreamException(ErrorCode.UPSTREAM_UNAVAILABLE,
                    "The upstream answered HTTP " + status, true);
        }
        if (status >= 400) {
            return new UpstreamException(ErrorCode.UPSTREAM_REJECTED, "The upstream refused the request (HTTP "
                    + status + ")", false);
        }
        return new UpstreamException(ErrorCode.UPSTREAM_MALFORMED_REPLY, "The upstream answered HTTP " + status, true);
    }
}
