package vn.lgsp.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What {@link ExchangeLog} and {@link SubjectLedger} promise, whatever the database. Each subclass supplies an empty
 * database of its own, migrated by the real Flyway scripts; every test starts from empty tables.
 */
abstract class ExchangeLogContract extends DatabaseContract {

    static final Instant T0 = Instant.parse("2025-01-15T08:00:00Z");
    static final String FLOW = "dossier-status";
    static final String PERSONAL_ID = "038095123456";
    static final String PERSONAL_ID_MASKED = "038*****3456";
    static final Duration WAIT = Duration.ofSeconds(10);

    TransactionTemplate tx;
    MutableClock clock;
    ExchangeLog log;
    SubjectLedger ledger;

    ExchangeLogContract(TestDatabase database) {
        super(database);
    }

    /** A query returning the id of the session (connection) it runs on. */
    protected abstract String currentSessionIdSql();

    /** Whether the session with this id is waiting for a lock another session holds. */
    protected abstract boolean isWaitingForLock(JdbcTemplate jdbc, long sessionId);

    @BeforeEach
    void emptyTables() {
        tx = new TransactionTemplate(transactions);
        jdbc.update("DELETE FROM exchange_event");
        jdbc.update("DELETE FROM exchange");
        jdbc.update("DELETE FROM subject_ledger");
        jdbc.update("DELETE FROM poll_watermark");
        clock = new MutableClock(T0);
        log = new ExchangeLog(jdbc, clock);
        ledger = new SubjectLedger(jdbc, clock);
    }

    // ------------------------------------------------------------------------------------------------ exchange log

    @Test
    void createRecordsAnAcceptedExchangeWithItsFirstTimelineEvent() {
        ExchangeRecord created = log.create(newExchange("ev-1", "G01.01-250115-0001", 1L));

        assertThat(created.id()).isNotBlank();
        assertThat(created.flow()).isEqualTo(FLOW);
        assertThat(created.operation()).isEqualTo("updateStatus");
        assertThat(created.clientId()).isEqualTo("portal");
        assertThat(created.correlationId()).isEqualTo("corr-ev-1");
        assertThat(created.eventKey()).isEqualTo("ev-1");
        assertThat(created.subjectKey()).isEqualTo("G01.01-250115-0001");
        assertThat(created.sequence()).isEqualTo(1L);
        assertThat(created.subjectMasked()).isEqualTo(PERSONAL_ID_MASKED);
        assertThat(created.state()).isEqualTo(ExchangeState.ACCEPTED);
        assertThat(created.attempts()).isZero();
        assertThat(created.lastErrorCode()).isNull();
        assertThat(created.lastError()).isNull();
        assertThat(created.createdAt()).isEqualTo(T0);
        assertThat(created.updatedAt()).isEqualTo(T0);
        assertThat(created.completedAt()).isNull();
        assertThat(created.officerId()).isNull();
        assertThat(created.purpose()).isNull();

        assertThat(log.find(created.id())).contains(created);
        assertThat(log.findByEventKey(FLOW, "ev-1")).contains(created);
        assertThat(log.findByEventKey("other-flow", "ev-1")).isEmpty();
        assertThat(log.find("no-such-id")).isEmpty();

        assertThat(log.events(created.id()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.exchangeId()).isEqualTo(created.id());
                    assertThat(e.step()).isEqualTo(ExchangeStep.ACCEPTED);
                    assertThat(e.at()).isEqualTo(T0);
                    assertThat(e.attempt()).isNull();
                    assertThat(e.outcome()).isNull();
                    assertThat(e.durationMs()).isNull();
                    assertThat(e.errorCode()).isNull();
                    assertThat(e.detail()).isNull();
                });
    }

    @Test
    void createWithoutSubjectOrSequenceKeepsThemNull() {
        ExchangeRecord created = log.create(new NewExchange(FLOW, "lookup", "portal", null, "ev-x", null, null, null,
                null, null));

        assertThat(created.subjectKey()).isNull();
        assertThat(created.sequence()).isNull();
        assertThat(created.subjectMasked()).isNull();
        assertThat(created.correlationId()).isNull();
        assertThat(created.officerId()).isNull();
        assertThat(created.purpose()).isNull();
    }

    @Test
    void theOfficerAndThePurposeAreStoredAndReadBack() {
        String dossier = "000.00.14.H56-261120-0001";
        ExchangeRecord created = log.create(new NewExchange("citizen-identity", "VERIFY", "portal", "corr", "ev-p",
                dossier, null, PERSONAL_ID_MASKED, "canbo01", "1.004616/" + dossier));

        assertThat(created.officerId()).isEqualTo("canbo01");
        assertThat(created.purpose()).isEqualTo("1.004616/" + dossier);
        assertThat(log.find(created.id())).contains(created);
        assertThat(log.findByEventKey("citizen-identity", "ev-p")).contains(created);
        // straight from the table, not through the store's own reading code
        Map<String, Object> row = jdbc.queryForMap("SELECT officer_id, purpose FROM exchange WHERE id = ?",
                created.id());
        assertThat(row.values()).containsExactly("canbo01", "1.004616/" + dossier);

        // a state change keeps them
        log.changeState(created.id(), ExchangeState.FAILED, ExchangeStep.FAILED, "request.missing_field", null);
        assertThat(log.find(created.id())).hasValueSatisfying(r -> {
            assertThat(r.officerId()).isEqualTo("canbo01");
            assertThat(r.purpose()).isEqualTo("1.004616/" + dossier);
        });
    }

    @Test
    void theSameEventInTheSameFlowIsRecordedOnlyOnce() {
        ExchangeRecord first = log.create(newExchange("ev-dup", "S-1", 1L));

        assertThatThrownBy(() -> log.create(newExchange("ev-dup", "S-1", 2L)))
                .isInstanceOf(DuplicateKeyException.class);

        assertThat(count("SELECT count(*) FROM exchange WHERE event_key = 'ev-dup'")).isEqualTo(1);
        assertThat(log.findByEventKey(FLOW, "ev-dup")).contains(first);
        assertThat(count("SELECT count(*) FROM exchange_event")).isEqualTo(1);

        // the key is unique per flow, not across flows
        ExchangeRecord otherFlow = log.create(new NewExchange("other-flow", "op", "portal", null, "ev-dup", null,
                null, null, null, null));
        assertThat(otherFlow.id()).isNotEqualTo(first.id());
    }

    @Test
    void aFailedAttemptIsCountedAndBecomesTheLastError() {
        String id = log.create(newExchange("ev-1", "S-1", 1L)).id();
        Instant at = clock.advance(Duration.ofSeconds(5));

        log.attempt(id, 1, false, Duration.ofMillis(1500), "TARGET_TIMEOUT", "read timed out after 1500 ms");

        ExchangeRecord r = log.find(id).orElseThrow();
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.lastErrorCode()).isEqualTo("TARGET_TIMEOUT");
        assertThat(r.lastError()).isEqualTo("read timed out after 1500 ms");
        assertThat(r.updatedAt()).isEqualTo(at);
        assertThat(r.createdAt()).isEqualTo(T0);
        assertThat(r.state()).as("an attempt does not move the state").isEqualTo(ExchangeState.ACCEPTED);

        clock.advance(Duration.ofSeconds(5));
        log.attempt(id, 2, false, Duration.ofMillis(20), "TARGET_REJECTED", "HTTP 422");

        r = log.find(id).orElseThrow();
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(r.lastErrorCode()).isEqualTo("TARGET_REJECTED");
        assertThat(r.lastError()).isEqualTo("HTTP 422");
    }

    @Test
    void aSuccessfulAttemptIsCountedWithoutTouchingTheLastError() {
        String id = log.create(newExchange("ev-1", "S-1", 1L)).id();
        clock.advance(Duration.ofSeconds(1));
        log.attempt(id, 1, false, Duration.ofMillis(100), "TARGET_UNAVAILABLE", "HTTP 503");
        Instant at = clock.advance(Duration.ofSeconds(30));

        log.attempt(id, 2, true, Duration.ofMillis(80), null, null);

        ExchangeRecord r = log.find(id).orElseThrow();
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(r.lastErrorCode()).isEqualTo("TARGET_UNAVAILABLE");
        assertThat(r.lastError()).isEqualTo("HTTP 503");
        assertThat(r.updatedAt()).isEqualTo(at);
    }

    @Test
    void aSuccessfulFirstAttemptLeavesNoLastError() {
        String id = log.create(newExchange("ev-1", "S-1", 1L)).id();

        log.attempt(id, 1, true, Duration.ofMillis(80), null, null);

        ExchangeRecord r = log.find(id).orElseThrow();
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.lastErrorCode()).isNull();
        assertThat(r.lastError()).isNull();
    }

    @Test
    void settleRecordsWhatAnAttemptThenAStateChangeRecord() {
        for (boolean ok : new boolean[] {true, false}) {
            String code = ok ? null : "population.unavailable";
            ExchangeState state = ok ? ExchangeState.DELIVERED : ExchangeState.FAILED;
            ExchangeStep step = ok ? ExchangeStep.DELIVERED : ExchangeStep.FAILED;
            String detail = "answer for " + PERSONAL_ID;
            String twoSteps = log.create(newExchange("two-" + ok, "S-" + ok, 1L)).id();
            String settled = log.create(newExchange("one-" + ok, "S-" + ok, 2L)).id();
            clock.advance(Duration.ofSeconds(3));

            log.attempt(twoSteps, 1, ok, Duration.ofMillis(42), code, detail);
            log.changeState(twoSteps, state, step, code, detail);
            log.settle(settled, 1, ok, Duration.ofMillis(42), state, step, code, detail);

            ExchangeRecord expected = log.find(twoSteps).orElseThrow();
            assertThat(log.find(settled).orElseThrow())
                    .usingRecursiveComparison().ignoringFields("id", "eventKey", "correlationId", "sequence")
                    .isEqualTo(expected);
            assertThat(log.events(settled))
                    .usingRecursiveFieldByFieldElementComparatorIgnoringFields("id", "exchangeId")
                    .containsExactlyElementsOf(log.events(twoSteps));
            assertThat(log.events(settled)).extracting(ExchangeEvent::detail).filteredOn(d -> d != null)
                    .hasSize(2).allSatisfy(d -> assertThat(d).doesNotContain(PERSONAL_ID));
        }
    }

    @Test
    void deliveredAndDiscardedAreFinalAndSetCompletedAt() {
        String delivered = log.create(newExchange("ev-1", "S-1", 1L)).id();
        String discarded = log.create(newExchange("ev-2", "S-1", 2L)).id();
        Instant at = clock.advance(Duration.ofMinutes(2));

        log.changeState(delivered, ExchangeState.DELIVERED, ExchangeStep.DELIVERED, null, null);
        log.changeState(discarded, ExchangeState.DISCARDED, ExchangeStep.DISCARDED, null, "operator: duplicate");

        ExchangeRecord d = log.find(delivered).orElseThrow();
        assertThat(d.state()).isEqualTo(ExchangeState.DELIVERED);
        assertThat(d.completedAt()).isEqualTo(at);
        assertThat(d.updatedAt()).isEqualTo(at);
        assertThat(log.find(discarded).orElseThrow())
                .extracting(ExchangeRecord::state, ExchangeRecord::completedAt)
                .containsExactly(ExchangeState.DISCARDED, at);
        assertThat(log.events(delivered)).extracting(ExchangeEvent::step)
                .containsExactly(ExchangeStep.ACCEPTED, ExchangeStep.DELIVERED);
        assertThat(log.events(discarded)).last()
                .extracting(ExchangeEvent::step, ExchangeEvent::detail)
                .containsExactly(ExchangeStep.DISCARDED, "operator: duplicate");
    }

    @Test
    void nonFinalStatesLeaveCompletedAtEmptyAndAnErrorCodeBecomesTheLastError() {
        String id = log.create(newExchange("ev-1", "S-1", 1L)).id();
        clock.advance(Duration.ofSeconds(1));
        log.changeState(id, ExchangeState.IN_PROGRESS, ExchangeStep.ATTEMPT, null, null);

        ExchangeRecord r = log.find(id).orElseThrow();
        assertThat(r.state()).isEqualTo(ExchangeState.IN_PROGRESS);
        assertThat(r.completedAt()).isNull();
        assertThat(r.lastErrorCode()).isNull();

        Instant failedAt = clock.advance(Duration.ofSeconds(1));
        log.changeState(id, ExchangeState.FAILED, ExchangeStep.FAILED, "RETRIES_EXHAUSTED", "gave up after 5");

        r = log.find(id).orElseThrow();
        assertThat(r.state()).isEqualTo(ExchangeState.FAILED);
        assertThat(r.completedAt()).as("a dead-lettered exchange may still be replayed").isNull();
        assertThat(r.updatedAt()).isEqualTo(failedAt);
        assertThat(r.lastErrorCode()).isEqualTo("RETRIES_EXHAUSTED");
        assertThat(r.lastError()).isEqualTo("gave up after 5");

        // a change without an error code keeps the last error
        clock.advance(Duration.ofSeconds(1));
        log.changeState(id, ExchangeState.RETRYING, ExchangeStep.REPLAYED, null, "replayed by operator");
        r = log.find(id).orElseThrow();
        assertThat(r.state()).isEqualTo(ExchangeState.RETRYING);
        assertThat(r.lastErrorCode()).isEqualTo("RETRIES_EXHAUSTED");
        assertThat(r.lastError()).isEqualTo("gave up after 5");
    }

    @Test
    void theTimelineKeepsInsertionOrderWithAttemptsOutcomesAndDurations() {
        String id = log.create(newExchange("ev-1", "S-1", 1L)).id();
        Instant t1 = clock.advance(Duration.ofSeconds(1));
        log.changeState(id, ExchangeState.IN_PROGRESS, ExchangeStep.ATTEMPT, null, null);
        log.attempt(id, 1, false, Duration.ofMillis(1200), "TARGET_TIMEOUT", "read timed out");
        Instant t2 = clock.advance(Duration.ofSeconds(1));
        log.changeState(id, ExchangeState.RETRYING, ExchangeStep.RETRY_SCHEDULED, null, "next in 30 s");
        Instant t3 = clock.advance(Duration.ofSeconds(30));
        log.attempt(id, 2, true, Duration.ofMillis(300), null, null);
        log.changeState(id, ExchangeState.DELIVERED, ExchangeStep.DELIVERED, null, null);
        // another exchange's events interleave but do not show up
        String other = log.create(newExchange("ev-2", "S-1", 2L)).id();

        List<ExchangeEvent> events = log.events(id);

        assertThat(events)
                .extracting(ExchangeEvent::step, ExchangeEvent::attempt, ExchangeEvent::outcome,
                        ExchangeEvent::durationMs, ExchangeEvent::errorCode, ExchangeEvent::detail, ExchangeEvent::at)
                .containsExactly(
                        tuple(ExchangeStep.ACCEPTED, null, null, null, null, null, T0),
                        tuple(ExchangeStep.ATTEMPT, null, null, null, null, null, t1),
                        tuple(ExchangeStep.ATTEMPT, 1, "FAILED", 1200L, "TARGET_TIMEOUT", "read timed out", t1),
                        tuple(ExchangeStep.RETRY_SCHEDULED, null, null, null, null, "next in 30 s", t2),
                        tuple(ExchangeStep.ATTEMPT, 2, "OK", 300L, null, null, t3),
                        tuple(ExchangeStep.DELIVERED, null, null, null, null, null, t3));
        assertThat(events).extracting(ExchangeEvent::id).isSorted().doesNotHaveDuplicates();
        assertThat(events).extracting(ExchangeEvent::exchangeId).containsOnly(id);
        assertThat(log.events(other)).extracting(ExchangeEvent::step).containsExactly(ExchangeStep.ACCEPTED);
        assertThat(log.events("no-such-id")).isEmpty();
    }

    @Test
    void personalIdsAreStoredMaskedAndNeverInClear() {
        String id = log.create(new NewExchange(FLOW, "updateStatus", "portal", "corr", "ev-1", "S-1", 1L,
                PERSONAL_ID, null, null)).id();
        log.attempt(id, 1, false, Duration.ofMillis(10), "TARGET_REJECTED",
                "citizen " + PERSONAL_ID + " unknown, old card 123456789");
        log.changeState(id, ExchangeState.FAILED, ExchangeStep.FAILED, "TARGET_REJECTED",
                "rejected: id=" + PERSONAL_ID);
        log.changeState(id, ExchangeState.DISCARDED, ExchangeStep.DISCARDED, null,
                "operator discarded " + PERSONAL_ID);

        ExchangeRecord r = log.find(id).orElseThrow();
        assertThat(r.subjectMasked()).isEqualTo(PERSONAL_ID_MASKED);
        assertThat(r.lastError()).isEqualTo("rejected: id=" + PERSONAL_ID_MASKED);
        assertThat(log.events(id)).extracting(ExchangeEvent::detail).containsExactly(
                null,
                "citizen " + PERSONAL_ID_MASKED + " unknown, old card 123**6789",
                "rejected: id=" + PERSONAL_ID_MASKED,
                "operator discarded " + PERSONAL_ID_MASKED);

        // straight from the tables, not through the store's own reading code
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT subject_masked, last_error FROM exchange WHERE id = ?", id);
        assertThat(row.values()).allSatisfy(v -> assertThat(String.valueOf(v))
                .contains(PERSONAL_ID_MASKED).doesNotContain(PERSONAL_ID));
        List<String> details = jdbc.queryForList(
                "SELECT detail FROM exchange_event WHERE exchange_id = ? AND detail IS NOT NULL", String.class, id);
        assertThat(details).hasSize(3).noneMatch(d -> d.contains(PERSONAL_ID) || d.contains("123456789"));
        assertThat(count("SELECT count(*) FROM exchange WHERE subject_masked LIKE '%" + PERSONAL_ID
                + "%' OR last_error LIKE '%" + PERSONAL_ID + "%'")).isZero();
        assertThat(count("SELECT count(*) FROM exchange_event WHERE detail LIKE '%" + PERSONAL_ID + "%'")).isZero();
    }

    @Test
    void longDetailsAreTruncatedTo500Characters() {
        String id = log.create(newExchange("ev-1", "S-1", 1L)).id();
        String exactly500 = "y".repeat(500);
        log.attempt(id, 1, false, Duration.ofMillis(10), "E1", exactly500);
        assertThat(log.find(id).orElseThrow().lastError()).isEqualTo(exactly500);

        String long700 = "x".repeat(700);
        log.attempt(id, 2, false, Duration.ofMillis(10), "E2", long700);

        String stored = jdbc.queryForObject("SELECT last_error FROM exchange WHERE id = ?", String.class, id);
        assertThat(stored).hasSize(500).startsWith("x".repeat(499)).endsWith("…");
        assertThat(log.events(id)).last().extracting(ExchangeEvent::detail)
                .isEqualTo("x".repeat(499) + "…");

        // masked before it is cut: an ID at the cut leaves no digits of it in clear
        String idAtTheEnd = "z".repeat(492) + " " + PERSONAL_ID + " and more";
        log.changeState(id, ExchangeState.FAILED, ExchangeStep.FAILED, "E3", idAtTheEnd);
        String cut = log.find(id).orElseThrow().lastError();
        assertThat(cut).hasSize(500).endsWith("…").startsWith("z".repeat(492) + " 038***").doesNotContain("095123");
    }

    @Test
    void changeStateAfterMovesOnlyLaterExchangesInTheGivenStates() {
        String subject = "S-7";
        String[] ids = new String[8];
        ExchangeState[] states = {null, ExchangeState.ACCEPTED, ExchangeState.ACCEPTED, ExchangeState.RETRYING,
                ExchangeState.DELIVERED, ExchangeState.FAILED, ExchangeState.IN_PROGRESS, ExchangeState.ACCEPTED};
        for (int seq = 1; seq <= 7; seq++) {
            ids[seq] = log.create(newExchange("ev-" + seq, subject, (long) seq)).id();
            if (states[seq] != ExchangeState.ACCEPTED) {
                log.changeState(ids[seq], states[seq], ExchangeStep.ATTEMPT, null, null);
            }
        }
        String otherSubject = log.create(newExchange("ev-other", "S-8", 5L)).id();
        String otherFlow = log.create(new NewExchange("other-flow", "op", "portal", null, "ev-of", subject, 5L,
                null, null, null)).id();
        Instant at = clock.advance(Duration.ofMinutes(1));

        int moved = log.changeStateAfter(FLOW, subject, 1, List.of(ExchangeState.ACCEPTED, ExchangeState.RETRYING),
                ExchangeState.HELD, ExchangeStep.HELD, "waiting for sequence 1");

        assertThat(moved).isEqualTo(3);
        assertThat(log.findBySubject(FLOW, subject, 0))
                .extracting(ExchangeRecord::sequence, ExchangeRecord::state)
                .containsExactly(
                        tuple(1L, ExchangeState.ACCEPTED),
                        tuple(2L, ExchangeState.HELD),
                        tuple(3L, ExchangeState.HELD),
                        tuple(4L, ExchangeState.DELIVERED),
                        tuple(5L, ExchangeState.FAILED),
                        tuple(6L, ExchangeState.IN_PROGRESS),
                        tuple(7L, ExchangeState.HELD));
        for (int seq : new int[] {2, 3, 7}) {
            assertThat(log.find(ids[seq]).orElseThrow().updatedAt()).isEqualTo(at);
            assertThat(log.events(ids[seq])).last()
                    .extracting(ExchangeEvent::step, ExchangeEvent::detail, ExchangeEvent::at)
                    .containsExactly(ExchangeStep.HELD, "waiting for sequence 1", at);
        }
        for (int seq : new int[] {1, 4, 5, 6}) {
            assertThat(log.events(ids[seq])).extracting(ExchangeEvent::step).doesNotContain(ExchangeStep.HELD);
        }
        assertThat(log.find(otherSubject).orElseThrow().state()).isEqualTo(ExchangeState.ACCEPTED);
        assertThat(log.find(otherFlow).orElseThrow().state()).isEqualTo(ExchangeState.ACCEPTED);

        // and back: nothing later than 6 is HELD but 7
        int released = log.changeStateAfter(FLOW, subject, 6, List.of(ExchangeState.HELD), ExchangeState.ACCEPTED,
                ExchangeStep.RELEASED, null);
        assertThat(released).isEqualTo(1);
        assertThat(log.find(ids[7]).orElseThrow().state()).isEqualTo(ExchangeState.ACCEPTED);
        assertThat(log.find(ids[2]).orElseThrow().state()).isEqualTo(ExchangeState.HELD);
    }

    @Test
    void findBySubjectReturnsTheSubjectsExchangesFromASequenceOnInOrder() {
        log.create(newExchange("ev-3", "S-1", 3L));
        log.create(newExchange("ev-1", "S-1", 1L));
        log.create(newExchange("ev-2", "S-1", 2L));
        log.create(newExchange("ev-x", "S-2", 2L));

        assertThat(log.findBySubject(FLOW, "S-1", 2)).extracting(ExchangeRecord::eventKey)
                .containsExactly("ev-2", "ev-3");
        assertThat(log.findBySubject(FLOW, "S-1", 4)).isEmpty();
    }

    // ----------------------------------------------------------------------------------------------- subject ledger

    @Test
    void lockingANewSubjectReturnsEmptyAndCreatesItsRow() {
        Optional<SubjectLedger.Entry> locked = tx.execute(s -> ledger.lock(FLOW, "D-1"));

        assertThat(locked).isEmpty();
        assertThat(ledger.find(FLOW, "D-1"))
                .contains(new SubjectLedger.Entry(FLOW, "D-1", null, 0, 0, null, 0));
        assertThat(ledger.find(FLOW, "D-2")).isEmpty();
        assertThat(ledger.find("other-flow", "D-1")).isEmpty();

        // locking it again before anything was accepted still says "new" and does not add a row
        Optional<SubjectLedger.Entry> again = tx.execute(s -> ledger.lock(FLOW, "D-1"));
        assertThat(again).isEmpty();
        assertThat(count("SELECT count(*) FROM subject_ledger")).isEqualTo(1);
    }

    @Test
    void anAcceptedEventIsWhatTheNextLockReturns() {
        tx.executeWithoutResult(s -> {
            assertThat(ledger.lock(FLOW, "D-1")).isEmpty();
            ledger.accepted(FLOW, "D-1", 3, 1);
        });

        Optional<SubjectLedger.Entry> entry = tx.execute(s -> ledger.lock(FLOW, "D-1"));

        assertThat(entry).contains(new SubjectLedger.Entry(FLOW, "D-1", 3, 1, 0, null, 0));
        assertThat(entry.orElseThrow().nextToDeliver()).isEqualTo(1);

        tx.executeWithoutResult(s -> {
            ledger.lock(FLOW, "D-1");
            ledger.accepted(FLOW, "D-1", null, 2);
        });
        Optional<SubjectLedger.Entry> withoutStatus = tx.execute(s -> ledger.lock(FLOW, "D-1"));
        assertThat(withoutStatus)
                .hasValueSatisfying(e -> {
                    assertThat(e.lastStatus()).as("a flow without statuses").isNull();
                    assertThat(e.lastSequence()).isEqualTo(2);
                });
    }

    @Test
    void doneAdvancesDeliveryAndClearsBlockedByAndParked() {
        accept("D-1", 4);
        ledger.blocked(FLOW, "D-1", "ex-1");
        ledger.parked(FLOW, "D-1");
        ledger.parked(FLOW, "D-1");
        assertThat(ledger.find(FLOW, "D-1")).hasValueSatisfying(e -> {
            assertThat(e.blockedBy()).isEqualTo("ex-1");
            assertThat(e.parked()).isEqualTo(2);
        });

        ledger.done(FLOW, "D-1", 1);

        assertThat(ledger.find(FLOW, "D-1")).contains(new SubjectLedger.Entry(FLOW, "D-1", 10, 4, 1, null, 0));
        assertThat(ledger.find(FLOW, "D-1").orElseThrow().nextToDeliver()).isEqualTo(2);

        ledger.done(FLOW, "D-1", 3);
        assertThat(ledger.find(FLOW, "D-1").orElseThrow().deliveredSequence()).isEqualTo(3);
    }

    @Test
    void doneNeverGoesBackwards() {
        accept("D-1", 5);
        ledger.done(FLOW, "D-1", 4);
        ledger.blocked(FLOW, "D-1", "ex-5");
        ledger.parked(FLOW, "D-1");
        SubjectLedger.Entry before = ledger.find(FLOW, "D-1").orElseThrow();

        ledger.done(FLOW, "D-1", 2);
        ledger.done(FLOW, "D-1", 4);

        assertThat(ledger.find(FLOW, "D-1")).as("a late or repeated done changes nothing").contains(before);
        assertThat(before.deliveredSequence()).isEqualTo(4);
    }

    @Test
    void blockedAndUnblocked() {
        accept("D-1", 2);
        accept("D-2", 1);

        ledger.blocked(FLOW, "D-1", "ex-dead");

        assertThat(ledger.find(FLOW, "D-1").orElseThrow().blockedBy()).isEqualTo("ex-dead");
        assertThat(ledger.find(FLOW, "D-2").orElseThrow().blockedBy()).isNull();

        ledger.unblocked(FLOW, "D-1");

        assertThat(ledger.find(FLOW, "D-1")).contains(new SubjectLedger.Entry(FLOW, "D-1", 10, 2, 0, null, 0));
    }

    @Test
    void concurrentLocksOnAnExistingSubjectAreSerialised() throws Exception {
        accept("D-1", 1);
        assertSerialised("D-1", 1);
    }

    @Test
    void concurrentLocksOnANewSubjectAreSerialised() throws Exception {
        assertSerialised("D-new", 0);
    }

    /**
     * Two transactions lock one subject and each accept the next sequence. The second must wait in
     * {@link SubjectLedger#lock} until the first commits, and then see what the first wrote.
     */
    private void assertSerialised(String subject, long lastSequenceBefore) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch firstHoldsLock = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CompletableFuture<Long> secondSession = new CompletableFuture<>();
        try {
            CompletableFuture<Optional<SubjectLedger.Entry>> first = CompletableFuture.supplyAsync(
                    () -> tx.execute(s -> {
                        Optional<SubjectLedger.Entry> e = ledger.lock(FLOW, subject);
                        ledger.accepted(FLOW, subject, 20, lastSequenceBefore + 1);
                        firstHoldsLock.countDown();
                        awaitOrFail(releaseFirst);
                        return e;
                    }), threads);
            assertThat(firstHoldsLock.await(WAIT.toSeconds(), TimeUnit.SECONDS))
                    .as("first transaction holds the lock").isTrue();

            CompletableFuture<Seen> second = CompletableFuture.supplyAsync(
                    () -> tx.execute(s -> {
                        secondSession.complete(jdbc.queryForObject(currentSessionIdSql(), Long.class));
                        Optional<SubjectLedger.Entry> e = ledger.lock(FLOW, subject);
                        boolean firstReleased = releaseFirst.getCount() == 0;
                        long last = e.map(SubjectLedger.Entry::lastSequence).orElse(0L);
                        ledger.accepted(FLOW, subject, 30, last + 1);
                        return new Seen(e, firstReleased);
                    }), threads);
            long session = secondSession.get(WAIT.toSeconds(), TimeUnit.SECONDS);

            await("second transaction waits for the first one's lock")
                    .atMost(WAIT).pollInterval(Duration.ofMillis(10))
                    .until(() -> second.isDone() || isWaitingForLock(jdbc, session));
            assertThat(second).as("second lock() returned while the first transaction was open").isNotDone();
            assertThat(first).isNotDone();

            releaseFirst.countDown();

            Optional<SubjectLedger.Entry> firstSaw = first.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            Seen secondSaw = second.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(firstSaw.map(SubjectLedger.Entry::lastSequence).orElse(0L)).isEqualTo(lastSequenceBefore);
            assertThat(secondSaw.firstReleased()).as("second lock() returned only after the first was let commit")
                    .isTrue();
            assertThat(secondSaw.entry()).as("second sees what the first committed")
                    .hasValueSatisfying(e -> {
                        assertThat(e.lastSequence()).isEqualTo(lastSequenceBefore + 1);
                        assertThat(e.lastStatus()).isEqualTo(20);
                    });
            assertThat(ledger.find(FLOW, subject)).hasValueSatisfying(e -> {
                assertThat(e.lastSequence()).isEqualTo(lastSequenceBefore + 2);
                assertThat(e.lastStatus()).isEqualTo(30);
            });
            assertThat(count("SELECT count(*) FROM subject_ledger")).isEqualTo(1);
        } finally {
            releaseFirst.countDown();
            threads.shutdown();
            assertThat(threads.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
    }

    // ---------------------------------------------------------------------------------------------- poll watermarks

    @Test
    void aWatermarkStartsEmptyAndMovesOnlyWithItsTransaction() {
        PollWatermarks marks = new PollWatermarks(jdbc, clock);
        PollWatermarks.Position p1 = new PollWatermarks.Position(T0, "D-0001");

        Optional<PollWatermarks.Position> fresh = tx.execute(s -> marks.lock("portal-intake"));
        assertThat(fresh).isEmpty();
        tx.executeWithoutResult(s -> {
            marks.lock("portal-intake");
            marks.advance("portal-intake", p1);
            s.setRollbackOnly();
        });
        assertThat(marks.find("portal-intake")).as("rolled back with its transaction").isEmpty();

        tx.executeWithoutResult(s -> {
            marks.lock("portal-intake");
            marks.advance("portal-intake", p1);
        });
        assertThat(marks.find("portal-intake")).contains(p1);
        Optional<PollWatermarks.Position> locked = tx.execute(s -> marks.lock("portal-intake"));
        assertThat(locked).contains(p1);
        assertThat(marks.find("axis")).as("each source has its own").isEmpty();
    }

    @Test
    void aSecondPollerWaitsForTheFirstAndSeesWhereItGotTo() throws Exception {
        PollWatermarks marks = new PollWatermarks(jdbc, clock);
        PollWatermarks.Position p1 = new PollWatermarks.Position(T0.plusSeconds(60), "D-0007");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch firstHoldsLock = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CompletableFuture<Long> secondSession = new CompletableFuture<>();
        try {
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
                marks.lock("portal-intake");
                marks.advance("portal-intake", p1);
                firstHoldsLock.countDown();
                awaitOrFail(releaseFirst);
            }), threads);
            assertThat(firstHoldsLock.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Optional<PollWatermarks.Position>> second = CompletableFuture.supplyAsync(
                    () -> tx.execute(s -> {
                        secondSession.complete(jdbc.queryForObject(currentSessionIdSql(), Long.class));
                        return marks.lock("portal-intake");
                    }), threads);
            long session = secondSession.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            await("second poller waits for the first one's lock").atMost(WAIT).pollInterval(Duration.ofMillis(10))
                    .until(() -> second.isDone() || isWaitingForLock(jdbc, session));
            assertThat(second).isNotDone();

            releaseFirst.countDown();
            first.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(second.get(WAIT.toSeconds(), TimeUnit.SECONDS)).contains(p1);
        } finally {
            releaseFirst.countDown();
            threads.shutdown();
            assertThat(threads.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        }
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    /** What the second transaction's lock() returned, and whether the first had been let go by then. */
    private record Seen(Optional<SubjectLedger.Entry> entry, boolean firstReleased) {
    }

    private static NewExchange newExchange(String eventKey, String subjectKey, Long sequence) {
        return new NewExchange(FLOW, "updateStatus", "portal", "corr-" + eventKey, eventKey, subjectKey, sequence,
                PERSONAL_ID_MASKED, null, null);
    }

    /** A subject whose last accepted event has this sequence, status 10. */
    private void accept(String subject, long sequence) {
        tx.executeWithoutResult(s -> {
            ledger.lock(FLOW, subject);
            ledger.accepted(FLOW, subject, 10, sequence);
        });
    }

    private int count(String sql) {
        Integer n = jdbc.queryForObject(sql, Integer.class);
        return n == null ? 0 : n;
    }

    private static void awaitOrFail(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT.toSeconds() * 3, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
