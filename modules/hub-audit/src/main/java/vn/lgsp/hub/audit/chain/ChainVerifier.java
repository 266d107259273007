package vn.lgsp.hub.audit.chain;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks the chain in {@code chain_seq} order, recomputing every content hash and link, and reports the first one that
 * does not check out. Rows are read a page at a time, so the walk's memory does not grow with the log.
 *
 * <p>The walk runs in one read-only REPEATABLE READ transaction: sealers and the purge carry on meanwhile, and the
 * walk sees the chain as it was when it started (on PostgreSQL a snapshot; H2's MVCC gives the same).
 */
public class ChainVerifier {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final int pageSize;

    public ChainVerifier(JdbcTemplate jdbc, PlatformTransactionManager transactions, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1, was " + pageSize);
        }
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.tx.setReadOnly(true);
        this.pageSize = pageSize;
    }

    public ChainVerification verify() {
        return tx.execute(status -> walk());
    }

    private record Gap(long fromSeq, long toSeq, String lastHash) {
    }

    private ChainVerification walk() {
        ChainHead head = ChainHead.read(jdbc);
        long unsealed = count("SELECT count(*) FROM exchange_event WHERE chain_seq IS NULL");
        long expected = 1;
        String previous = ChainContent.GENESIS;
        long verified = 0;
        long purged = 0;
        long after = 0;
        while (true) {
            List<ChainContent.Row> page = jdbc.query(ChainContent.SELECT + " WHERE v.chain_seq > ? AND v.chain_seq <= ?"
                    + " ORDER BY v.chain_seq FETCH FIRST " + pageSize + " ROWS ONLY",
                    (rs, i) -> ChainContent.read(rs), after, head.lastSeq());
            for (ChainContent.Row row : page) {
                long seq = row.chainSeq();
                // positions before this row: purged on purpose (a gap record says so), or missing
                while (expected < seq) {
                    Optional<Gap> gap = gapFrom(expected);
                    if (gap.isEmpty() || gap.get().toSeq() >= seq) {
                        long missingTo = gap.isEmpty() ? seq - 1 : gap.get().toSeq();
                        return gap.isEmpty()
                                ? broken(verified, head, purged, unsealed, expected, null, null, "missing",
                                        "positions " + expected + ".." + missingTo + " are missing and were not purged")
                                : broken(verified, head, purged, unsealed, seq, row.eventId(), row.exchangeId(),
                                        "inside_purged_range", "event at position " + seq + " lies inside purged"
                                                + " range " + expected + ".." + missingTo);
                    }
                    purged += gap.get().toSeq() - expected + 1;
                    previous = gap.get().lastHash();
                    expected = gap.get().toSeq() + 1;
                }
                String content = row.contentHash(seq);
                if (!content.equals(row.storedContentHash())) {
                    return broken(verified, head, purged, unsealed, seq, row.eventId(), row.exchangeId(),
                            "content_changed", "the event or its exchange differs from what was sealed");
                }
                String link = ChainContent.chainHash(previous, content);
                if (!link.equals(row.storedChainHash())) {
                    return broken(verified, head, purged, unsealed, seq, row.eventId(), row.exchangeId(),
                            "link_broken", "the chain hash does not follow from the previous position");
                }
                previous = link;
                expected = seq + 1;
                verified++;
            }
            if (page.size() < pageSize) {
                break;
            }
            after = page.get(page.size() - 1).chainSeq();
        }
        // the tail: purged runs up to the head, then the head itself
        while (expected <= head.lastSeq()) {
            Optional<Gap> gap = gapFrom(expected);
            if (gap.isEmpty()) {
                return broken(verified, head, purged, unsealed, expected, null, null, "missing",
                        "positions " + expected + ".." + head.lastSeq() + " are missing and were not purged");
            }
            purged += gap.get().toSeq() - expected + 1;
            previous = gap.get().lastHash();
            expected = gap.get().toSeq() + 1;
        }
        if (!previous.equals(head.lastHash()) || expected != head.lastSeq() + 1) {
            return broken(verified, head, purged, unsealed, head.lastSeq(), null, null, "head_mismatch",
                    "the chain does not end in the hash the head records");
        }
        // only a sealer holding the head writes chain positions, and never past the head it moves
        Long beyond = jdbc.queryForObject("SELECT min(chain_seq) FROM exchange_event WHERE chain_seq > ?", Long.class,
                head.lastSeq());
        if (beyond != null) {
            return broken(verified, head, purged, unsealed, beyond, null, null, "head_mismatch",
                    "an event claims position " + beyond + ", past the head");
        }
        return new ChainVerification(true, verified, head.lastSeq(), head.lastHash(), purged, unsealed, null);
    }

    private Optional<Gap> gapFrom(long seq) {
        return jdbc.query("SELECT from_seq, to_seq, last_hash FROM audit_chain_gap WHERE from_seq = ?",
                (rs, i) -> new Gap(rs.getLong(1), rs.getLong(2), rs.getString(3)), seq).stream().findFirst();
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    private static ChainVerification broken(long verified, ChainHead head, long purged, long unsealed, long seq,
                                            Long eventId, String exchangeId, String code, String reason) {
        return new ChainVerification(false, verified, head.lastSeq(), head.lastHash(), purged, unsealed,
                new ChainVerification.Broken(seq, eventId, exchangeId, code, reason));
    }
}
