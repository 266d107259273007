package vn.lgsp.hub.app.flow.identity.soap;

import jakarta.jws.WebService;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.app.flow.identity.CitizenIdentityRequest;
import vn.lgsp.hub.app.flow.identity.CitizenIdentityService;
import vn.lgsp.hub.app.flow.identity.VerifyResponse;
import vn.lgsp.hub.app.security.Caller;
import vn.lgsp.hub.app.security.HubServices;
import vn.lgsp.hub.app.web.soap.SoapCalls;
import vn.lgsp.hub.app.ws.citizens.CitizenIdentityPortType;
import vn.lgsp.hub.app.ws.citizens.Difference;
import vn.lgsp.hub.app.ws.citizens.DifferenceKind;
import vn.lgsp.hub.app.ws.citizens.HubFault;
import vn.lgsp.hub.app.ws.citizens.IdentityRequest;
import vn.lgsp.hub.app.ws.citizens.LookupResult;
import vn.lgsp.hub.app.ws.citizens.VerifyResult;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.ValidationException;
import vn.lgsp.hub.core.error.Violation;

/**
 * {@code /ws/citizens}: the SOAP face of the citizen identity flow ({@code wsdl/citizens.wsdl}). Each operation is
 * {@link CitizenIdentityService}'s, with the same checks, the same exchange-log record and the same error codes as
 * {@code POST /api/v1/citizens/verify} and {@code /lookup}; every failure is a {@code HubFault} (see
 * {@link vn.lgsp.hub.app.web.soap.HubFaults}).
 *
 * <p>Both operations share one URL, so the security filter chain only authenticates {@code /ws/**}; the access
 * right of the operation ({@code citizens.verify} or {@code citizens.lookup}) is checked here, before anything else
 * ({@link SoapCalls#allowed}), and a refusal is the fault {@code auth.forbidden}, recorded as a security event, as over REST.
 */
@Component
@WebService(
        serviceName = CitizenSoapConfiguration.SERVICE_NAME,
        portName = CitizenSoapConfiguration.PORT_NAME,
        targetNamespace = CitizenSoapConfiguration.NAMESPACE,
        endpointInterface = "vn.lgsp.hub.app.ws.citizens.CitizenIdentityPortType",
        wsdlLocation = CitizenSoapConfiguration.WSDL)
public class CitizenSoapEndpoint implements CitizenIdentityPortType {

    private final CitizenIdentityService identity;
    private final CitizenSoapMapper mapper = new CitizenSoapMapper();

    public CitizenSoapEndpoint(CitizenIdentityService identity) {
        this.identity = identity;
    }

    @Override
    public VerifyResult verify(IdentityRequest parameters) throws HubFault {
        return SoapCalls.answer(CitizenSoapConfiguration.FAULTS, "verify", () -> {
            Caller caller = SoapCalls.allowed(HubServices.CITIZENS_VERIFY);
            VerifyResponse answer = identity.verify(mapper.request(parameters), caller.id(), SoapCalls.correlationId());
            return mapper.verifyResult(answer);
        });
    }

    @Override
    public LookupResult lookup(IdentityRequest parameters) throws HubFault {
        return SoapCalls.answer(CitizenSoapConfiguration.FAULTS, "lookup", () -> {
            Caller caller = SoapCalls.allowed(HubServices.CITIZENS_LOOKUP);
            CitizenIdentityService.Lookup answer = identity.lookup(mapper.request(parameters), caller.id(),
                    SoapCalls.correlationId());
            return mapper.lookupResult(answer);
        });
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
