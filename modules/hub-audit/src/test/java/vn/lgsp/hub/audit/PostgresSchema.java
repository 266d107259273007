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
 * A schema of one test class's own on PostgreSQL, migrated by Flyway and dropped on close, so that runs (and
 * engineers) sharing one database do not collide.
 *
 * <p>System properties (set by the parent pom for failsafe): {@code hub.test.postgres.url},
 * {@code hub.test.postgres.user} (empty password, trust auth) and {@code hub.test.postgres.required}: when true, an
 * unreachable PostgreSQL fails the test instead of skipping it.
 */
final class PostgresSchema implements TestDatabase {

    private static final String URL = System.getProperty("hub.test.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getProperty("hub.test.postgres.user", "postgres");
    private static final boolean REQUIRED = Boolean.getBoolean("hub.test.postgres.required");

    private final String schema;
    private final String poolName;
    private final int poolSize;
    private HikariDataSource dataSource;
    private boolean schemaCreated;

    /**
     * @param name     names the schema ({@code name_} and a random suffix) and the connection pool
     * @param poolSize connections the tests of the class use at once
     */
    PostgresSchema(String name, int poolSize) {
        this.schema = name + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        this.poolName = name.replace('_', '-');
        this.poolSize = poolSize;
    }

    @Override
    public DataSource open() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
            schemaCreated = true;
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        config.setUsername(USER);
        config.setPassword("");
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(10_000);
        config.setPoolName(poolName);
        dataSource = new HikariDataSource(config);
        TestDatabase.migrate(dataSource, schema);
        return dataSource;
    }

    @Override
    public void close() throws SQLException {
        if (dataSource != null) {
            dataSource.close();
        }
        if (schemaCreated) {
            try (Connection c = connect(); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    /** A connection to the database itself; skips or fails the whole class when PostgreSQL cannot be reached. */
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
                return fail(message + " (hub.test.postgres.required=true: start PostgreSQL, e.g."
                        + " pg_ctlcluster <version> main start, or unset the property to skip)", e);
            }
            Assumptions.assumeTrue(false, message + " (skipped; -Dhub.test.postgres.required=true makes this fail)");
            throw new IllegalStateException("unreachable");
        }
    }
}
