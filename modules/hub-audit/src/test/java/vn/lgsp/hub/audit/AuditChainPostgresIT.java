package vn.lgsp.hub.audit;

import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * The hash chain and retention contract on PostgreSQL, in a schema of its own that is dropped afterwards. Same system
 * properties as {@link ExchangeLogPostgresIT}: {@code hub.test.postgres.url}, {@code hub.test.postgres.user},
 * {@code hub.test.postgres.required}.
 */
class AuditChainPostgresIT extends AuditChainContract {

    private static final String URL = System.getProperty("hub.test.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getProperty("hub.test.postgres.user", "postgres");
    private static final boolean REQUIRED = Boolean.getBoolean("hub.test.postgres.required");

    private final String schema = "chain_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    private HikariDataSource dataSource;
    private boolean schemaCreated;

    @Override
    protected DataSource openDatabase() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
            schemaCreated = true;
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        config.setUsername(USER);
        config.setPassword("");
        // two writers, two sealers and the test thread in the concurrency test
        config.setMaximumPoolSize(6);
        config.setConnectionTimeout(10_000);
        config.setPoolName("chain-it");
        dataSource = new HikariDataSource(config);
        migrate(dataSource, schema);
        return dataSource;
    }

    @Override
    protected void closeDatabase() throws SQLException {
        if (dataSource != null) {
            dataSource.close();
        }
        if (schemaCreated) {
            try (Connection c = connect(); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static Connection connect() {
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("password", "");
        props.setProperty("connectTimeout", "5");
        props.setProperty("loginTimeout", "10");
        try {
            return DriverManager.getConnection(URL, props);
        } catch (SQLException e) {
            String message = "PostgreSQL not reachable at " + URL + " as " + USER + ": " + e.getMessage();
            if (REQUIRED) {
                return fail(message + " (hub.test.postgres.required=true)", e);
            }
            Assumptions.assumeTrue(false, message + " (skipped; -Dhub.test.postgres.required=true makes this fail)");
            throw new IllegalStateException("unreachable");
        }
    }
}
