package vn.lgsp.hub.app.web.soap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.apache.camel.CamelExecutionException;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.TransactionException;
import vn.lgsp.hub.app.security.Caller;
import vn.lgsp.hub.app.web.CorrelationIdFilter;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;
import vn.lgsp.hub.core.error.ValidationException;
import vn.lgsp.hub.core.error.Violation;

/**
 * What every operation of the hub's SOAP endpoints does around its flow: checks the caller's access right (one URL
 * serves several operations, so the security filter chain only authenticates {@code /ws/**}), and turns every
 * failure into the endpoint's declared {@code HubFault} with the code REST would answer with (compare
 * {@code ProblemHandler}).
 */
public final class SoapCalls {

    private static final Logger log = LoggerFactory.getLogger(SoapCalls.class);

    private SoapCalls() {
    }

    /**
     * The caller, when its access right names {@code service}; otherwise {@code auth.forbidden}, which
     * {@link HubFaultOutInterceptor} records as a security event, as a 403 over REST is.
     */
    public static Caller allowed(String service) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof Caller caller)) {
            // the filter chain lets no unauthenticated call through to /ws/**; this is the belt to its braces
            throw new HubException(ErrorCode.UNAUTHENTICATED, "Send your API key in the X-API-Key header");
        }
        if (!caller.may(service)) {
            throw new HubException(ErrorCode.FORBIDDEN, "Your client is not allowed to call this service");
        }
        return caller;
    }

    /**
     * Runs an operation and turns every failure into a fault of {@code faults}. Answers carry
     * {@code Cache-Control: no-store}, as REST's do.
     *
     * @param operation for the log
     */
    public static <T, F extends Exception> T answer(HubFaults<F, ?> faults, String operation, Supplier<T> call)
            throws F {
        noStore();
        try {
            return call.get();
        } catch (ValidationException e) {
            String detail = e.violations().size() == 1 ? e.getMessage()
                    : e.violations().size() + " problems: " + String.join("; ",
                            e.violations().stream().map(Violation::message).toList());
            throw faults.fault(e.errorCode(), detail, e.violations());
        } catch (HubException e) {
            throw faults.fault(e.errorCode(), e.getMessage());
        } catch (CamelExecutionException e) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof ValidationException v) {
                    throw faults.fault(v.errorCode(), v.getMessage(), v.violations());
                }
                if (t instanceof HubException h) {
                    throw faults.fault(h.errorCode(), h.getMessage());
                }
            }
            throw unexpected(faults, operation, e);
        } catch (TransientDataAccessException | DataAccessResourceFailureException | RecoverableDataAccessException
                 | TransactionException e) {
            log.warn("Exchange log unavailable: {}", e.getClass().getSimpleName());
            throw faults.fault(ErrorCode.STORE_UNAVAILABLE, ErrorCode.STORE_UNAVAILABLE.title());
        } catch (RuntimeException e) {
            throw unexpected(faults, operation, e);
        }
    }

    private static <F extends Exception> F unexpected(HubFaults<F, ?> faults, String operation, RuntimeException e) {
        log.error("Unexpected failure of SOAP {}", operation, e);
        return faults.fault(ErrorCode.INTERNAL, HubFaults.INTERNAL_MESSAGE);
    }

    /** The correlation id the filter chain gave this HTTP request. */
    public static String correlationId() {
        HttpServletRequest request = servletRequest();
        String id = request == null ? null : CorrelationIdFilter.of(request);
        return id != null ? id : MDC.get(CorrelationIdFilter.MDC_KEY);
    }

    private static HttpServletRequest servletRequest() {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        return message == null ? null : (HttpServletRequest) message.get(AbstractHTTPDestination.HTTP_REQUEST);
    }

    private static void noStore() {
        Message message = PhaseInterceptorChain.getCurrentMessage();
        if (message != null && message.get(AbstractHTTPDestination.HTTP_RESPONSE) instanceof HttpServletResponse r) {
            r.setHeader("Cache-Control", "no-store");
        }
    }
}
