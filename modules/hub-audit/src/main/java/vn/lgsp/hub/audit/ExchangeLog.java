package vn.lgsp.hub.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import vn.lgsp.hub.core.ids.Masking;

/**
 * The exchange log store. Plain JDBC through {@link JdbcTemplate}, so that every write joins the caller's Spring
 * transaction: acceptance records the exchange in the same transaction that gives it its sequence number.
 *
 * <p>Free text (error details) is masked and truncated here, whatever the caller passed, because this table is kept
 * for years and read by operators.
 */
public class ExchangeLog {

    private static final int MAX_TEXT = 500;

    /** The columns of {@link #RECORD}, in the order of an insert. */
    static final String COLUMNS = "id, flow, operation, client_id, correlation_id, event_key, subject_key,"
            + " sequence_no, subject_masked, state, attempts, last_error_code, last_error, created_at, updated_at,"
            + " completed_at, officer_id, purpose";

    private static final String INSERT_EVENT = "INSERT INTO exchange_event (exchange_id, at, step, attempt, outcome,"
            + " duration_ms, error_code, detail) VALUES (?,?,?,?,?,?,?,?)";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ExchangeLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records a new exchange in state {@link ExchangeState#ACCEPTED} with its first timeline event.
     *
     * @throws org.springframework.dao.DuplicateKeyException when an exchange with the same flow and event key exists
     */
    public ExchangeRecord create(NewExchange n) {
        String id = UUID.randomUUID().toString();
        // the columns keep microseconds: the record handed back is what a read would give, without the read
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String subjectMasked = Masking.maskIdsInText(n.subjectMasked());
        String purpose = Masking.maskIdsInText(n.purpose());
        jdbc.update("INSERT INTO exchange (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,0,NULL,NULL,?,?,NULL,?,?)",
                id, n.flow(), n.operation(), n.clientId(), n.correlationId(), n.eventKey(), n.subjectKey(),
                n.sequence(), subjectMasked, ExchangeState.ACCEPTED.name(), Timestamp.from(now), Timestamp.from(now),
                n.officerId(), purpose);
        event(id, ExchangeStep.ACCEPTED, null, null, null, null, null);
        return new ExchangeRecord(id, n.flow(), n.operation(), n.clientId(), n.correlationId(), n.eventKey(),
                n.subjectKey(), n.sequence(), subjectMasked, ExchangeState.ACCEPTED, 0, null, null, now, now, null,
                n.officerId(), purpose);
    }

    public Optional<ExchangeRecord> find(String id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM exchange WHERE id = ?", RECORD, id).stream().findFirst();
    }

    public Optional<ExchangeRecord> findByEventKey(String flow, String eventKey) {
        return jdbc.query("SELECT " + COLUMNS + " FROM exchange WHERE flow = ? AND event_key = ?", RECORD,
                flow, eventKey).stream().findFirst();
    }

    /** The exchanges of one subject from a sequence number on, in order. */
    public List<ExchangeRecord> findBySubject(String flow, String subjectKey, long fromSequence) {
        return jdbc.query("SELECT " + COLUMNS + " FROM exchange WHERE flow = ? AND subject_key = ? AND sequence_no >= ?"
                + " ORDER BY sequence_no", RECORD, flow, subjectKey, fromSequence);
    }

    public List<ExchangeEvent> events(String exchangeId) {
        return jdbc.query("SELECT id, exchange_id, at, step, attempt, outcome, duration_ms, error_code, detail"
                + " FROM exchange_event WHERE exchange_id = ? ORDER BY id", EVENT, exchangeId);
    }

    /**
     * Records one delivery attempt and counts it. A failed attempt also becomes the exchange's last error.
     */
    public void attempt(String exchangeId, int attempt, boolean ok, Duration duration, String errorCode, String detail) {
        Timestamp now = Timestamp.from(clock.instant());
        if (ok) {
            jdbc.update("UPDATE exchange SET attempts = attempts + 1, updated_at = ? WHERE id = ?", now, exchangeId);
        } else {
            jdbc.update("UPDATE exchange SET attempts = attempts + 1, last_error_code = ?, last_error = ?,"
                    + " updated_at = ? WHERE id = ?", errorCode, clean(detail), now, exchangeId);
        }
        event(exchangeId, ExchangeStep.ATTEMPT, attempt, ok ? "OK" : "FAILED", duration.toMillis(), errorCode, detail);
    }

    /**
     * An attempt that settles the exchange, as {@link #attempt} then {@link #changeState} would record it, in one
     * update and one batch of two events: a synchronous call (an identity lookup) records this on every call.
     */
    public void settle(String exchangeId, int attempt, boolean ok, Duration duration, ExchangeState state, ExchangeStep step,
                       String errorCode, String detail) {
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp completed = state.isFinal() ? now : null;
        String cleanDetail = clean(detail);
        if (errorCode != null) {
            jdbc.update("UPDATE exchange SET attempts = attempts + 1, state = ?, last_error_code = ?, last_error = ?,"
                    + " updated_at = ?, completed_at = ? WHERE id = ?", state.name(), errorCode, cleanDetail, now,
                    completed, exchangeId);
        } else {
            jdbc.update("UPDATE exchange SET attempts = attempts + 1, state = ?, updated_at = ?, completed_at = ?"
                    + " WHERE id = ?", state.name(), now, completed, exchangeId);
        }
        jdbc.batchUpdate(INSERT_EVENT, List.of(
                new Object[] {exchangeId, now, ExchangeStep.ATTEMPT.name(), attempt, ok ? "OK" : "FAILED",
                        duration.toMillis(), errorCode, cleanDetail},
                new Object[] {exchangeId, now, step.name(), null, null, null, errorCode, cleanDetail}));
    }

    /** Moves an exchange to a new state and records why. */
    public void changeState(String exchangeId, ExchangeState state, ExchangeStep step, String errorCode,
                            String detail) {
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp completed = state.isFinal() ? now : null;
        if (errorCode != null) {
            jdbc.update("UPDATE exchange SET state = ?, last_error_code = ?, last_error = ?, updated_at = ?,"
                    + " completed_at = ? WHERE id = ?", state.name(), errorCode, clean(detail), now, completed,
                    exchangeId);
        } else {
            jdbc.update("UPDATE exchange SET state = ?, updated_at = ?, completed_at = ? WHERE id = ?",
                    state.name(), now, completed, exchangeId);
        }
        event(exchangeId, step, null, null, null, errorCode, detail);
    }

    /** Changes the state alone, for a change that the next timeline event explains (an attempt starting). */
    public void setState(String exchangeId, ExchangeState state) {
        jdbc.update("UPDATE exchange SET state = ?, updated_at = ? WHERE id = ?", state.name(),
                Timestamp.from(clock.instant()), exchangeId);
    }

    /**
     * Moves every exchange of a subject after a sequence number that is in one of the given states to a new state,
     * e.g. the later events of a dossier to {@link ExchangeState#HELD} when an earlier one is dead-lettered.
     *
     * @return how many exchanges moved
     */
    public int changeStateAfter(String flow, String subjectKey, long afterSequence, List<ExchangeState> from,
                                ExchangeState to, ExchangeStep step, String detail) {
        int moved = 0;
        for (ExchangeRecord r : findBySubject(flow, subjectKey, afterSequence + 1)) {
            if (from.contains(r.state())) {
                changeState(r.id(), to, step, null, detail);
                moved++;
            }
        }
        return moved;
    }

    private void event(String exchangeId, ExchangeStep step, Integer attempt, String outcome, Long durationMs,
                       String errorCode, String detail) {
        jdbc.update(INSERT_EVENT, exchangeId, Timestamp.from(clock.instant()), step.name(), attempt, outcome,
                durationMs, errorCode, clean(detail));
    }

    private static String clean(String text) {
        if (text == null) {
            return null;
        }
        String masked = Masking.maskIdsInText(text);
        return masked.length() <= MAX_TEXT ? masked : masked.substring(0, MAX_TEXT - 1) + "…";
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /** Reads a row of {@link #COLUMNS}; {@link ExchangeSearch} reads its pages with it too. */
    static final RowMapper<ExchangeRecord> RECORD = (rs, i) -> new ExchangeRecord(
            rs.getString("id"), rs.getString("flow"), rs.getString("operation"), rs.getString("client_id"),
            rs.getString("correlation_id"), rs.getString("event_key"), rs.getString("subject_key"),
            nullableLong(rs, "sequence_no"), rs.getString("subject_masked"),
            ExchangeState.valueOf(rs.getString("state")), rs.getInt("attempts"), rs.getString("last_error_code"),
            rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "updated_at"),
            instant(rs, "completed_at"), rs.getString("officer_id"), rs.getString("purpose"));

    private static final RowMapper<ExchangeEvent> EVENT = (rs, i) -> {
        int attempt = rs.getInt("attempt");
        Integer attemptOrNull = rs.wasNull() ? null : attempt;
        return new ExchangeEvent(rs.getLong("id"), rs.getString("exchange_id"), instant(rs, "at"),
                ExchangeStep.valueOf(rs.getString("step")), attemptOrNull, rs.getString("outcome"),
                nullableLong(rs, "duration_ms"), rs.getString("error_code"), rs.getString("detail"));
    };
}
