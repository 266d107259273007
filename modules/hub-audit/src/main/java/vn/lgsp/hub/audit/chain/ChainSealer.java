package vn.lgsp.hub.audit.chain;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.dao.IncorrectUpdateSemanticsDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Extends the hash chain over the timeline events committed since the last run.
 *
 * <p>Writers never touch the chain: accepting and delivering exchanges inserts events with no chain columns, so the
 * hot path takes no shared lock. The sealer, run on a timer by every hub instance, locks the single
 * {@code audit_chain_head} row ({@code SELECT ... FOR UPDATE}), so one instance at a time seals; it takes the
 * committed unsealed events in id order, gives each the next {@code chain_seq} and its hashes, moves the head and
 * commits. The chain order is therefore the seal order, well defined however many instances write. An event whose
 * transaction commits after a later id was sealed simply gets a later position. Events not sealed yet (those of the
 * last few seconds, or all of them while no sealer runs) are not covered: that is the window of the design.
 */
public class ChainSealer {

    private final JdbcTemplate jdbc;
    private final ChainHead.LockedBatches batches;
    private final Clock clock;

    /** @param batchSize events sealed in one transaction */
    public ChainSealer(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock, int batchSize) {
        this.batches = new ChainHead.LockedBatches(jdbc, transactions, batchSize);
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Seals batches until no unsealed event is left or {@code maxBatches} were sealed; each batch commits on its own.
     *
     * @return how many events were sealed
     */
    public long seal(int maxBatches) {
        return batches.runAll(maxBatches, this::sealBatch);
    }

    /** Seals at most one batch in one transaction; returns how many events it sealed. */
    public int sealBatch() {
        return batches.runOne(head -> {
            List<ChainContent.Row> rows = jdbc.query(ChainContent.SELECT
                    + " WHERE v.chain_seq IS NULL ORDER BY v.id FETCH FIRST " + batches.size() + " ROWS ONLY",
                    (rs, i) -> ChainContent.read(rs));
            if (rows.isEmpty()) {
                return 0;
            }
            long seq = head.lastSeq();
            String hash = head.lastHash();
            List<Object[]> updates = new ArrayList<>(rows.size());
            for (ChainContent.Row row : rows) {
                seq++;
                String content = row.contentHash(seq);
                hash = ChainContent.chainHash(hash, content);
                updates.add(new Object[] {seq, content, hash, row.eventId()});
            }
            // by the primary key alone: with "AND chain_seq IS NULL" H2 chose the chain_seq index and scanned every
            // unsealed event for each update, a batch quadratic in the backlog (a third of the hub's CPU under load,
            // docs/BENCHMARKS.md). Only this transaction seals (it holds the head), so an event it read unsealed is
            // still unsealed; the unique index on chain_seq would refuse a second seal of a position anyway.
            int[] counts = jdbc.batchUpdate("UPDATE exchange_event SET chain_seq = ?, content_hash = ?, chain_hash = ?"
                    + " WHERE id = ?", updates);
            for (int c : counts) {
                if (c == 0) {
                    throw new IncorrectUpdateSemanticsDataAccessException("an event to seal is gone");
                }
            }
            jdbc.update("UPDATE audit_chain_head SET last_seq = ?, last_hash = ?, updated_at = ? WHERE id = 1",
                    seq, hash, Timestamp.from(clock.instant()));
            return rows.size();
        });
    }
}
