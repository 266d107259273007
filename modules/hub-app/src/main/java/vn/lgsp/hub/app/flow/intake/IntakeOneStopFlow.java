package vn.lgsp.hub.app.flow.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.app.broker.Queues;
import vn.lgsp.hub.app.delivery.ConnectorCall;
import vn.lgsp.hub.app.delivery.DeliveryFlow;
import vn.lgsp.hub.app.delivery.DeliveryMessage;
import vn.lgsp.hub.audit.ExchangeLog;
import vn.lgsp.hub.audit.ExchangeRecord;
import vn.lgsp.hub.connector.onestop.OneStopDelivery;
import vn.lgsp.hub.connector.onestop.OneStopRoutes;
import vn.lgsp.hub.core.HubHeaders;
import vn.lgsp.hub.core.model.IdentityVerification;
import vn.lgsp.hub.core.model.IntakeDossier;

/**
 * Flow 2's delivery: verify the applicant (once), then hand the dossier with the verdict to the one-stop-shop. Both
 * steps are one attempt for the delivery engine, so a failure of either is retried, re-scheduled or dead-lettered
 * like any other.
 */
@Component
public class IntakeOneStopFlow implements DeliveryFlow {

    private final Spec spec;
    private final ApplicantVerifier verifier;
    private final ExchangeLog exchangeLog;
    private final ConnectorCall connector;
    private final ObjectMapper json;
    private final Clock clock;

    public IntakeOneStopFlow(IntakeFlowProperties props, ApplicantVerifier verifier, ExchangeLog exchangeLog,
                             ConnectorCall connector, ObjectMapper json, Clock clock) {
        this.spec = new Spec(IntakeAcceptService.FLOW, "intake-deliver", "onestop", Queues.INTAKE,
                props.consumers(), props.retry());
        this.verifier = verifier;
        this.exchangeLog = exchangeLog;
        this.connector = connector;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Spec spec() {
        return spec;
    }

    @Override
    public void attempt(DeliveryMessage m) throws Exception {
        IntakeDossier dossier = json.readValue(m.json(), IntakeDossier.class);
        IdentityVerification verification = verifier.verify(dossier, m.exchangeId(), acceptedAt(m));
        connector.send(OneStopRoutes.DELIVER_DOSSIER, new OneStopDelivery(dossier, verification),
                Map.of(HubHeaders.EVENT_KEY, m.eventKey()));
    }

    /** A dossier waiting for the population database is looked at again no later than its deadline. */
    @Override
    public Duration nextDelay(DeliveryMessage m, Duration planned) {
        Duration toDeadline = Duration.between(clock.instant(), verifier.deadline(acceptedAt(m)));
        return toDeadline.isNegative() || toDeadline.compareTo(planned) >= 0 ? planned : toDeadline;
    }

    /** Waiting for the population database is bounded by its own deadline, not by the retry policy's limits. */
    @Override
    public boolean countsTowardsLimits(DeliveryMessage m, Exception failure) {
        return !(failure instanceof ApplicantVerifier.VerificationPending);
    }

    private Instant acceptedAt(DeliveryMessage m) {
        return exchangeLog.find(m.exchangeId()).map(ExchangeRecord::createdAt).orElseGet(clock::instant);
    }
}
