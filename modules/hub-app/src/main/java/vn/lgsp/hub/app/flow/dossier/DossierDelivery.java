package vn.lgsp.hub.app.flow.dossier;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.app.broker.Queues;
import vn.lgsp.hub.audit.ExchangeLog;
import vn.lgsp.hub.audit.ExchangeRecord;
import vn.lgsp.hub.audit.ExchangeState;
import vn.lgsp.hub.audit.ExchangeStep;
import vn.lgsp.hub.audit.SubjectLedger;
import vn.lgsp.hub.connector.portal.PortalRoutes;
import vn.lgsp.hub.core.HubHeaders;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;
import vn.lgsp.hub.core.model.DossierEvent;

/**
 * The steps of the delivery route, each run inside the consumer's JMS transaction; database work runs in its own
 * short transaction within it, committed before the message is acknowledged. A crash between the two leaves the
 * database ahead of the broker, and every step is written so that the redelivered message then finds its work done.
 *
 * <p>Order per dossier: each event carries its sequence number; only the next one in sequence is delivered. One that
 * comes early (its predecessor is being retried later or is dead-lettered) is parked, and released when its
 * predecessor is delivered or discarded.
 */
@Component
public class DossierDelivery {

    static final String MESSAGE = "hubDossierMessage";
    static final String DECISION = "hubDecision";
    static final String FIRST_ATTEMPT = "hubFirstAttempt";

    enum Decision { DELIVER, PARK, SKIP }

    private static final Logger log = LoggerFactory.getLogger(DossierDelivery.class);
    private static final String FLOW = DossierAcceptService.FLOW;

    private final ExchangeLog exchangeLog;
    private final SubjectLedger ledger;
    private final DossierQueue queue;
    private final TransactionTemplate tx;
    private final ProducerTemplate producer;
    private final CamelContext camel;
    private final ObjectMapper json;
    private final Clock clock;
    private final DossierFlowProperties.Retry retry;
    private final MeterRegistry meters;

    public DossierDelivery(ExchangeLog exchangeLog, SubjectLedger ledger, DossierQueue queue, TransactionTemplate tx,
                           ProducerTemplate producer, CamelContext camel, ObjectMapper json, Clock clock,
                           DossierFlowProperties props, MeterRegistry meters) {
        this.exchangeLog = exchangeLog;
        this.ledger = ledger;
        this.queue = queue;
        this.tx = tx;
        this.producer = producer;
        this.camel = camel;
        this.json = json;
        this.clock = clock;
        this.retry = props.retry();
        this.meters = meters;
    }

    /** Decides what to do with the message: deliver it now, park it behind an earlier event, or skip a stale copy. */
    public void gate(Exchange ex) {
        DossierMessage m = DossierMessage.fromHeaders(ex.getIn().getHeaders(), ex.getIn().getBody(String.class));
        ex.setProperty(MESSAGE, m);
        ex.setProperty(DECISION, tx.execute(s -> decide(m)));
    }

    private Decision decide(DossierMessage m) {
        // the lock first: it waits for an acceptance still in flight, so a missing record really is missing
        SubjectLedger.Entry entry = ledger.lock(FLOW, m.dossierCode()).orElse(null);
        ExchangeRecord record = exchangeLog.find(m.exchangeId()).orElse(null);
        MDC.put(HubHeaders.EXCHANGE_ID_MDC, m.exchangeId());
        if (record != null && record.correlationId() != null) {
            MDC.put(HubHeaders.CORRELATION_ID_MDC, record.correlationId());
        } else {
            MDC.remove(HubHeaders.CORRELATION_ID_MDC);
        }
        if (record == null || entry == null) {
            log.warn("Message for exchange {} has no record (its acceptance was rolled back); dead-lettered",
                    m.exchangeId());
            queue.send(Queues.DOSSIER_DLQ, m, 0, "hub.orphan_message");
            return Decision.SKIP;
        }
        if (record.state().isFinal()) {
            return Decision.SKIP;
        }
        if (record.state() == ExchangeState.FAILED) {
            // only here if the broker lost the dead-lettering commit after the database had recorded it: put the
            // message where an operator's replay will look for it
            queue.send(Queues.DOSSIER_DLQ, m, 0, record.lastErrorCode());
            return Decision.SKIP;
        }
        if (m.sequence() <= entry.deliveredSequence()) {
            // a redelivery after a crash that followed the database commit: the work is done, but the release of the
            // events parked behind this one may not be
            release(m.dossierCode());
            return Decision.SKIP;
        }
        if (m.sequence() > entry.nextToDeliver()) {
            queue.send(Queues.DOSSIER_PARKED, m, 0, null);
            ledger.parked(FLOW, m.dossierCode());
            if (entry.blockedBy() != null) {
                exchangeLog.changeState(m.exchangeId(), ExchangeState.HELD, ExchangeStep.HELD, null,
                        "waiting for dead-lettered exchange " + entry.blockedBy());
            } else {
                exchangeLog.changeState(m.exchangeId(), record.state(), ExchangeStep.PARKED, null,
                        "waiting for event " + entry.nextToDeliver() + " of the dossier");
            }
            return Decision.PARK;
        }
        exchangeLog.setState(m.exchangeId(), ExchangeState.IN_PROGRESS);
        return Decision.DELIVER;
    }

    /** One attempt at the portal, timed and recorded; a failure is rethrown for the route's error handling. */
    public void attempt(Exchange ex) throws Exception {
        DossierMessage m = ex.getProperty(MESSAGE, DossierMessage.class);
        ex.setProperty(FIRST_ATTEMPT, m.firstAttemptAt() > 0 ? m.firstAttemptAt()
                : ex.getProperty(FIRST_ATTEMPT, clock.millis(), Long.class));
        DossierOperation op = DossierOperation.valueOf(m.operation());
        Exchange call = new DefaultExchange(camel);
        call.getIn().setBody(json.readValue(m.json(), DossierEvent.class));
        call.getIn().setHeader(HubHeaders.EVENT_KEY, m.eventKey());
        call.getIn().setHeader(PortalRoutes.UPDATING, m.updating());
        String uri = op == DossierOperation.DOSSIER_SYNC ? PortalRoutes.SYNC_DOSSIER : PortalRoutes.UPDATE_PROGRESS;
        int attemptNo = exchangeLog.find(m.exchangeId()).map(ExchangeRecord::attempts).orElse(0) + 1;

        long started = System.nanoTime();
        producer.send(uri, call);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Exception failure = call.getException();
        ErrorCode code = failure instanceof HubException h ? h.errorCode() : failure == null ? null : ErrorCode.INTERNAL;
        exchangeLog.attempt(m.exchangeId(), attemptNo, failure == null, took, code == null ? null : code.code(),
                failure == null ? null : failure.getMessage());
        Timer.builder("hub.upstream.calls").tag("connector", "portal").tag("operation", op.name())
                .tag("outcome", code == null ? "ok" : code.code()).register(meters).record(took);
        if (failure != null) {
            throw failure;
        }
    }

    /** The portal confirmed: record it, move the dossier on and release what was parked behind this event. */
    public void delivered(Exchange ex) {
        DossierMessage m = ex.getProperty(MESSAGE, DossierMessage.class);
        Instant accepted = tx.execute(s -> {
            SubjectLedger.Entry entry = ledger.lock(FLOW, m.dossierCode()).orElseThrow();
            exchangeLog.changeState(m.exchangeId(), ExchangeState.DELIVERED, ExchangeStep.DELIVERED, null, null);
            ledger.done(FLOW, m.dossierCode(), m.sequence());
            if (entry.parked() > 0) {
                release(m.dossierCode());
            }
            return exchangeLog.find(m.exchangeId()).map(ExchangeRecord::createdAt).orElse(null);
        });
        meters.counter("hub.exchanges.delivered", "flow", FLOW).increment();
        if (accepted != null) {
            Timer.builder("hub.delivery.latency").tag("flow", FLOW).publishPercentileHistogram()
                    .register(meters).record(Duration.between(accepted, clock.instant()));
        }
        log.info("Delivered exchange {} (dossier {} seq {})", m.exchangeId(), m.dossierCode(), m.sequence());
    }

    /** In-place attempts are used up on a transient failure: schedule another round, or dead-letter. */
    public void retryLaterOrDeadLetter(Exchange ex) {
        DossierMessage m = ex.getProperty(MESSAGE, DossierMessage.class);
        Exception cause = ex.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        ErrorCode code = cause instanceof HubException h ? h.errorCode() : ErrorCode.INTERNAL;
        long first = ex.getProperty(FIRST_ATTEMPT, clock.millis(), Long.class);
        int attempts = exchangeLog.find(m.exchangeId()).map(ExchangeRecord::attempts).orElse(0);
        boolean tooMany = attempts >= retry.maxAttempts();
        boolean tooLong = clock.millis() - first >= retry.maxDuration().toMillis();
        if (tooMany || tooLong) {
            deadLetter(m, code, "gave up after " + attempts + " attempts"
                    + (tooLong ? " and " + retry.maxDuration() : "") + ": " + cause.getMessage());
            return;
        }
        DossierMessage next = m.nextRound(first);
        Duration delay = retry.delayBeforeRound(next.round());
        Instant at = clock.instant().plus(delay).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        tx.execute(s -> {
            queue.send(Queues.DOSSIER_EVENTS, next, at.toEpochMilli(), null);
            exchangeLog.changeState(m.exchangeId(), ExchangeState.RETRYING, ExchangeStep.RETRY_SCHEDULED,
                    code.code(), "next attempt at " + at + ": " + cause.getMessage());
            return null;
        });
        meters.counter("hub.exchanges.retried", "flow", FLOW).increment();
        log.info("Exchange {} failed ({}); round {} scheduled in {}", m.exchangeId(), code.code(), next.round(), delay);
    }

    /** A rejection by the portal, or a failure that no retry can mend: dead-letter at once. */
    public void deadLetter(Exchange ex) {
        DossierMessage m = ex.getProperty(MESSAGE, DossierMessage.class);
        Exception cause = ex.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        ErrorCode code = cause instanceof HubException h ? h.errorCode() : ErrorCode.INTERNAL;
        if (m == null) {
            // the message could not even be read: let the broker's redelivery and dead-letter address deal with it
            throw new HubException(ErrorCode.INTERNAL, "unreadable dossier message", cause);
        }
        if (code == ErrorCode.INTERNAL) {
            log.error("Exchange {} failed unexpectedly; dead-lettered", m.exchangeId(), cause);
        }
        deadLetter(m, code, cause == null ? "failed" : cause.getMessage());
    }

    private void deadLetter(DossierMessage m, ErrorCode code, String reason) {
        tx.execute(s -> {
            queue.send(Queues.DOSSIER_DLQ, m, 0, code.code());
            exchangeLog.changeState(m.exchangeId(), ExchangeState.FAILED, ExchangeStep.FAILED, code.code(), reason);
            ledger.blocked(FLOW, m.dossierCode(), m.exchangeId());
            exchangeLog.changeStateAfter(FLOW, m.dossierCode(), m.sequence(), List.of(ExchangeState.ACCEPTED),
                    ExchangeState.HELD, ExchangeStep.HELD, "waiting for dead-lettered exchange " + m.exchangeId());
            return null;
        });
        meters.counter("hub.exchanges.failed", "flow", FLOW, "code", code.code()).increment();
        log.warn("Exchange {} dead-lettered ({}), dossier {} held", m.exchangeId(), code.code(), m.dossierCode());
    }

    /** Moves the dossier's parked events back to the delivery queue, in sequence order. */
    void release(String dossierCode) {
        for (DossierMessage p : queue.takeDossier(Queues.DOSSIER_PARKED, dossierCode)) {
            queue.send(Queues.DOSSIER_EVENTS, p, 0, null);
            exchangeLog.changeState(p.exchangeId(), ExchangeState.ACCEPTED, ExchangeStep.RELEASED, null, null);
        }
    }
}
