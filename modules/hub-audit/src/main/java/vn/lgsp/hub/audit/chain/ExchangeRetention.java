package vn.lgsp.hub.audit.chain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import vn.lgsp.hub.audit.ExchangeState;

/**
 * Deletes finished exchanges (those in a final state: {@link ExchangeState#isFinal()}, i.e. delivered or discarded)
 * last changed before a cut-off, with their timelines. An exchange that is in flight, held or dead-lettered
 * ({@code FAILED}, which an operator may still replay) is never purged, however old; nor is one with an event not
 * sealed yet. {@code subject_ledger} rows are left alone: they are a few per dossier, hold no personal data, and the
 * ordering of later events of the same dossier depends on them.
 *
 * <p>Purged events leave holes in the chain. Each run of purged positions is recorded in {@code audit_chain_gap} with
 * the chain hash of its last position, and the verifier carries on from that hash: the gap records are the anchors
 * that keep the rest of the chain verifiable. Runs that touch are merged, so the table stays small. The purge takes
 * the chain head's lock, so it never interleaves with a sealer.
 */
public class ExchangeRetention {

    private static final List<String> FINAL_STATES = Arrays.stream(ExchangeState.values())
            .filter(ExchangeState::isFinal).map(Enum::name).toList();

    private final JdbcTemplate jdbc;
    private final ChainHead.LockedBatches batches;
    private final Clock clock;

    /** @param batchSize exchanges purged in one transaction */
    public ExchangeRetention(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock, int batchSize) {
        this.batches = new ChainHead.LockedBatches(jdbc, transactions, batchSize);
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Purges batches until none is left older than the cut-off or {@code maxBatches} were purged; each batch commits
     * on its own.
     *
     * @return how many exchanges were purged
     */
    public long purge(Instant olderThan, int maxBatches) {
        return batches.runAll(maxBatches, () -> purgeBatch(olderThan));
    }

    /** Purges at most one batch of exchanges last changed before {@code olderThan}; returns how many. */
    public int purgeBatch(Instant olderThan) {
        return batches.runOne(head -> {
            String states = String.join(",", Collections.nCopies(FINAL_STATES.size(), "?"));
            List<Object> args = new ArrayList<>(FINAL_STATES);
            args.add(Timestamp.from(olderThan));
            List<String> ids = jdbc.queryForList("SELECT x.id FROM exchange x WHERE x.state IN (" + states + ")"
                    + " AND x.updated_at < ? AND NOT EXISTS (SELECT 1 FROM exchange_event v"
                    + " WHERE v.exchange_id = x.id AND v.chain_seq IS NULL)"
                    + " ORDER BY x.updated_at, x.id FETCH FIRST " + batches.size() + " ROWS ONLY", String.class,
                    args.toArray());
            if (ids.isEmpty()) {
                return 0;
            }
            String in = String.join(",", Collections.nCopies(ids.size(), "?"));
            Object[] idArgs = ids.toArray();
            List<Object[]> positions = jdbc.query("SELECT chain_seq, chain_hash FROM exchange_event"
                    + " WHERE exchange_id IN (" + in + ") ORDER BY chain_seq",
                    (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)}, idArgs);
            recordGaps(positions);
            jdbc.update("DELETE FROM exchange_event WHERE exchange_id IN (" + in + ")", idArgs);
            jdbc.update("DELETE FROM exchange WHERE id IN (" + in + ")", idArgs);
            return ids.size();
        });
    }

    private record Run(long from, long to, String lastHash) {
    }

    /** Adds the runs of the positions about to be purged to the gap records, merging runs that touch. */
    private void recordGaps(List<Object[]> positions) {
        if (positions.isEmpty()) {
            return;
        }
        TreeMap<Long, Run> runs = new TreeMap<>();
        Run current = null;
        for (Object[] p : positions) {
            long seq = (Long) p[0];
            String hash = (String) p[1];
            current = current != null && current.to() + 1 == seq ? new Run(current.from(), seq, hash)
                    : new Run(seq, seq, hash);
            runs.put(current.from(), current);
        }
        long min = (Long) positions.get(0)[0];
        long max = (Long) positions.get(positions.size() - 1)[0];
        List<Run> existing = jdbc.query("SELECT from_seq, to_seq, last_hash FROM audit_chain_gap"
                + " WHERE to_seq >= ? AND from_seq <= ?", (rs, i) -> new Run(rs.getLong(1), rs.getLong(2),
                rs.getString(3)), min - 1, max + 1);
        for (Run r : existing) {
            runs.put(r.from(), r);
        }
        List<Run> merged = new ArrayList<>();
        for (Map.Entry<Long, Run> e : runs.entrySet()) {
            Run r = e.getValue();
            Run last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.to() + 1 >= r.from()) {
                merged.set(merged.size() - 1, r.to() > last.to() ? new Run(last.from(), r.to(), r.lastHash()) : last);
            } else {
                merged.add(r);
            }
        }
        for (Run r : existing) {
            jdbc.update("DELETE FROM audit_chain_gap WHERE from_seq = ?", r.from());
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("INSERT INTO audit_chain_gap (from_seq, to_seq, last_hash, purged_at) VALUES (?,?,?,?)",
                merged.stream().map(r -> new Object[] {r.from(), r.to(), r.lastHash(), now}).toList());
    }
}
