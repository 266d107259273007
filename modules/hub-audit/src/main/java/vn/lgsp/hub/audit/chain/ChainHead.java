package vn.lgsp.hub.audit.chain;

import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

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
}
