package vn.lgsp.hub.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How far the hub has read each source it polls. Callers run inside a Spring transaction: {@link #lock} holds the
 * source's row until the transaction ends, so two hub instances never take the same page, and {@link #advance} in the
 * same transaction as the acceptance of the page's items means a crash either keeps both or neither.
 */
public class PollWatermarks {

    /** The last item taken: its time at the source and its key (ties on time are broken by key). */
    public record Position(Instant at, String key) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public PollWatermarks(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Locks the source's row, creating it if needed; empty when nothing was taken from it yet. */
    public Optional<Position> lock(String source) {
        Optional<Optional<Position>> row = select(source);
        if (row.isEmpty()) {
            Rows.insertIfAbsent(jdbc, "INSERT INTO poll_watermark (source, position_at, position_key, updated_at)"
                    + " VALUES (?, NULL, NULL, ?)", source, Timestamp.from(clock.instant()));
            row = select(source);
        }
        return row.orElseThrow();
    }

    /** The position without a lock, for reports. */
    public Optional<Position> find(String source) {
        return jdbc.query("SELECT position_at, position_key FROM poll_watermark WHERE source = ?",
                (rs, n) -> position(rs.getTimestamp(1), rs.getString(2)), source).stream().findFirst().flatMap(p -> p);
    }

    /** Moves the source's position; call while holding the lock. */
    public void advance(String source, Position to) {
        jdbc.update("UPDATE poll_watermark SET position_at = ?, position_key = ?, updated_at = ? WHERE source = ?",
                Timestamp.from(to.at()), to.key(), Timestamp.from(clock.instant()), source);
    }

    private Optional<Optional<Position>> select(String source) {
        return jdbc.query("SELECT position_at, position_key FROM poll_watermark WHERE source = ? FOR UPDATE",
                (rs, n) -> position(rs.getTimestamp(1), rs.getString(2)), source).stream().findFirst();
    }

    private static Optional<Position> position(Timestamp at, String key) {
        return at == null ? Optional.empty() : Optional.of(new Position(at.toInstant(), key));
    }
}
