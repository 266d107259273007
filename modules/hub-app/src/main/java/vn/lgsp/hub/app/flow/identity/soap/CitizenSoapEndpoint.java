package vn.lgsp.hub.app.flow.identity.soap;

import jakarta.jws.WebService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import vn.lgsp.hub.app.flow.identity.CitizenIdentityRequest;
import vn.lgsp.hub.app.flow.identity.CitizenIdentityService;
import vn.lgsp.hub.app.flow.identity.VerifyResponse;
import vn.lgsp.hub.app.security.Caller;
import vn.lgsp.hub.app.security.HubServices;
import vn.lgsp.hub.app.web.CorrelationIdFilter;
import vn.lgsp.hub.app.ws.citizens.CitizenIdentityPortType;
import vn.lgsp.hub.app.ws.citizens.Difference;
import vn.lgsp.hub.app.ws.citizens.DifferenceKind;
import vn.lgsp.hub.app.ws.citizens.HubFault;
import vn.lgsp.hub.app.ws.citizens.IdentityRequest;
import vn.lgsp.hub.app.ws.citizens.LookupResult;
import vn.lgsp.hub.app.ws.citizens.VerifyResult;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;
import vn.lgsp.hub.core.error.ValidationException;
import vn.lgsp.hub.core.error.Violation;

/**
 * {@code /ws/citizens}: the SOAP face of the citizen identity flow ({@code wsdl/citizens.wsdl}). Each operation is
 * {@link CitizenIdentityService}'s, with the same checks, the same exchange-log record and the same error codes as
 * {@code POST /api/v1/citizens/verify} and {@code /lookup}; every failure is a {@code HubFault} (see
 * {@link SoapFaults}).
 *
 * <p>Both operations share one URL, so the security filter chain only authenticates {@code /ws/**}; the access
 * right of the operation ({@code citizens.verify} or {@code citizens.lookup}) is checked here, before anything else,
 * and a refusal is the fault {@code auth.forbidden}, recorded nowhere, as over REST.
 */
@Component
@WebService(
        serviceName = CitizenSoapConfiguration.SERVICE_NAME,
        portName = CitizenSoapConfiguration.PORT_NAME,
        targetNamespace = CitizenSoapConfiguration.NAMESPACE,
        endpointInterface = "vn.lgsp.hub.app.ws.citizens.CitizenIdentityPortType",
        wsdlLocation = CitizenSoapConfiguration.WSDL)
public class CitizenSoapEndpoint implements CitizenIdentityPortType {

    private static final Logger log = LoggerFactory.getLogger(CitizenSoapEndpoint.class);

    private final CitizenIdentityService identity;
    private final CitizenSoapMapper mapper = new CitizenSoapMapper();

    public CitizenSoapEndpoint(CitizenIdentityService identity) {
        this.identity = identity;
    }

    @Override
    public VerifyResult verify(IdentityRequest parameters) throws HubFault {
        return answer(HubServices.CITIZENS_VERIFY, () -> {
            Caller caller = allowed(HubServices.CITIZENS_VERIFY);
            VerifyResponse answer = identity.verify(mapper.request(parameters), caller.id(), correlationId());
            return mapper.verifyResult(answer);
        });
    }

    @Override
    public LookupResult lookup(IdentityRequest parameters) throws HubFault {
        return answer(HubServices.CITIZENS_LOOKUP, () -> {
            Caller caller = allowed(HubServices.CITIZENS_LOOKUP);
            CitizenIdentityService.Lookup answer = identity.lookup(mapper.request(parameters), caller.id(),
                    correlationId());
            return mapper.lookupResult(answer);
        });
    }

    /** The caller, when its access right names {@code service}. */
    private static Caller allowed(String service) {
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
     * Runs an operation and turns every failure into a {@link HubFault} with the code REST would answer with
     * (compare {@code ProblemHandler}). Answers carry {@code Cache-Control: no-store}, as REST's do.
     */
    private <T> T answer(String operation, Supplier<T> call) throws HubFault {
        noStore();
        try {
            return call.get();
        } catch (ValidationException e) {
            String detail = e.violations().size() == 1 ? e.getMessage()
                    : e.violations().size() + " problems: " + String.join("; ",
                            e.violations().stream().map(Violation::message).toList());
            throw SoapFaults.fault(e.errorCode(), detail, e.violations());
        } catch (HubException e) {
            throw SoapFaults.fault(e.errorCode(), e.getMessage());
        } catch (CamelExecutionException e) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof ValidationException v) {
                    throw SoapFaults.fault(v.errorCode(), v.getMessage(), v.violations());
                }
                if (t instanceof HubException h) {
                    throw SoapFaults.fault(h.errorCode(), h.getMessage());
                }
            }
            throw unexpected(operation, e);
        } catch (TransientDataAccessException | DataAccessResourceFailureException | RecoverableDataAccessException
                 | TransactionException e) {
            log.warn("Exchange log unavailable: {}", e.getClass().getSimpleName());
            throw SoapFaults.fault(ErrorCode.STORE_UNAVAILABLE, ErrorCode.STORE_UNAVAILABLE.title());
        } catch (RuntimeException e) {
            throw unexpected(operation, e);
        }
    }

    private static HubFault unexpected(String operation, RuntimeException e) {
        log.error("Unexpected failure of SOAP {}", operation, e);
        return SoapFaults.fault(ErrorCode.INTERNAL, SoapFaults.INTERNAL_MESSAGE);
    }

    /** The correlation id the filter chain gave this HTTP request. */
    private static String correlationId() {
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

    /** Between the generated JAXB types and the flow's own. */
    static final class CitizenSoapMapper {

        /** xs:date, with the time zone xs:date allows and the date ignores. */
        private static final DateTimeFormatter XS_DATE = DateTimeFormatter.ISO_DATE;

        /**
         * The flow's request. A date that is not an xs:date is refused as the field {@code birthDate}, code
         * {@code request.invalid_field}, like a JSON date of the wrong form over REST (and, like it, before the
         * flow sees the call).
         */
        CitizenIdentityRequest request(IdentityRequest r) {
            if (r == null) {
                return new CitizenIdentityRequest(null, null, null, null, null);
            }
            CitizenIdentityRequest.Purpose purpose = r.getPurpose() == null ? null
                    : new CitizenIdentityRequest.Purpose(r.getPurpose().getProcedureCode(),
                            r.getPurpose().getDossierCode());
            return new CitizenIdentityRequest(r.getPersonalId(), r.getFullName(), date(r.getBirthDate()), purpose,
                    r.getOfficerId());
        }

        private static LocalDate date(String lexical) {
            if (lexical == null || lexical.isBlank()) {
                return null;
            }
            try {
                return LocalDate.parse(lexical.strip(), XS_DATE);
            } catch (DateTimeParseException e) {
                throw new ValidationException(new Violation("birthDate", ErrorCode.INVALID_FIELD,
                        "birthDate must be a date (xs:date, YYYY-MM-DD)"));
            }
        }

        VerifyResult verifyResult(VerifyResponse answer) {
            VerifyResult result = new VerifyResult();
            result.setMatch(answer.match());
            result.setFound(answer.found());
            for (VerifyResponse.Difference d : answer.differences()) {
                Difference difference = new Difference();
                difference.setField(d.field());
                difference.setKind(DifferenceKind.fromValue(d.kind().name()));
                result.getDifference().add(difference);
            }
            result.setExchangeId(answer.exchangeId());
            return result;
        }

        LookupResult lookupResult(CitizenIdentityService.Lookup answer) {
            return CitizenRecords.toLookupResult(answer.citizen(), answer.exchangeId());
        }
    }
}
