package vn.lgsp.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.audit.chain.ChainContent;
import vn.lgsp.hub.audit.chain.ChainSealer;
import vn.lgsp.hub.audit.chain.ChainVerification;
import vn.lgsp.hub.audit.chain.ChainVerifier;
import vn.lgsp.hub.audit.chain.ExchangeRetention;

/**
 * What the hash chain over the exchange log and the retention purge promise, whatever the database. Each subclass
 * supplies an empty database of its own, migrated by the real Flyway scripts. Tampering is done the way an intruder
 * with database access would: plain SQL on the tables.
 */
abstract class AuditChainContract extends DatabaseContract {

    static final Instant T0 = Instant.parse("2025-01-15T08:00:00Z");
    static final String FLOW = "dossier-status";
    static final Duration WAIT = Duration.ofSeconds(60);

    MutableClock clock;
    ExchangeLog log;
    ChainSealer sealer;
    ChainVerifier verifier;

    AuditChainContract(TestDatabase database) {
        super(database);
    }

    @BeforeEach
    void emptyTables() {
        jdbc.update("DELETE FROM exchange_event");
        jdbc.update("DELETE FROM exchange");
        jdbc.update("DELETE FROM audit_chain_gap");
        jdbc.update("UPDATE audit_chain_head SET last_seq = 0, last_hash = ?", ChainContent.GENESIS);
        clock = new MutableClock(T0);
        log = new ExchangeLog(jdbc, clock);
        sealer = new ChainSealer(jdbc, transactions, clock, 3);
        verifier = new ChainVerifier(jdbc, transactions, 4);
    }

    // ------------------------------------------------------------------------------------------------------ sealing

    @Test
    void anEmptyLogVerifies() {
        ChainVerification v = verifier.verify();

        assertThat(v.ok()).isTrue();
        assertThat(v.verified()).isZero();
        assertThat(v.headSeq()).isZero();
        assertThat(v.headHash()).isEqualTo(ChainContent.GENESIS);
        assertThat(v.firstBroken()).isNull();
    }

    @Test
    void eventsAreSealedInIdOrderAndTheChainVerifies() {
        List<String> ids = traffic(4);
        List<Long> eventIds = jdbc.queryForList("SELECT id FROM exchange_event ORDER BY id", Long.class);
        assertThat(eventIds).hasSize(10);

        ChainVerification before = verifier.verify();
        assertThat(before.ok()).as("nothing sealed yet: nothing to check, everything in the window").isTrue();
        assertThat(before.unsealed()).isEqualTo(10);
        assertThat(before.verified()).isZero();

        assertThat(sealer.seal(100)).as("batches of 3 until done").isEqualTo(10);

        assertThat(jdbc.queryForList("SELECT chain_seq FROM exchange_event ORDER BY id", Long.class))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(count("SELECT count(*) FROM exchange_event WHERE content_hash IS NULL OR chain_hash IS NULL"))
                .isZero();
        assertThat(count("SELECT count(DISTINCT chain_hash) FROM exchange_event")).isEqualTo(10);
        ChainVerification after = verifier.verify();
        assertThat(after.ok()).isTrue();
        assertThat(after.verified()).isEqualTo(10);
        assertThat(after.unsealed()).isZero();
        assertThat(after.headSeq()).isEqualTo(10);
        assertThat(after.headHash()).isEqualTo(
                jdbc.queryForObject("SELECT chain_hash FROM exchange_event WHERE chain_seq = 10", String.class));

        // the chain grows from where it ended; sealing again with nothing new changes nothing
        assertThat(sealer.seal(100)).isZero();
        log.changeState(ids.get(0), ExchangeState.DISCARDED, ExchangeStep.DISCARDED, null, "operator: duplicate");
        assertThat(sealer.seal(100)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT chain_seq FROM exchange_event WHERE step = 'DISCARDED'", Long.class))
                .isEqualTo(11L);
        assertThat(verifier.verify()).extracting(ChainVerification::ok, ChainVerification::verified)
                .containsExactly(true, 11L);
    }

    @Test
    void instantsFinerThanTheDatabasesStoreVerify() {
        // the hashes are over what the database gives back (microseconds), never over the writer's own instant
        log = new ExchangeLog(jdbc, new MutableClock(T0.plusNanos(123_456_789)));
        traffic(2);
        sealer.seal(100);

        assertThat(verifier.verify()).extracting(ChainVerification::ok, ChainVerification::verified)
                .containsExactly(true, 5L);
    }

    @Test
    void sealingIsLimitedToTheBatchesAllowed() {
        traffic(4);

        assertThat(sealer.seal(2)).isEqualTo(6);
        assertThat(verifier.verify()).extracting(ChainVerification::ok, ChainVerification::verified,
                ChainVerification::unsealed).containsExactly(true, 6L, 4L);
    }

    // ------------------------------------------------------------------------------------------------ tamper checks

    @Test
    void aChangedEventDetailIsTheFirstBrokenLink() {
        traffic(4);
        sealer.seal(100);
        Event target = eventAt(6);

        jdbc.update("UPDATE exchange_event SET detail = 'nothing happened' WHERE id = ?", target.id());

        assertBrokenAt(6, target, "content_changed", 5);
    }

    @Test
    void aChangedClientOfAnExchangeBreaksItsFirstSealedEvent() {
        List<String> ids = traffic(4);
        sealer.seal(100);
        String exchange = ids.get(2);
        long first = jdbc.queryForObject("SELECT min(chain_seq) FROM exchange_event WHERE exchange_id = ?",
                Long.class, exchange);

        jdbc.update("UPDATE exchange SET client_id = 'someone-else' WHERE id = ?", exchange);

        assertBrokenAt(first, eventAt(first), "content_changed", first - 1);
        assertThat(verifier.verify().firstBroken().exchangeId()).isEqualTo(exchange);
    }

    @Test
    void aChangedCreationTimeOrSubjectIsDetected() {
        List<String> ids = traffic(2);
        sealer.seal(100);
        Timestamp created = jdbc.queryForObject("SELECT created_at FROM exchange WHERE id = ?",
                Timestamp.class, ids.get(1));

        jdbc.update("UPDATE exchange SET created_at = ? WHERE id = ?",
                Timestamp.from(T0.minusSeconds(3600)), ids.get(1));
        assertThat(verifier.verify().firstBroken()).extracting(ChainVerification.Broken::exchangeId,
                ChainVerification.Broken::code).containsExactly(ids.get(1), "content_changed");

        jdbc.update("UPDATE exchange SET created_at = ? WHERE id = ?", created, ids.get(1));
        assertThat(verifier.verify().ok()).as("restored").isTrue();
        jdbc.update("UPDATE exchange SET subject_masked = NULL WHERE id = ?", ids.get(0));
        assertThat(verifier.verify().firstBroken().exchangeId()).isEqualTo(ids.get(0));
    }

    @Test
    void aDeletedEventIsReportedAsMissing() {
        traffic(4);
        sealer.seal(100);
        Event target = eventAt(4);

        jdbc.update("DELETE FROM exchange_event WHERE id = ?", target.id());

        ChainVerification v = verifier.verify();
        assertThat(v.ok()).isFalse();
        assertThat(v.verified()).isEqualTo(3);
        assertThat(v.firstBroken()).extracting(ChainVerification.Broken::chainSeq, ChainVerification.Broken::code)
                .containsExactly(4L, "missing");
    }

    @Test
    void theLastEventDeletedIsReportedAsMissing() {
        traffic(3);
        sealer.seal(100);
        long last = count("SELECT max(chain_seq) FROM exchange_event");

        jdbc.update("DELETE FROM exchange_event WHERE chain_seq = ?", last);

        assertThat(verifier.verify().firstBroken()).extracting(ChainVerification.Broken::chainSeq,
                ChainVerification.Broken::code).containsExactly(last, "missing");
    }

    @Test
    void swappedPositionsAreDetectedAtTheEarlierOne() {
        traffic(4);
        sealer.seal(100);
        Event third = eventAt(3);
        Event seventh = eventAt(7);

        // the rows exchange places, each keeping its own hashes, as a reordering by hand would
        jdbc.update("UPDATE exchange_event SET chain_seq = -1 WHERE id = ?", third.id());
        jdbc.update("UPDATE exchange_event SET chain_seq = 3 WHERE id = ?", seventh.id());
        jdbc.update("UPDATE exchange_event SET chain_seq = 7 WHERE id = ?", third.id());

        assertBrokenAt(3, seventh, "content_changed", 2);
    }

    @Test
    void swappedDetailsAreDetectedAtTheEarlierOne() {
        traffic(4);
        sealer.seal(100);
        Event a = eventAt(2);
        Event b = eventAt(8);
        String da = jdbc.queryForObject("SELECT detail FROM exchange_event WHERE id = ?", String.class, a.id());
        String db = jdbc.queryForObject("SELECT detail FROM exchange_event WHERE id = ?", String.class, b.id());
        assertThat(da).isNotEqualTo(db);

        jdbc.update("UPDATE exchange_event SET detail = ? WHERE id = ?", db, a.id());
        jdbc.update("UPDATE exchange_event SET detail = ? WHERE id = ?", da, b.id());

        assertBrokenAt(2, a, "content_changed", 1);
    }

    @Test
    void aRewrittenChainHashIsABrokenLink() {
        traffic(3);
        sealer.seal(100);
        Event target = eventAt(5);

        jdbc.update("UPDATE exchange_event SET chain_hash = ? WHERE id = ?", "ab".repeat(32), target.id());

        assertBrokenAt(5, target, "link_broken", 4);
    }

    @Test
    void theMutableColumnsOfAnExchangeAreOutsideTheChain() {
        // documented: state, attempts, last error and the update times change by design; the timeline proves them
        List<String> ids = traffic(2);
        sealer.seal(100);

        jdbc.update("UPDATE exchange SET state = 'FAILED', attempts = 9, last_error = 'x' WHERE id = ?", ids.get(0));

        assertThat(verifier.verify().ok()).isTrue();
    }

    // --------------------------------------------------------------------------------------------------- concurrency

    @Test
    void twoSealersOnOneDatabaseBuildOneConsistentChain() throws Exception {
        ChainSealer other = new ChainSealer(jdbc, transactions, clock, 5);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                writers.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 25; i++) {
                        String id = log.create(exchange("w" + writer + "-" + i)).id();
                        log.attempt(id, 1, true, Duration.ofMillis(5), null, null);
                    }
                }, threads));
            }
            List<CompletableFuture<Long>> sealers = new ArrayList<>();
            for (ChainSealer s : List.of(sealer, other)) {
                sealers.add(CompletableFuture.supplyAsync(() -> {
                    long n = 0;
                    while (writing.get()) {
                        n += s.seal(10);
                    }
                    return n;
                }, threads));
            }
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            writing.set(false);
            long sealedConcurrently = 0;
            for (CompletableFuture<Long> s : sealers) {
                sealedConcurrently += s.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            long rest = sealer.seal(1000);

            assertThat(sealedConcurrently + rest).isEqualTo(100);
            assertThat(jdbc.queryForList("SELECT chain_seq FROM exchange_event ORDER BY chain_seq", Long.class))
                    .as("every position once, no holes").hasSize(100)
                    .isEqualTo(LongStream.rangeClosed(1, 100).boxed().toList());
            ChainVerification v = verifier.verify();
            assertThat(v.ok()).isTrue();
            assertThat(v.verified()).isEqualTo(100);
            assertThat(v.headSeq()).isEqualTo(100);
        } finally {
            writing.set(false);
            threads.shutdown();
            assertThat(threads.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void anEventCommittedAfterALaterIdWasSealedGoesAfterIt() throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        try {
            CompletableFuture<String> slow = CompletableFuture.supplyAsync(() ->
                    new TransactionTemplate(transactions).execute(s -> {
                        String id = log.create(exchange("slow")).id();
                        written.countDown();
                        try {
                            assertThat(commit.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return id;
                    }), thread);
            assertThat(written.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            String fast = log.create(exchange("fast")).id();

            assertThat(sealer.seal(10)).as("only the committed event").isEqualTo(1);
            commit.countDown();
            String slowId = slow.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(sealer.seal(10)).isEqualTo(1);

            long slowEvent = jdbc.queryForObject("SELECT id FROM exchange_event WHERE exchange_id = ?", Long.class,
                    slowId);
            long fastEvent = jdbc.queryForObject("SELECT id FROM exchange_event WHERE exchange_id = ?", Long.class,
                    fast);
            assertThat(slowEvent).isLessThan(fastEvent);
            assertThat(eventAt(1).id()).isEqualTo(fastEvent);
            assertThat(eventAt(2).id()).as("sealed later, so later in the chain").isEqualTo(slowEvent);
            assertThat(verifier.verify()).extracting(ChainVerification::ok, ChainVerification::verified)
                    .containsExactly(true, 2L);
        } finally {
            commit.countDown();
            thread.shutdown();
            assertThat(thread.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
    }

    // ----------------------------------------------------------------------------------------------------- retention

    @Test
    void retentionPurgesOnlyOldFinishedExchangesAndTheChainStillVerifies() {
        // old ones, interleaved so that kept events sit between purged ones in the chain
        String oldDelivered = finished("old-1", ExchangeState.DELIVERED);
        String oldFailed = finished("old-2", ExchangeState.FAILED);
        String oldDiscarded = finished("old-3", ExchangeState.DISCARDED);
        String oldHeld = log.create(exchange("old-4")).id();
        log.changeState(oldHeld, ExchangeState.HELD, ExchangeStep.HELD, null, "behind old-2");
        String oldInFlight = log.create(exchange("old-5")).id();
        log.setState(oldInFlight, ExchangeState.IN_PROGRESS);
        String oldDelivered2 = finished("old-6", ExchangeState.DELIVERED);
        sealer.seal(100);
        String oldUnsealed = finished("old-7", ExchangeState.DELIVERED);
        clock.advance(Duration.ofDays(400));
        String recent = finished("new-1", ExchangeState.DELIVERED);
        ExchangeRetention retention = new ExchangeRetention(jdbc, transactions, clock, 2);

        long purged = retention.purge(clock.instant().minus(Duration.ofDays(365)), 100);

        assertThat(purged).as("old-1, old-3, old-6; not old-7, whose events are not sealed yet").isEqualTo(3);
        assertThat(log.find(oldDelivered)).isEmpty();
        assertThat(log.find(oldDiscarded)).isEmpty();
        assertThat(log.find(oldDelivered2)).isEmpty();
        assertThat(log.events(oldDelivered)).isEmpty();
        assertThat(count("SELECT count(*) FROM exchange_event WHERE exchange_id IN ('" + oldDelivered + "', '"
                + oldDiscarded + "', '" + oldDelivered2 + "')")).isZero();
        for (String kept : List.of(oldFailed, oldHeld, oldInFlight, oldUnsealed, recent)) {
            assertThat(log.find(kept)).as(kept).isPresent();
            assertThat(log.events(kept)).as(kept).isNotEmpty();
        }
        assertThat(count("SELECT count(*) FROM audit_chain_gap")).as("old-1 | old-3 | old-6, kept events between")
                .isEqualTo(3);
        ChainVerification v = verifier.verify();
        assertThat(v.ok()).as(String.valueOf(v)).isTrue();
        assertThat(v.unsealed()).isEqualTo(6);

        // once sealed, old-7 goes at the next purge
        sealer.seal(100);
        assertThat(retention.purge(clock.instant().minus(Duration.ofDays(365)), 100)).isEqualTo(1);
        assertThat(log.find(oldUnsealed)).isEmpty();
        assertThat(verifier.verify()).extracting(ChainVerification::ok, ChainVerification::unsealed)
                .containsExactly(true, 0L);
    }

    @Test
    void aPurgedChainVerifiesAndStillShowsTampering() {
        String oldA = finished("old-a", ExchangeState.DELIVERED);
        String oldFailed = finished("old-f", ExchangeState.FAILED);
        String oldB = finished("old-b", ExchangeState.DISCARDED);
        String oldC = finished("old-c", ExchangeState.DELIVERED);
        clock.advance(Duration.ofDays(400));
        String recent = finished("new-1", ExchangeState.DELIVERED);
        sealer.seal(100);
        long total = count("SELECT count(*) FROM exchange_event");
        long ofFailed = count("SELECT count(*) FROM exchange_event WHERE exchange_id = '" + oldFailed + "'");
        long ofRecent = count("SELECT count(*) FROM exchange_event WHERE exchange_id = '" + recent + "'");
        ExchangeRetention retention = new ExchangeRetention(jdbc, transactions, clock, 1);

        assertThat(retention.purge(clock.instant().minus(Duration.ofDays(365)), 100)).isEqualTo(3);

        assertThat(log.find(oldA)).isEmpty();
        assertThat(log.find(oldB)).isEmpty();
        assertThat(log.find(oldC)).isEmpty();
        ChainVerification v = verifier.verify();
        assertThat(v.ok()).as(String.valueOf(v)).isTrue();
        assertThat(v.verified()).isEqualTo(ofFailed + ofRecent);
        assertThat(v.purged()).isEqualTo(total - ofFailed - ofRecent);
        assertThat(count("SELECT count(*) FROM audit_chain_gap")).as("b and c merged").isEqualTo(2);

        // the kept events are still protected, and so are the purge records
        Event kept = eventAt(count("SELECT max(chain_seq) FROM exchange_event WHERE exchange_id = '"
                + oldFailed + "'"));
        jdbc.update("UPDATE exchange_event SET detail = 'edited' WHERE id = ?", kept.id());
        assertThat(verifier.verify().firstBroken()).extracting(ChainVerification.Broken::chainSeq,
                ChainVerification.Broken::code).containsExactly(kept.seq(), "content_changed");
    }

    @Test
    void purgingEverythingOldThenTheRestKeepsTheChainVerifiable() {
        for (int i = 0; i < 5; i++) {
            finished("old-" + i, ExchangeState.DELIVERED);
        }
        clock.advance(Duration.ofDays(400));
        finished("new-1", ExchangeState.DELIVERED);
        sealer.seal(100);
        ExchangeRetention retention = new ExchangeRetention(jdbc, transactions, clock, 2);

        assertThat(retention.purge(clock.instant().minus(Duration.ofDays(365)), 100)).isEqualTo(5);
        assertThat(verifier.verify().ok()).isTrue();
        assertThat(count("SELECT count(*) FROM audit_chain_gap")).as("one run from position 1").isEqualTo(1);

        // and then the rest: the chain is empty but for its purge record, which ends in the head
        clock.advance(Duration.ofDays(400));
        assertThat(retention.purge(clock.instant().minus(Duration.ofDays(365)), 100)).isEqualTo(1);
        ChainVerification v = verifier.verify();
        assertThat(v.ok()).isTrue();
        assertThat(v.verified()).isZero();
        assertThat(v.purged()).isEqualTo(v.headSeq());
        assertThat(count("SELECT count(*) FROM audit_chain_gap")).isEqualTo(1);

        // new traffic chains on from the purged head
        log.create(exchange("after"));
        sealer.seal(100);
        assertThat(verifier.verify()).extracting(ChainVerification::ok, ChainVerification::verified)
                .containsExactly(true, 1L);
    }

    @Test
    void aDeletedPurgeRecordIsReported() {
        finished("old-1", ExchangeState.DELIVERED);
        clock.advance(Duration.ofDays(400));
        finished("new-1", ExchangeState.DELIVERED);
        sealer.seal(100);
        new ExchangeRetention(jdbc, transactions, clock, 10).purge(clock.instant().minus(Duration.ofDays(365)), 10);
        assertThat(verifier.verify().ok()).isTrue();

        jdbc.update("DELETE FROM audit_chain_gap");

        assertThat(verifier.verify().firstBroken()).extracting(ChainVerification.Broken::chainSeq,
                ChainVerification.Broken::code).containsExactly(1L, "missing");
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    record Event(long id, long seq, String exchangeId) {
    }

    private void assertBrokenAt(long seq, Event event, String code, long verified) {
        ChainVerification v = verifier.verify();
        assertThat(v.ok()).isFalse();
        assertThat(v.verified()).isEqualTo(verified);
        assertThat(v.firstBroken()).isNotNull();
        assertThat(v.firstBroken().chainSeq()).isEqualTo(seq);
        assertThat(v.firstBroken().eventId()).isEqualTo(event.id());
        assertThat(v.firstBroken().exchangeId()).isEqualTo(event.exchangeId());
        assertThat(v.firstBroken().code()).isEqualTo(code);
        assertThat(v.firstBroken().reason()).isNotBlank();
    }

    private Event eventAt(long seq) {
        return jdbc.queryForObject("SELECT id, chain_seq, exchange_id FROM exchange_event WHERE chain_seq = ?",
                (rs, i) -> new Event(rs.getLong(1), rs.getLong(2), rs.getString(3)), seq);
    }

    /** Exchanges with a few steps each, 2 + 3 + 2 + 3 ... events, the clock moving a second between steps. */
    private List<String> traffic(int exchanges) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < exchanges; i++) {
            String id = log.create(exchange("ev-" + i)).id();
            ids.add(id);
            clock.advance(Duration.ofSeconds(1));
            log.attempt(id, 1, i % 2 == 0, Duration.ofMillis(100 + i), i % 2 == 0 ? null : "TARGET_TIMEOUT",
                    "attempt of exchange " + i);
            if (i % 2 == 1) {
                log.changeState(id, ExchangeState.RETRYING, ExchangeStep.RETRY_SCHEDULED, null, "next in " + i + "s");
            }
        }
        return ids;
    }

    /** An exchange accepted now, attempted and moved to a final (or dead-lettered) state. */
    private String finished(String key, ExchangeState state) {
        String id = log.create(exchange(key)).id();
        log.attempt(id, 1, state == ExchangeState.DELIVERED, Duration.ofMillis(5), null, null);
        ExchangeStep step = ExchangeStep.valueOf(state.name());
        log.changeState(id, state, step, null, key + " " + state);
        return id;
    }

    private static NewExchange exchange(String eventKey) {
        return new NewExchange(FLOW, "updateStatus", "portal", "corr-" + eventKey, eventKey, "S-" + eventKey, 1L,
                "038*****3456", null, null);
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
