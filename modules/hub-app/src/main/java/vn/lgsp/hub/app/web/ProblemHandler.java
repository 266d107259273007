package vn.lgsp.hub.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.camel.CamelExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jms.JmsException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import vn.lgsp.hub.app.security.SecurityEvents;
import vn.lgsp.hub.app.web.limits.RequestBodyTooLargeException;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;
import vn.lgsp.hub.core.error.ValidationException;
import vn.lgsp.hub.core.error.Violation;

/**
 * Turns every failure of a REST call into a problem document with a stable code. Nothing reaches the caller as a
 * stack trace; unexpected failures are logged here with the correlation id and answered as {@code hub.internal_error}.
 */
@RestControllerAdvice
public class ProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final SecurityEvents securityEvents;

    public ProblemHandler(SecurityEvents securityEvents) {
        this.securityEvents = securityEvents;
    }

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<ProblemDetail> validation(ValidationException e) {
        String detail = e.violations().size() == 1 ? e.getMessage()
                : e.violations().size() + " problems: " + e.violations().stream().map(v -> v.message())
                        .collect(Collectors.joining("; "));
        return Problems.response(Problems.of(e.errorCode(), detail, e.violations()));
    }

    /** An endpoint's own {@code auth.forbidden} (an agency the client does not act for) is a security event. */
    @ExceptionHandler(HubException.class)
    ResponseEntity<ProblemDetail> hub(HubException e, HttpServletRequest request) {
        if (e.errorCode() == ErrorCode.FORBIDDEN) {
            securityEvents.accessDenied(request, "Refused by the endpoint: outside the client's access right");
        }
        return Problems.response(Problems.of(e.errorCode(), e.getMessage()));
    }

    /**
     * A Camel route called through a ProducerTemplate wraps the route's failure; a {@link HubException} inside is
     * answered as itself. Anything else is unexpected.
     */
    @ExceptionHandler(CamelExecutionException.class)
    ResponseEntity<ProblemDetail> camel(CamelExecutionException e, HttpServletRequest request) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ValidationException v) {
                return validation(v);
            }
            if (t instanceof HubException h) {
                return hub(h, request);
            }
        }
        return unexpected(e);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        if (RequestBodyTooLargeException.in(e)) {
            return tooLarge((RequestBodyTooLargeException) findTooLarge(e));
        }
        Throwable cause = e.getCause();
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            String expected = mismatch.getTargetType() == null ? "another type"
                    : mismatch.getTargetType().isEnum() ? "one of " + Arrays.toString(
                            mismatch.getTargetType().getEnumConstants())
                    : "a value of type " + mismatch.getTargetType().getSimpleName();
            return Problems.response(Problems.of(ErrorCode.INVALID_FIELD, field + " must be " + expected,
                    List.of(new Violation(field, ErrorCode.INVALID_FIELD, field + " must be " + expected))));
        }
        if (cause instanceof MismatchedInputException) {
            return Problems.response(Problems.of(ErrorCode.INVALID_FIELD, "The body must be a JSON object"));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            return Problems.response(Problems.of(ErrorCode.INVALID_FIELD, field + " has an invalid value"));
        }
        if (cause instanceof JsonProcessingException parse) {
            String where = parse.getLocation() == null ? ""
                    : " at line " + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr();
            return Problems.response(Problems.of(ErrorCode.MALFORMED_JSON, "The body is not well-formed JSON" + where));
        }
        return Problems.response(Problems.of(ErrorCode.MALFORMED_JSON, "The request body is missing or unreadable"));
    }

    /**
     * A body without a declared length that passed its limit while it was read ({@code hub.limits.body.*}).
     * {@link vn.lgsp.hub.app.web.limits.RequestBodyLimitFilter} answers the same itself; this keeps the answer right
     * for whoever catches it first.
     */
    @ExceptionHandler(RequestBodyTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(RequestBodyTooLargeException e) {
        return Problems.response(Problems.of(ErrorCode.PAYLOAD_TOO_LARGE, e.getMessage()));
    }

    private static Throwable findTooLarge(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause() == x ? null : x.getCause()) {
            if (x instanceof RequestBodyTooLargeException) {
                return x;
            }
        }
        return null;
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return Problems.response(Problems.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                "Send the body as " + e.getSupportedMediaTypes()));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return Problems.response(Problems.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "The hub answers in JSON"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return Problems.response(Problems.of(ErrorCode.METHOD_NOT_ALLOWED,
                e.getMethod() + " is not allowed here; use " + e.getSupportedHttpMethods()));
    }

    @ExceptionHandler({NoResourceFoundException.class})
    ResponseEntity<ProblemDetail> notFound(Exception e) {
        return Problems.response(Problems.of(ErrorCode.NOT_FOUND, "No such resource"));
    }

    @ExceptionHandler({MissingRequestHeaderException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception e) {
        return Problems.response(Problems.of(ErrorCode.INVALID_FIELD, "A header or path parameter is missing or invalid"));
    }

    /** The database away, timing out, or failing over: the caller may try again. */
    @ExceptionHandler({TransientDataAccessException.class, DataAccessResourceFailureException.class,
            RecoverableDataAccessException.class, TransactionException.class})
    ResponseEntity<ProblemDetail> store(Exception e) {
        log.warn("Exchange log unavailable: {}", e.getClass().getSimpleName());
        return Problems.response(Problems.of(ErrorCode.STORE_UNAVAILABLE, ErrorCode.STORE_UNAVAILABLE.title()));
    }

    @ExceptionHandler(JmsException.class)
    ResponseEntity<ProblemDetail> broker(JmsException e) {
        log.warn("Broker unavailable: {}", e.getClass().getSimpleName());
        return Problems.response(Problems.of(ErrorCode.BROKER_UNAVAILABLE, ErrorCode.BROKER_UNAVAILABLE.title()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return Problems.response(Problems.of(ErrorCode.INTERNAL, "Internal error; quote the correlation id to the operator"));
    }
}
