package vn.lgsp.hub.audit;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The exchange log contract on PostgreSQL, in a schema of its own that is dropped afterwards (see
 * {@link PostgresSchema} for the system properties).
 */
class ExchangeLogPostgresIT extends ExchangeLogContract {

    ExchangeLogPostgresIT() {
        super(new PostgresSchema("audit_it", 4));
    }

    @Override
    protected String currentSessionIdSql() {
        return "SELECT pg_backend_pid()";
    }

    @Override
    protected boolean isWaitingForLock(JdbcTemplate jdbc, long sessionId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT count(*) > 0 FROM pg_stat_activity WHERE pid = ? AND wait_event_type = 'Lock'",
                Boolean.class, (int) sessionId));
    }
}
