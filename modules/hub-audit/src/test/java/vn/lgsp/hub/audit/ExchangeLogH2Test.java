package vn.lgsp.hub.audit;

import org.springframework.jdbc.core.JdbcTemplate;

/** The exchange log contract on a private in-memory H2 database (plain H2 mode), migrated by Flyway. */
class ExchangeLogH2Test extends ExchangeLogContract {

    ExchangeLogH2Test() {
        // the concurrency tests hold a row lock while they check that the other session waits
        super(new H2Memory("audit_", H2Memory.WAIT_FOR_LOCKS));
    }

    @Override
    protected String currentSessionIdSql() {
        return "SELECT SESSION_ID()";
    }

    /**
     * H2 reports the blocker of a session waiting for a row lock (SELECT ... FOR UPDATE); an INSERT waiting for
     * another transaction's uncommitted row with the same key shows no blocker, only the statement it is executing.
     */
    @Override
    protected boolean isWaitingForLock(JdbcTemplate jdbc, long sessionId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT COUNT(*) > 0 FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = ?"
                        + " AND (BLOCKER_ID IS NOT NULL OR EXECUTING_STATEMENT LIKE 'INSERT INTO %')",
                Boolean.class, sessionId));
    }
}
