package vn.lgsp.hub.app.flow.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.app.flow.identity.CitizenIdentityRequest;
import vn.lgsp.hub.app.flow.identity.CitizenIdentityService;
import vn.lgsp.hub.app.flow.identity.VerifyResponse;
import vn.lgsp.hub.audit.ExchangeEvent;
import vn.lgsp.hub.audit.ExchangeLog;
import vn.lgsp.hub.audit.ExchangeState;
import vn.lgsp.hub.audit.ExchangeStep;
import vn.lgsp.hub.core.HubHeaders;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;
import vn.lgsp.hub.core.error.UpstreamException;
import vn.lgsp.hub.core.error.ValidationException;
import vn.lgsp.hub.core.model.IdentityVerification;
import vn.lgsp.hub.core.model.IdentityVerification.Outcome;
import vn.lgsp.hub.core.model.IntakeDossier;

/**
 * Checks an intake dossier's applicant against the population database, through the identity service (so the call
 * has its own identity exchange, with the hub's intake account as officer and the dossier as purpose).
 *
 * <p>The verdict is recorded once, as a {@code VERIFIED} event of the intake exchange, and read back from there by
 * later attempts: a one-stop-shop outage does not make the hub ask the population database again. While the database
 * is unavailable the attempt fails as retryable, so the dossier waits; once {@code max-delay} has passed since
 * acceptance it goes on with {@link Outcome#UNAVAILABLE}.
 */
@Component
public class ApplicantVerifier {

    private static final Logger log = LoggerFactory.getLogger(ApplicantVerifier.class);

    private final CitizenIdentityService identity;
    private final ExchangeLog exchangeLog;
    private final IntakeFlowProperties.Verification settings;
    private final ObjectMapper json;
    private final Clock clock;

    public ApplicantVerifier(CitizenIdentityService identity, ExchangeLog exchangeLog, IntakeFlowProperties props,
                             ObjectMapper json, Clock clock) {
        this.identity = identity;
        this.exchangeLog = exchangeLog;
        this.settings = props.verification();
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param exchangeId the intake exchange
     * @param acceptedAt when the hub accepted the dossier; the delay allowed runs from there
     * @throws VerificationPending while the database is unavailable and the delay allowed has not passed
     */
    public IdentityVerification verify(IntakeDossier d, String exchangeId, Instant acceptedAt) {
        Optional<IdentityVerification> earlier = recorded(exchangeId);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        IdentityVerification v = ask(d, acceptedAt);
        exchangeLog.changeState(exchangeId, ExchangeState.IN_PROGRESS, ExchangeStep.VERIFIED, v.reason(), write(v));
        log.info("Intake exchange {}: applicant {} {}", exchangeId, v.outcome(),
                v.differingFields().isEmpty() ? "" : v.differingFields());
        return v;
    }

    /** The population database may answer later, and the dossier may still wait for it. */
    public static final class VerificationPending extends UpstreamException {
        VerificationPending(ErrorCode code, String message) {
            super(code, message, true);
        }
    }

    /** When the dossier stops waiting for the database. */
    public Instant deadline(Instant acceptedAt) {
        return acceptedAt.plus(settings.maxDelay());
    }

    private IdentityVerification ask(IntakeDossier d, Instant acceptedAt) {
        IntakeDossier.Applicant a = d.applicant();
        if (a.personalId() == null || a.personalId().isBlank()) {
            return verdict(Outcome.NOT_APPLICABLE, List.of(), false, null, null);
        }
        CitizenIdentityRequest request = new CitizenIdentityRequest(a.personalId(), a.fullName(), a.birthDate(),
                new CitizenIdentityRequest.Purpose(d.procedureCode(), d.dossierCode()), settings.officerId());
        try {
            VerifyResponse r = identity.verify(request, settings.clientId(), MDC.get(HubHeaders.CORRELATION_ID_MDC));
            if (!r.found()) {
                return verdict(Outcome.NOT_FOUND, List.of(), false, r.exchangeId(), null);
            }
            if (r.match()) {
                return verdict(Outcome.VERIFIED, List.of(), false, r.exchangeId(), null);
            }
            List<String> fields = r.differences().stream().map(VerifyResponse.Difference::field).toList();
            boolean diacriticsOnly = r.differences().stream()
                    .allMatch(x -> x.kind() == VerifyResponse.Kind.DIACRITICS_ONLY);
            return verdict(Outcome.MISMATCH, fields, diacriticsOnly, r.exchangeId(), null);
        } catch (ValidationException e) {
            // the dossier was validated at acceptance; only a rule that changed since can get here
            return verdict(Outcome.UNAVAILABLE, List.of(), false, null, e.errorCode().code());
        } catch (HubException e) {
            boolean mayAnswerLater = e.errorCode() == ErrorCode.POPULATION_UNAVAILABLE
                    || e.errorCode() == ErrorCode.POPULATION_MALFORMED_REPLY;
            if (mayAnswerLater && clock.instant().isBefore(deadline(acceptedAt))) {
                throw new VerificationPending(e.errorCode(), "applicant not verified yet: " + e.getMessage());
            }
            return verdict(Outcome.UNAVAILABLE, List.of(), false, null, e.errorCode().code());
        }
    }

    private IdentityVerification verdict(Outcome outcome, List<String> fields, boolean diacriticsOnly,
                                         String identityExchangeId, String reason) {
        return new IdentityVerification(outcome, fields, diacriticsOnly,
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), identityExchangeId, reason);
    }

    private Optional<IdentityVerification> recorded(String exchangeId) {
        return exchangeLog.events(exchangeId).stream()
                .filter(e -> e.step() == ExchangeStep.VERIFIED)
                .reduce((first, second) -> second)
                .map(ExchangeEvent::detail)
                .map(this::read);
    }

    /** The verdict names outcome and fields, never values: it may go into the exchange log as it is. */
    private String write(IdentityVerification v) {
        try {
            return json.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a verdict is plain data", e);
        }
    }

    private IdentityVerification read(String detail) {
        try {
            return json.readValue(detail, IdentityVerification.class);
        } catch (JsonProcessingException e) {
            throw new HubException(ErrorCode.INTERNAL, "the recorded verification cannot be read", e);
        }
    }
}
