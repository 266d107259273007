package vn.lgsp.hub.app.flow.dossier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.lgsp.hub.app.ops.metrics.HubMetrics;
import vn.lgsp.hub.app.broker.Queues;
import vn.lgsp.hub.app.delivery.DurableAcceptance;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;
import vn.lgsp.hub.core.ids.Masking;
import vn.lgsp.hub.core.lifecycle.DossierLifecycle;
import vn.lgsp.hub.core.lifecycle.DossierStatus;
import vn.lgsp.hub.core.model.DossierEvent;
import vn.lgsp.hub.core.model.DossierEventValidator;

/**
 * Accepts a dossier event: validates it, then {@link DurableAcceptance} records and queues it, with the lifecycle
 * checked against the dossier's last accepted status under the dossier's lock.
 */
@Service
public class DossierAcceptService {

    public static final String FLOW = "dossier-sync";

    private static final Logger log = LoggerFactory.getLogger(DossierAcceptService.class);

    private final DossierEventValidator validator;
    private final DossierLifecycle lifecycle;
    private final DurableAcceptance acceptance;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    public DossierAcceptService(Clock clock, DossierLifecycle lifecycle, DurableAcceptance acceptance,
                                ObjectMapper json, MeterRegistry meters) {
        this.validator = new DossierEventValidator(clock);
        this.lifecycle = lifecycle;
        this.acceptance = acceptance;
        this.json = json;
        this.meters = meters;
    }

    public DurableAcceptance.Acceptance accept(DossierEvent event, String clientId, String correlationId) {
        DossierStatus status = validator.validate(event);
        String personalId = event.applicant() == null ? null : event.applicant().personalId();
        DurableAcceptance.Submission s = new DurableAcceptance.Submission(FLOW, Queues.DOSSIER, event.dossierCode(),
                eventKey(event), clientId, correlationId, Masking.maskPersonalId(personalId), toJson(event));
        DurableAcceptance.Acceptance a = acceptance.accept(s, previous -> {
            DossierStatus last = previous.map(p -> DossierStatus.fromCode(p.lastStatus()).orElseThrow()).orElse(null);
            lifecycle.check(last, status);
            DossierOperation op = last == status ? DossierOperation.PROGRESS_UPDATE : DossierOperation.DOSSIER_SYNC;
            return new DurableAcceptance.Plan(op.name(), status.code());
        });
        if (!a.duplicate()) {
            meters.counter(HubMetrics.ACCEPTED, HubMetrics.FLOW, FLOW, HubMetrics.CLIENT, clientId).increment();
            log.info("Accepted exchange {} for dossier {} status {} seq {}", a.exchange().id(), event.dossierCode(),
                    status.code(), a.exchange().sequence());
        }
        return a;
    }

    /** Same dossier, status and moment: the same event. The instant, not its written form, so offsets don't matter. */
    static String eventKey(DossierEvent e) {
        return DurableAcceptance.eventKey(e.dossierCode(), String.valueOf(e.status()),
                e.occurredAt().toInstant().toString());
    }

    private String toJson(DossierEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new HubException(ErrorCode.INTERNAL, "The event could not be serialised", e);
        }
    }
}
