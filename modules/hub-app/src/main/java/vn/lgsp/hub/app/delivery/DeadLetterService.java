package vn.lgsp.hub.app.delivery;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.connection.JmsTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.audit.ExchangeLog;
import vn.lgsp.hub.audit.ExchangeRecord;
import vn.lgsp.hub.audit.ExchangeState;
import vn.lgsp.hub.audit.ExchangeStep;
import vn.lgsp.hub.audit.SubjectLedger;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;

/**
 * Operator actions on dead-lettered exchanges of any ordered flow. Each runs the broker moves in one JMS transaction
 * nested in the database transaction, so the broker commits first: if the database then fails, the broker is ahead
 * and the flow's sequence check keeps order (released exchanges are parked again) until the operator repeats the
 * action.
 */
@Service
public class DeadLetterService {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterService.class);

    private final ExchangeLog exchangeLog;
    private final SubjectLedger ledger;
    private final DeliveryQueue queue;
    private final TransactionTemplate dbTx;
    private final TransactionTemplate jmsTx;
    private final DeliveryRoutes deliveries;

    public DeadLetterService(ExchangeLog exchangeLog, SubjectLedger ledger, DeliveryQueue queue,
                             TransactionTemplate dbTx, JmsTransactionManager jmsTransactionManager,
                             DeliveryRoutes deliveries) {
        this.exchangeLog = exchangeLog;
        this.ledger = ledger;
        this.queue = queue;
        this.dbTx = dbTx;
        this.jmsTx = new TransactionTemplate(jmsTransactionManager);
        this.deliveries = deliveries;
    }

    /** Sends a dead-lettered exchange again, as a fresh delivery with a fresh retry budget; its subject stays in order. */
    public ExchangeRecord replay(String exchangeId, String operator) {
        return replay(exchangeId, operator, null);
    }

    /**
     * As {@link #replay(String, String)}, recording the operator's reason (optional for a replay) in the exchange's
     * timeline beside the operator's id.
     */
    public ExchangeRecord replay(String exchangeId, String operator, String reason) {
        return dbTx.execute(s -> {
            ExchangeRecord r = failed(exchangeId);
            DeliveryFlow flow = delivery(r).flow();
            DeliveryQueues queues = flow.spec().queues();
            ledger.lock(r.flow(), r.subjectKey());
            jmsTx.executeWithoutResult(j -> {
                List<DeliveryMessage> taken = queue.takeExchange(queues.deadLetter(), exchangeId, flow.payloadDir());
                try {
                    if (taken.isEmpty()) {
                        throw new HubException(ErrorCode.EXCHANGE_NOT_REPLAYABLE,
                                "The dead-letter queue holds no message for exchange " + exchangeId);
                    }
                    queue.send(queues.events(), taken.get(0).restarted(), 0, null);
                } finally {
                    taken.forEach(DeliveryMessage::discardPayload);
                }
            });
            ledger.unblocked(r.flow(), r.subjectKey());
            exchangeLog.changeState(exchangeId, ExchangeState.ACCEPTED, ExchangeStep.REPLAYED, null,
                    "replayed by operator " + operator + (reason == null || reason.isBlank() ? "" : ": " + reason));
            log.info("Operator {} replayed exchange {}", operator, exchangeId);
            return exchangeLog.find(exchangeId).orElseThrow();
        });
    }

    /** Gives up on a dead-lettered exchange for good; the subject's later exchanges are delivered. */
    public ExchangeRecord discard(String exchangeId, String operator, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new HubException(ErrorCode.MISSING_FIELD, "A reason is required to discard an exchange");
        }
        return dbTx.execute(s -> {
            ExchangeRecord r = failed(exchangeId);
            OrderedDelivery delivery = delivery(r);
            ledger.lock(r.flow(), r.subjectKey());
            jmsTx.executeWithoutResult(j -> {
                queue.takeExchange(delivery.flow().spec().queues().deadLetter(), exchangeId,
                        delivery.flow().payloadDir()).forEach(DeliveryMessage::discardPayload);
                delivery.release(r.subjectKey());
            });
            ledger.done(r.flow(), r.subjectKey(), r.sequence());
            exchangeLog.changeState(exchangeId, ExchangeState.DISCARDED, ExchangeStep.DISCARDED, null,
                    "discarded by operator " + operator + ": " + reason);
            log.info("Operator {} discarded exchange {}", operator, exchangeId);
            return exchangeLog.find(exchangeId).orElseThrow();
        });
    }

    private OrderedDelivery delivery(ExchangeRecord r) {
        return deliveries.of(r.flow()).orElseThrow(() -> new HubException(ErrorCode.EXCHANGE_NOT_REPLAYABLE,
                "Exchange " + r.id() + " belongs to flow " + r.flow() + ", which has no dead letters"));
    }

    private ExchangeRecord failed(String exchangeId) {
        ExchangeRecord r = exchangeLog.find(exchangeId)
                .orElseThrow(() -> new HubException(ErrorCode.EXCHANGE_NOT_FOUND, "No exchange " + exchangeId));
        if (r.state() == ExchangeState.HELD && r.subjectKey() != null) {
            // the operator picked a later event of a blocked subject: name the one to act on instead
            String blocker = ledger.find(r.flow(), r.subjectKey()).map(SubjectLedger.Entry::blockedBy).orElse(null);
            if (blocker != null && !blocker.equals(exchangeId)) {
                throw new HubException(ErrorCode.EXCHANGE_NOT_REPLAYABLE, "Exchange " + exchangeId
                        + " is HELD behind dead-lettered exchange " + blocker + " of the same subject; replay or"
                        + " discard " + blocker + " and this one follows in order");
            }
        }
        if (r.state() != ExchangeState.FAILED) {
            throw new HubException(ErrorCode.EXCHANGE_NOT_REPLAYABLE,
                    "Exchange " + exchangeId + " is " + r.state() + ", not FAILED");
        }
        return r;
    }
}
