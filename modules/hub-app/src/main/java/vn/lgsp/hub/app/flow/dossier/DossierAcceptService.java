package vn.lgsp.hub.app.flow.dossier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.app.broker.Queues;
import vn.lgsp.hub.audit.ExchangeLog;
import vn.lgsp.hub.audit.ExchangeRecord;
import vn.lgsp.hub.audit.NewExchange;
import vn.lgsp.hub.audit.SubjectLedger;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;
import vn.lgsp.hub.core.ids.Masking;
import vn.lgsp.hub.core.lifecycle.DossierLifecycle;
import vn.lgsp.hub.core.lifecycle.DossierStatus;
import vn.lgsp.hub.core.model.DossierEvent;
import vn.lgsp.hub.core.model.DossierEventValidator;

/**
 * Accepts a dossier event: validates it, then in one database transaction locks the dossier's ledger row (which
 * serialises the dossier's events and numbers them), checks the lifecycle, records the exchange and sends the
 * message to the broker. The send blocks until the broker has stored it; the database commits after it. So when the
 * caller gets 202 both hold the event; if the send fails nothing is recorded. The one gap (the commit fails after the
 * send) leaves a message without a record: the delivery flow takes the dossier's lock before it looks for the record,
 * so it can tell such an orphan from a record not committed yet, and dead-letters it instead of delivering it.
 */
@Service
public class DossierAcceptService {

    public static final String FLOW = "dossier-sync";

    private static final Logger log = LoggerFactory.getLogger(DossierAcceptService.class);

    private final DossierEventValidator validator;
    private final DossierLifecycle lifecycle;
    private final ExchangeLog exchangeLog;
    private final SubjectLedger ledger;
    private final DossierQueue queue;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    public DossierAcceptService(Clock clock, DossierLifecycle lifecycle, ExchangeLog exchangeLog, SubjectLedger ledger,
                                DossierQueue queue, TransactionTemplate tx, ObjectMapper json, MeterRegistry meters) {
        this.validator = new DossierEventValidator(clock);
        this.lifecycle = lifecycle;
        this.exchangeLog = exchangeLog;
        this.ledger = ledger;
        this.queue = queue;
        this.tx = tx;
        this.json = json;
        this.meters = meters;
    }

    /** @param duplicate true when the same event was accepted before; nothing new was queued */
    public record Acceptance(ExchangeRecord exchange, boolean duplicate) {
    }

    public Acceptance accept(DossierEvent event, String clientId, String correlationId) {
        DossierStatus status = validator.validate(event);
        String eventKey = eventKey(event);
        String body = toJson(event);
        Acceptance a = tx.execute(s -> acceptInTransaction(event, status, eventKey, body, clientId, correlationId));
        if (!a.duplicate()) {
            meters.counter("hub.exchanges.accepted", "flow", FLOW, "client", clientId).increment();
            log.info("Accepted exchange {} for dossier {} status {} seq {}", a.exchange().id(), event.dossierCode(),
                    status.code(), a.exchange().sequence());
        }
        return a;
    }

    private Acceptance acceptInTransaction(DossierEvent event, DossierStatus status, String eventKey, String body,
                                           String clientId, String correlationId) {
        Optional<SubjectLedger.Entry> previous = ledger.lock(FLOW, event.dossierCode());
        // checked under the lock: two copies of one event sent at once are serialised here
        Optional<ExchangeRecord> existing = exchangeLog.findByEventKey(FLOW, eventKey);
        if (existing.isPresent()) {
            return new Acceptance(existing.get(), true);
        }
        DossierStatus last = previous.map(p -> DossierStatus.fromCode(p.lastStatus()).orElseThrow()).orElse(null);
        lifecycle.check(last, status);
        DossierOperation op = last == status ? DossierOperation.PROGRESS_UPDATE : DossierOperation.DOSSIER_SYNC;
        long sequence = previous.map(SubjectLedger.Entry::lastSequence).orElse(0L) + 1;
        String personalId = event.applicant() == null ? null : event.applicant().personalId();
        ExchangeRecord record = exchangeLog.create(new NewExchange(FLOW, op.name(), clientId, correlationId, eventKey,
                event.dossierCode(), sequence, Masking.maskPersonalId(personalId), null, null));
        ledger.accepted(FLOW, event.dossierCode(), status.code(), sequence);
        DossierMessage m = new DossierMessage(record.id(), event.dossierCode(), sequence, op.name(), eventKey,
                previous.isPresent(), 0, 0, body);
        queue.sendNow(Queues.DOSSIER_EVENTS, m, record.id());
        return new Acceptance(record, false);
    }

    /** Same dossier, status and moment: the same event. The instant, not its written form, so offsets don't matter. */
    static String eventKey(DossierEvent e) {
        String key = e.dossierCode() + "|" + e.status() + "|" + e.occurredAt().toInstant();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }

    private String toJson(DossierEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new HubException(ErrorCode.INTERNAL, "The event could not be serialised", e);
        }
    }
}
