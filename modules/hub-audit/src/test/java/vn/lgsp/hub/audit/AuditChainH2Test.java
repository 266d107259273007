package vn.lgsp.hub.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import vn.lgsp.hub.audit.chain.ChainSealer;
import vn.lgsp.hub.audit.chain.ChainVerification;
import vn.lgsp.hub.audit.chain.ChainVerifier;

/** The hash chain and retention contract on a private in-memory H2 database, migrated by Flyway. */
class AuditChainH2Test extends AuditChainContract {

    AuditChainH2Test() {
        // concurrent sealers wait for each other's lock on the chain head
        super(new H2Memory("chain_", H2Memory.WAIT_FOR_LOCKS));
    }

    @Test
    void eventsWrittenBeforeTheChainExistedAreSealedByTheFirstRun() {
        JdbcDataSource old = H2Memory.dataSource("pre_v4_", "");
        JdbcTemplate oldJdbc = new JdbcTemplate(old);
        try {
            Flyway.configure().dataSource(old).target("3").load().migrate();
            MutableClock oldClock = new MutableClock(T0);
            ExchangeLog oldLog = new ExchangeLog(oldJdbc, oldClock);
            for (int i = 0; i < 3; i++) {
                String id = oldLog.create(new NewExchange(FLOW, "updateStatus", "portal", null, "pre-" + i, "S-" + i,
                        1L, null, null, null)).id();
                oldClock.advance(Duration.ofSeconds(1));
                oldLog.changeState(id, ExchangeState.DELIVERED, ExchangeStep.DELIVERED, null, null);
            }

            Flyway.configure().dataSource(old).load().migrate();
            DataSourceTransactionManager tm = new DataSourceTransactionManager(old);
            ChainVerifier oldVerifier = new ChainVerifier(oldJdbc, tm, 100);
            assertThat(oldVerifier.verify()).extracting(ChainVerification::ok, ChainVerification::unsealed)
                    .containsExactly(true, 6L);
            assertThat(new ChainSealer(oldJdbc, tm, oldClock, 100).seal(10)).isEqualTo(6);

            assertThat(oldJdbc.queryForList("SELECT chain_seq FROM exchange_event ORDER BY id", Long.class))
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(oldVerifier.verify()).extracting(ChainVerification::ok, ChainVerification::verified)
                    .containsExactly(true, 6L);
        } finally {
            oldJdbc.execute("SHUTDOWN");
        }
    }
}
