package vn.lgsp.hub.audit;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** A private in-memory H2 database (plain H2 mode), migrated by Flyway, shut down on close. */
final class H2Memory implements TestDatabase {

    /** Lets concurrent sessions wait for each other's row locks (20 s) instead of failing at once. */
    static final String WAIT_FOR_LOCKS = ";LOCK_TIMEOUT=20000";

    private final String prefix;
    private final String options;
    private JdbcDataSource dataSource;

    /** @param options appended to the URL, e.g. {@link #WAIT_FOR_LOCKS}, or empty */
    H2Memory(String prefix, String options) {
        this.prefix = prefix;
        this.options = options;
    }

    /** A new, empty in-memory database named {@code prefix} and a random suffix, kept until it is shut down. */
    static JdbcDataSource dataSource(String prefix, String options) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + prefix + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1"
                + options);
        ds.setUser("sa");
        ds.setPassword("");
        return ds;
    }

    @Override
    public DataSource open() {
        dataSource = dataSource(prefix, options);
        TestDatabase.migrate(dataSource);
        return dataSource;
    }

    @Override
    public void close() {
        if (dataSource != null) {
            new JdbcTemplate(dataSource).execute("SHUTDOWN");
        }
    }
}
