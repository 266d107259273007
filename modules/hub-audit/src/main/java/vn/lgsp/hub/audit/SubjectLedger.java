package vn.lgsp.hub.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Per subject of an ordered flow (a dossier): the last accepted status and sequence, how far in-order delivery has
 * got, and which dead-lettered exchange, if any, holds the rest back. Callers run inside a Spring transaction;
 * {@link #lock} serialises everything done to one subject.
 */
public class SubjectLedger {

    /**
     * @param lastStatus        status of the last accepted event, {@code null} if the flow has no statuses
     * @param lastSequence      sequence number of the last accepted event
     * @param deliveredSequence every event up to this sequence is delivered or discarded
     * @param blockedBy         the dead-lettered exchange the later events wait for, or {@code null}
     * @param parked            how many events were parked behind an earlier one (a hint: 0 means none)
     */
    public record Entry(String flow, String subjectKey, Integer lastStatus, long lastSequence, long deliveredSequence,
                        String blockedBy, int parked) {

        public long nextToDeliver() {
            return deliveredSequence + 1;
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public SubjectLedger(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Locks the subject's row until the transaction ends, creating it first if it does not exist.
     *
     * @return the entry, or empty when the subject is new (its row now exists and is locked)
     */
    public Optional<Entry> lock(String flow, String subjectKey) {
        Optional<Entry> e = selectForUpdate(flow, subjectKey);
        if (e.isPresent()) {
            return e.filter(x -> x.lastSequence() > 0);
        }
        insertIfAbsent(flow, subjectKey);
        return selectForUpdate(flow, subjectKey).filter(x -> x.lastSequence() > 0);
    }

    private void insertIfAbsent(String flow, String subjectKey) {
        Rows.insertIfAbsent(jdbc, "INSERT INTO subject_ledger (flow, subject_key, last_status, last_sequence,"
                + " delivered_sequence, blocked_by, parked, updated_at) VALUES (?,?,NULL,0,0,NULL,0,?)",
                flow, subjectKey, now());
    }

    public Optional<Entry> find(String flow, String subjectKey) {
        return jdbc.query("SELECT * FROM subject_ledger WHERE flow = ? AND subject_key = ?", ENTRY, flow, subjectKey)
                .stream().findFirst();
    }

    private Optional<Entry> selectForUpdate(String flow, String subjectKey) {
        return jdbc.query("SELECT * FROM subject_ledger WHERE flow = ? AND subject_key = ? FOR UPDATE", ENTRY,
                flow, subjectKey).stream().findFirst();
    }

    /** Records an accepted event; call while holding the lock. */
    public void accepted(String flow, String subjectKey, Integer status, long sequence) {
        jdbc.update("UPDATE subject_ledger SET last_status = ?, last_sequence = ?, updated_at = ?"
                + " WHERE flow = ? AND subject_key = ?", status, sequence, now(), flow, subjectKey);
    }

    /** The event with this sequence is delivered or discarded; delivery moves on to the next one. */
    public void done(String flow, String subjectKey, long sequence) {
        jdbc.update("UPDATE subject_ledger SET delivered_sequence = ?, blocked_by = NULL, parked = 0, updated_at = ?"
                + " WHERE flow = ? AND subject_key = ? AND delivered_sequence < ?", sequence, now(), flow, subjectKey,
                sequence);
    }

    public void parked(String flow, String subjectKey) {
        jdbc.update("UPDATE subject_ledger SET parked = parked + 1, updated_at = ? WHERE flow = ? AND subject_key = ?",
                now(), flow, subjectKey);
    }

    public void blocked(String flow, String subjectKey, String exchangeId) {
        jdbc.update("UPDATE subject_ledger SET blocked_by = ?, updated_at = ? WHERE flow = ? AND subject_key = ?",
                exchangeId, now(), flow, subjectKey);
    }

    public void unblocked(String flow, String subjectKey) {
        jdbc.update("UPDATE subject_ledger SET blocked_by = NULL, updated_at = ? WHERE flow = ? AND subject_key = ?",
                now(), flow, subjectKey);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static final RowMapper<Entry> ENTRY = (rs, i) -> {
        int status = rs.getInt("last_status");
        Integer statusOrNull = rs.wasNull() ? null : status;
        return new Entry(rs.getString("flow"), rs.getString("subject_key"), statusOrNull, rs.getLong("last_sequence"),
                rs.getLong("delivered_sequence"), rs.getString("blocked_by"), rs.getInt("parked"));
    };
}
