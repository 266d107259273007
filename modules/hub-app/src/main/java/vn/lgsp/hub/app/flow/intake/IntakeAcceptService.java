package vn.lgsp.hub.app.flow.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.lgsp.hub.app.ops.metrics.HubMetrics;
import vn.lgsp.hub.app.broker.Queues;
import vn.lgsp.hub.app.delivery.DurableAcceptance;
import vn.lgsp.hub.app.delivery.RefusedItems;
import vn.lgsp.hub.audit.ExchangeRecord;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;
import vn.lgsp.hub.core.error.ValidationException;
import vn.lgsp.hub.core.ids.Masking;
import vn.lgsp.hub.core.model.IntakeDossier;
import vn.lgsp.hub.core.model.IntakeDossierValidator;

/**
 * Accepts a dossier submitted on the portal, pushed or polled, into the intake flow. The dossier code is the subject:
 * versions of one dossier (the portal re-sends it when it changes) are delivered in the order accepted, and the same
 * version twice is one exchange.
 */
@Service
public class IntakeAcceptService {

    public static final String FLOW = "online-intake";
    /** The one operation of the flow, as the exchange log names it. */
    public static final String OPERATION = "DELIVER_TO_ONESTOP";

    private static final Logger log = LoggerFactory.getLogger(IntakeAcceptService.class);

    private final IntakeDossierValidator validator;
    private final DurableAcceptance acceptance;
    private final RefusedItems refusals;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    public IntakeAcceptService(Clock clock, DurableAcceptance acceptance, RefusedItems refusals, ObjectMapper json,
                               MeterRegistry meters) {
        this.validator = new IntakeDossierValidator(clock);
        this.acceptance = acceptance;
        this.refusals = refusals;
        this.json = json;
        this.meters = meters;
    }

    /** @throws ValidationException when the dossier is not acceptable; nothing is recorded or queued then */
    public DurableAcceptance.Acceptance accept(IntakeDossier d, String clientId, String correlationId) {
        validator.validate(d);
        DurableAcceptance.Submission s = new DurableAcceptance.Submission(FLOW, Queues.INTAKE, d.dossierCode(),
                eventKey(d.dossierCode(), d.version().toInstant().toString()), clientId, correlationId,
                Masking.maskPersonalId(d.applicant().personalId()), toJson(d));
        DurableAcceptance.Acceptance a = acceptance.accept(s, previous -> new DurableAcceptance.Plan(OPERATION, null));
        if (!a.duplicate()) {
            meters.counter(HubMetrics.ACCEPTED, HubMetrics.FLOW, FLOW, HubMetrics.CLIENT, clientId).increment();
            log.info("Accepted exchange {} for intake dossier {} version {} seq {}", a.exchange().id(),
                    d.dossierCode(), d.version(), a.exchange().sequence());
        }
        return a;
    }

    /**
     * Records a polled dossier the hub cannot accept (invalid, or unreadable), once per dossier version.
     *
     * @param dossierCode as far as it could be read, or {@code null}
     * @param version     the item's position at the portal, which tells its versions apart
     */
    public ExchangeRecord refused(String dossierCode, String version, String clientId, String correlationId,
                                  ErrorCode code, String reason) {
        String key = eventKey(dossierCode == null ? "?" : dossierCode, version == null ? UUID.randomUUID().toString()
                : version);
        return refusals.record(new RefusedItems.Refusal(FLOW, OPERATION, dossierCode, key, clientId, correlationId,
                code, reason));
    }

    private static String eventKey(String dossierCode, String version) {
        return DurableAcceptance.eventKey(dossierCode, version);
    }

    private String toJson(IntakeDossier d) {
        try {
            return json.writeValueAsString(d);
        } catch (JsonProcessingException e) {
            throw new HubException(ErrorCode.INTERNAL, "The dossier could not be serialised", e);
        }
    }
}
