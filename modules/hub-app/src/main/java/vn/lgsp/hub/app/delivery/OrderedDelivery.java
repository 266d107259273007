package vn.lgsp.hub.app.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.component.jms.JmsMessage;
import org.apache.camel.support.SynchronizationAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.app.ops.metrics.HubMetrics;
import vn.lgsp.hub.audit.ExchangeLog;
import vn.lgsp.hub.audit.ExchangeRecord;
import vn.lgsp.hub.audit.ExchangeState;
import vn.lgsp.hub.audit.ExchangeStep;
import vn.lgsp.hub.audit.SubjectLedger;
import vn.lgsp.hub.core.HubHeaders;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;

/**
 * The steps of a flow's delivery route, each run inside the consumer's JMS transaction; database work runs in its own
 * short transaction within it, committed before the message is acknowledged. A crash between the two leaves the
 * database ahead of the broker, and every step is written so that the redelivered message then finds its work done.
 *
 * <p>Order per subject (a dossier): each exchange carries its sequence number; only the next one in sequence is
 * delivered. One that comes early (its predecessor is being retried later or is dead-lettered) is parked, and
 * released when its predecessor is delivered or discarded. One instance per {@link DeliveryFlow}.
 *
 * <p>A delivery takes two short database transactions, the gate and the outcome: a successful attempt is recorded in
 * the same transaction as the move to DELIVERED. Each transaction borrows a connection from the pool that acceptance
 * shares; under an acceptance overload every borrow waits behind the request threads, and one that times out rolls the
 * message back into the broker's redelivery delay. Benchmark 2 (docs/BENCHMARKS.md) showed delivery stalling that way
 * with five borrows per delivery.
 */
public class OrderedDelivery {

    static final String MESSAGE = "hubDeliveryMessage";
    static final String DECISION = "hubDecision";
    static final String FIRST_ATTEMPT = "hubFirstAttempt";
    /** Attempts recorded for the exchange so far: read by the gate, counted up by each attempt. */
    static final String ATTEMPTS = "hubAttempts";
    /** A successful attempt not recorded yet: {@link #delivered} records it with the outcome. */
    static final String SUCCESS = "hubSuccessfulAttempt";

    /** A successful attempt, to record with the move to DELIVERED. */
    private record Success(int attempt, Duration took) {
    }

    enum Decision { DELIVER, PARK, SKIP }

    private static final Logger log = LoggerFactory.getLogger(OrderedDelivery.class);

    private final DeliveryFlow flow;
    private final String name;
    private final DeliveryQueues queues;
    private final ExchangeLog exchangeLog;
    private final SubjectLedger ledger;
    private final DeliveryQueue queue;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MeterRegistry meters;

    OrderedDelivery(DeliveryFlow flow, ExchangeLog exchangeLog, SubjectLedger ledger, DeliveryQueue queue,
                    TransactionTemplate tx, Clock clock, MeterRegistry meters) {
        this.flow = flow;
        this.name = flow.spec().name();
        this.queues = flow.spec().queues();
        this.exchangeLog = exchangeLog;
        this.ledger = ledger;
        this.queue = queue;
        this.tx = tx;
        this.clock = clock;
        this.meters = meters;
    }

    public DeliveryFlow flow() {
        return flow;
    }

    /**
     * Decides what to do with the message: deliver it now, park it behind an earlier one, or skip a stale copy. A
     * payload is saved to a temporary file first, deleted when the exchange completes whatever the outcome (every
     * re-send has streamed it into the broker by then; a rollback leaves the message in the broker, which offers it
     * again).
     */
    public void gate(Exchange ex) throws jakarta.jms.JMSException {
        Path spoolDir = flow.payloadDir();
        DeliveryMessage m = spoolDir == null
                ? DeliveryMessage.fromHeaders(ex.getIn().getHeaders(), ex.getIn().getBody())
                : DeliveryMessage.fromJms(ex.getIn(JmsMessage.class).getJmsMessage(), spoolDir);
        if (m.payload() != null) {
            ex.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    m.discardPayload();
                }
            });
        }
        ex.setProperty(MESSAGE, m);
        ex.setProperty(DECISION, tx.execute(s -> decide(m, ex)));
    }

    private Decision decide(DeliveryMessage m, Exchange ex) {
        // the lock first: it waits for an acceptance still in flight, so a missing record really is missing
        SubjectLedger.Entry entry = ledger.lock(name, m.subjectKey()).orElse(null);
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
            queue.send(queues.deadLetter(), m, 0, "hub.orphan_message");
            return Decision.SKIP;
        }
        if (record.state().isFinal()) {
            return Decision.SKIP;
        }
        if (record.state() == ExchangeState.FAILED) {
            // only here if the broker lost the dead-lettering commit after the database had recorded it: put the
            // message where an operator's replay will look for it
            queue.send(queues.deadLetter(), m, 0, record.lastErrorCode());
            return Decision.SKIP;
        }
        if (m.sequence() <= entry.deliveredSequence()) {
            // a redelivery after a crash that followed the database commit: the work is done, but the release of the
            // exchanges parked behind this one may not be
            release(m.subjectKey());
            return Decision.SKIP;
        }
        if (m.sequence() > entry.nextToDeliver()) {
            queue.send(queues.parked(), m, 0, null);
            ledger.parked(name, m.subjectKey());
            if (entry.blockedBy() != null) {
                exchangeLog.changeState(m.exchangeId(), ExchangeState.HELD, ExchangeStep.HELD, null,
                        "waiting for dead-lettered exchange " + entry.blockedBy());
            } else {
                exchangeLog.changeState(m.exchangeId(), record.state(), ExchangeStep.PARKED, null,
                        "waiting for exchange " + entry.nextToDeliver() + " of the same subject");
            }
            return Decision.PARK;
        }
        exchangeLog.setState(m.exchangeId(), ExchangeState.IN_PROGRESS);
        ex.setProperty(ATTEMPTS, record.attempts());
        return Decision.DELIVER;
    }

    /**
     * One attempt, timed. A failure is recorded at once and rethrown for the route's error handling; a success is
     * recorded by {@link #delivered}, in its transaction.
     */
    public void attempt(Exchange ex) throws Exception {
        DeliveryMessage m = ex.getProperty(MESSAGE, DeliveryMessage.class);
        ex.setProperty(FIRST_ATTEMPT, m.firstAttemptAt() > 0 ? m.firstAttemptAt()
                : ex.getProperty(FIRST_ATTEMPT, clock.millis(), Long.class));
        // in-place retries run this step again without the gate: the count goes on from the gate's reading
        int attemptNo = ex.getProperty(ATTEMPTS, 0, Integer.class) + 1;
        ex.setProperty(ATTEMPTS, attemptNo);

        long started = System.nanoTime();
        Exception failure = null;
        try {
            flow.attempt(m);
        } catch (Exception e) {
            failure = e;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        ErrorCode code = failure instanceof HubException h ? h.errorCode() : failure == null ? null : ErrorCode.INTERNAL;
        if (failure == null) {
            ex.setProperty(SUCCESS, new Success(attemptNo, took));
        } else {
            Exception failed = failure;
            tx.execute(s -> {
                exchangeLog.attempt(m.exchangeId(), attemptNo, false, took, code.code(), failed.getMessage());
                return null;
            });
        }
        String codeTag = code == null ? null : code.code();
        Timer.builder(HubMetrics.UPSTREAM_CALLS).tag(HubMetrics.FLOW, name)
                .tag(HubMetrics.CONNECTOR, flow.spec().connector()).tag(HubMetrics.OPERATION, m.operation())
                .tag(HubMetrics.OUTCOME, HubMetrics.outcome(codeTag)).tag(HubMetrics.CODE, HubMetrics.code(codeTag))
                .publishPercentileHistogram().maximumExpectedValue(Duration.ofMinutes(2))
                .register(meters).record(took);
        if (failure != null) {
            throw failure;
        }
    }

    /** The upstream system confirmed: record it, move the subject on and release what was parked behind it. */
    public void delivered(Exchange ex) {
        DeliveryMessage m = ex.getProperty(MESSAGE, DeliveryMessage.class);
        Success success = ex.getProperty(SUCCESS, Success.class);
        Instant accepted = tx.execute(s -> {
            SubjectLedger.Entry entry = ledger.lock(name, m.subjectKey()).orElseThrow();
            if (success != null) {
                exchangeLog.settle(m.exchangeId(), success.attempt(), true, success.took(), ExchangeState.DELIVERED,
                        ExchangeStep.DELIVERED, null, null);
            } else {
                exchangeLog.changeState(m.exchangeId(), ExchangeState.DELIVERED, ExchangeStep.DELIVERED, null, null);
            }
            ledger.done(name, m.subjectKey(), m.sequence());
            if (entry.parked() > 0) {
                release(m.subjectKey());
            }
            return exchangeLog.find(m.exchangeId()).map(ExchangeRecord::createdAt).orElse(null);
        });
        meters.counter(HubMetrics.DELIVERED, HubMetrics.FLOW, name).increment();
        if (accepted != null) {
            // retries stretch a delivery over minutes or hours: the buckets reach that far
            Timer.builder(HubMetrics.DELIVERY_LATENCY).tag(HubMetrics.FLOW, name).publishPercentileHistogram()
                    .maximumExpectedValue(Duration.ofHours(6)).register(meters).record(Duration.between(accepted, clock.instant()));
        }
        log.info("Delivered exchange {} ({} {} seq {})", m.exchangeId(), name, m.subjectKey(), m.sequence());
    }

    /** In-place attempts are used up on a transient failure: schedule another round, or dead-letter. */
    public void retryLaterOrDeadLetter(Exchange ex) {
        DeliveryMessage m = ex.getProperty(MESSAGE, DeliveryMessage.class);
        Exception cause = ex.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        ErrorCode code = cause instanceof HubException h ? h.errorCode() : ErrorCode.INTERNAL;
        long first = ex.getProperty(FIRST_ATTEMPT, clock.millis(), Long.class);
        int attempts = exchangeLog.find(m.exchangeId()).map(ExchangeRecord::attempts).orElse(0);
        RetryPolicy retry = flow.spec().retry();
        boolean counts = flow.countsTowardsLimits(m, cause);
        boolean tooMany = counts && attempts >= retry.maxAttempts();
        boolean tooLong = counts && clock.millis() - first >= retry.maxDuration().toMillis();
        if (tooMany || tooLong) {
            deadLetter(m, code, "gave up after " + attempts + " attempts"
                    + (tooLong ? " and " + retry.maxDuration() : "") + ": " + cause.getMessage());
            return;
        }
        DeliveryMessage next = m.nextRound(first);
        Duration delay = flow.nextDelay(m, retry.delayBeforeRound(next.round()));
        Instant at = clock.instant().plus(delay).truncatedTo(ChronoUnit.MILLIS);
        tx.execute(s -> {
            queue.send(queues.events(), next, at.toEpochMilli(), null);
            exchangeLog.changeState(m.exchangeId(), ExchangeState.RETRYING, ExchangeStep.RETRY_SCHEDULED,
                    code.code(), "next attempt at " + at + ": " + cause.getMessage());
            return null;
        });
        meters.counter(HubMetrics.RETRIED, HubMetrics.FLOW, name, HubMetrics.CODE, code.code()).increment();
        log.info("Exchange {} failed ({}); round {} scheduled in {}", m.exchangeId(), code.code(), next.round(), delay);
    }

    /** A rejection upstream, or a failure that no retry can mend: dead-letter at once. */
    public void deadLetter(Exchange ex) {
        DeliveryMessage m = ex.getProperty(MESSAGE, DeliveryMessage.class);
        Exception cause = ex.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        ErrorCode code = cause instanceof HubException h ? h.errorCode() : ErrorCode.INTERNAL;
        if (m == null) {
            // the message could not even be read: let the broker's redelivery and dead-letter address deal with it
            throw new HubException(ErrorCode.INTERNAL, "unreadable " + name + " message", cause);
        }
        if (code == ErrorCode.INTERNAL) {
            log.error("Exchange {} failed unexpectedly; dead-lettered", m.exchangeId(), cause);
        }
        deadLetter(m, code, cause == null ? "failed" : cause.getMessage());
    }

    private void deadLetter(DeliveryMessage m, ErrorCode code, String reason) {
        tx.execute(s -> {
            queue.send(queues.deadLetter(), m, 0, code.code());
            exchangeLog.changeState(m.exchangeId(), ExchangeState.FAILED, ExchangeStep.FAILED, code.code(), reason);
            ledger.blocked(name, m.subjectKey(), m.exchangeId());
            exchangeLog.changeStateAfter(name, m.subjectKey(), m.sequence(), List.of(ExchangeState.ACCEPTED),
                    ExchangeState.HELD, ExchangeStep.HELD, "waiting for dead-lettered exchange " + m.exchangeId());
            return null;
        });
        meters.counter(HubMetrics.FAILED, HubMetrics.FLOW, name, HubMetrics.CODE, code.code()).increment();
        log.warn("Exchange {} dead-lettered ({}), {} {} held", m.exchangeId(), code.code(), name, m.subjectKey());
    }

    /** Moves the subject's parked exchanges back to the delivery queue, in sequence order. */
    void release(String subjectKey) {
        List<DeliveryMessage> parked = queue.takeSubject(queues.parked(), subjectKey, flow.payloadDir());
        try {
            for (DeliveryMessage p : parked) {
                queue.send(queues.events(), p, 0, null);
                exchangeLog.changeState(p.exchangeId(), ExchangeState.ACCEPTED, ExchangeStep.RELEASED, null, null);
            }
        } finally {
            parked.forEach(DeliveryMessage::discardPayload);
        }
    }
}
