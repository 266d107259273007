package vn.lgsp.hub.app.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.audit.ExchangeLog;
import vn.lgsp.hub.audit.ExchangeRecord;
import vn.lgsp.hub.audit.NewExchange;
import vn.lgsp.hub.audit.SubjectLedger;

/**
 * Accepts an exchange into an ordered flow. In one database transaction it locks the subject's ledger row (which
 * serialises the subject's exchanges and numbers them), recognises a copy of an exchange accepted before, lets the
 * flow check the new one against the subject's history, records it and sends it to the broker. The send blocks until
 * the broker has stored it; the database commits after it. So when the caller is told "accepted" both hold it; if the
 * send fails nothing is recorded. The one gap (the commit fails after the send) leaves a message without a record:
 * the delivery takes the subject's lock before it looks for the record, so it can tell such an orphan from a record
 * not committed yet, and dead-letters it instead of delivering it.
 */
@Component
public class DurableAcceptance {

    private final ExchangeLog exchangeLog;
    private final SubjectLedger ledger;
    private final DeliveryQueue queue;
    private final TransactionTemplate tx;

    public DurableAcceptance(ExchangeLog exchangeLog, SubjectLedger ledger, DeliveryQueue queue,
                             TransactionTemplate tx) {
        this.exchangeLog = exchangeLog;
        this.ledger = ledger;
        this.queue = queue;
        this.tx = tx;
    }

    /**
     * What to accept.
     *
     * @param eventKey      what makes two submissions the same exchange; see {@link #eventKey}
     * @param maskedSubject the personal ID or other identifier the exchange concerns, already masked
     * @param json          the canonical body delivered, or (with a payload) the routing facts
     * @param payload       where to read a large payload from (streamed into the broker), or {@code null}
     */
    public record Submission(String flow, DeliveryQueues queues, String subjectKey, String eventKey, String clientId,
                             String correlationId, String maskedSubject, String json, PayloadSource payload) {

        public Submission(String flow, DeliveryQueues queues, String subjectKey, String eventKey, String clientId,
                          String correlationId, String maskedSubject, String json) {
            this(flow, queues, subjectKey, eventKey, clientId, correlationId, maskedSubject, json, null);
        }
    }

    /** Opens a large payload for reading; called once per send. */
    public interface PayloadSource {
        InputStream open() throws IOException;
    }

    /** How the flow places a new exchange after the subject's earlier ones; throws to refuse it. */
    public interface Planner {
        Plan plan(Optional<SubjectLedger.Entry> previous);
    }

    /** @param status the subject's status after this exchange, if the flow keeps one */
    public record Plan(String operation, Integer status) {
    }

    /** @param duplicate true when the same exchange was accepted before; nothing new was queued */
    public record Acceptance(ExchangeRecord exchange, boolean duplicate) {
    }

    /** Runs in the caller's transaction if there is one (a poll accepting a page), else in its own. */
    public Acceptance accept(Submission s, Planner planner) {
        return tx.execute(t -> {
            Optional<SubjectLedger.Entry> previous = ledger.lock(s.flow(), s.subjectKey());
            // checked under the lock: two copies of one exchange sent at once are serialised here
            Optional<ExchangeRecord> existing = exchangeLog.findByEventKey(s.flow(), s.eventKey());
            if (existing.isPresent()) {
                return new Acceptance(existing.get(), true);
            }
            Plan plan = planner.plan(previous);
            long sequence = previous.map(SubjectLedger.Entry::lastSequence).orElse(0L) + 1;
            ExchangeRecord record = exchangeLog.create(new NewExchange(s.flow(), plan.operation(), s.clientId(),
                    s.correlationId(), s.eventKey(), s.subjectKey(), sequence, s.maskedSubject(), null, null));
            ledger.accepted(s.flow(), s.subjectKey(), plan.status(), sequence);
            DeliveryMessage m = new DeliveryMessage(record.id(), s.subjectKey(), sequence, plan.operation(),
                    s.eventKey(), previous.isPresent(), 0, 0, s.json());
            if (s.payload() == null) {
                queue.sendNow(s.queues().events(), m, record.id());
            } else {
                queue.sendNow(s.queues().events(), m, record.id(), open(s.payload()));
            }
            return new Acceptance(record, false);
        });
    }

    private static InputStream open(PayloadSource source) {
        try {
            return source.open();
        } catch (IOException e) {
            throw new UncheckedIOException("the payload to queue cannot be read", e);
        }
    }

    /** SHA-256 of the parts that identify an exchange, as hex: a fixed-length key whatever the parts' lengths. */
    public static String eventKey(String... parts) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.join("|", parts).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }
}
