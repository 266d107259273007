package vn.lgsp.hub.connector.testkit;

import java.time.Clock;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import vn.lgsp.hub.audit.ExchangeLog;

/**
 * Opt-in: the hub's exchange log (hub-audit's store and its real Flyway migrations) in a private in-memory H2
 * database, for a connector whose flow records exchanges. Needs {@code vn.lgsp.hub:hub-audit} and
 * {@code com.h2database:h2} in the connector's own test dependencies. {@link #register} points Spring's data source
 * at it; {@link #assertThatLog()} checks what was recorded.
 */
public final class InMemoryExchangeLog implements AfterAllCallback {

    private JdbcDataSource dataSource;
    private ExchangeLog log;

    /** Adds {@code spring.datasource.*} for this database; the migrations already ran. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> dataSource().getURL());
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
    }

    /** The database, created and migrated when first asked for. */
    public synchronized JdbcDataSource dataSource() {
        if (dataSource == null) {
            JdbcDataSource created = new JdbcDataSource();
            created.setURL("jdbc:h2:mem:exchange-log-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            created.setUser("sa");
            created.setPassword("");
            Flyway.configure().dataSource(created).load().migrate();
            dataSource = created;
        }
        return dataSource;
    }

    /** hub-audit's store over this database. */
    public synchronized ExchangeLog log() {
        if (log == null) {
            log = new ExchangeLog(new JdbcTemplate(dataSource()), Clock.systemUTC());
        }
        return log;
    }

    public ExchangeLogAssert assertThatLog() {
        return new ExchangeLogAssert(log(), new JdbcTemplate(dataSource()));
    }


    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (dataSource != null) {
            new JdbcTemplate(dataSource).execute("SHUTDOWN");
            dataSource = null;
            log = null;
        }
    }
}
