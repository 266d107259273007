package vn.lgsp.hub.audit.chain;

import java.util.function.IntSupplier;
import java.util.function.ToIntFunction;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The end of the chain: the last sealed position and its chain hash. */
record ChainHead(long lastSeq, String lastHash) {

    /** Locks the head row until the transaction ends: the sealers' and the purge's mutual exclusion. */
    static ChainHead lock(JdbcTemplate jdbc) {
        return read(jdbc, " FOR UPDATE");
    }

    static ChainHead read(JdbcTemplate jdbc) {
        return read(jdbc, "");
    }

    private static ChainHead read(JdbcTemplate jdbc, String suffix) {
        try {
            return jdbc.queryForObject("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1" + suffix,
                    (rs, i) -> new ChainHead(rs.getLong(1), rs.getString(2)));
        } catch (EmptyResultDataAccessException e) {
            throw new IllegalStateException("audit_chain_head has no row: the V4 migration did not run", e);
        }
    }

    /**
     * Work done in batches, each in a new transaction of its own that holds the head's lock ({@link #lock}): how the
     * sealer and the purge take turns.
     */
    static final class LockedBatches {

        private final JdbcTemplate jdbc;
        private final TransactionTemplate tx;
        private final int size;

        /** @param size the most items one batch handles */
        LockedBatches(JdbcTemplate jdbc, PlatformTransactionManager transactions, int size) {
            if (size < 1) {
                throw new IllegalArgumentException("batch size must be at least 1, was " + size);
            }
            this.jdbc = jdbc;
            this.tx = new TransactionTemplate(transactions);
            this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            this.size = size;
        }

        int size() {
            return size;
        }

        /** Runs one batch in a new transaction, after locking the head; returns how many items it handled. */
        int runOne(ToIntFunction<ChainHead> batch) {
            Integer n = tx.execute(status -> batch.applyAsInt(lock(jdbc)));
            return n == null ? 0 : n;
        }

        /**
         * Runs batches (each, e.g., with {@link #runOne}) until one handles fewer than {@link #size()} items or
         * {@code maxBatches} ran.
         *
         * @return how many items they handled
         */
        long runAll(int maxBatches, IntSupplier batch) {
            long total = 0;
            for (int i = 0; i < maxBatches; i++) {
                int n = batch.getAsInt();
                total += n;
                if (n < size) {
                    break;
                }
            }
            return total;
        }
    }
}
