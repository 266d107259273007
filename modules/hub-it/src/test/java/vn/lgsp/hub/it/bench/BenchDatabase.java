package vn.lgsp.hub.it.bench;

import static vn.lgsp.hub.it.bench.BenchSupport.log;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.lgsp.hub.it.bench.BenchSupport.Options;

/**
 * A fresh PostgreSQL database for one benchmark run of the hub with its exchange log on PostgreSQL (the production
 * configuration's store), dropped again by {@link #close()}. Options: {@code --pg-url} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}, the server whose database is replaced by a fresh one),
 * {@code --pg-user} ({@code postgres}) and {@code --pg-password} (empty).
 */
final class BenchDatabase implements AutoCloseable {

    private final String serverUrl;
    private final String user;
    private final String password;
    private final String name;

    private BenchDatabase(String serverUrl, String user, String password, String name) {
        this.serverUrl = serverUrl;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    /** Creates {@code <prefix>_<yyyyMMdd_HHmmss>} on the server of {@code --pg-url}. */
    static BenchDatabase create(Options options, String prefix) throws SQLException {
        BenchDatabase db = new BenchDatabase(options.get("pg-url", "jdbc:postgresql://127.0.0.1:5432/test"),
                options.get("pg-user", "postgres"), options.get("pg-password", ""),
                prefix + "_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss")));
        try (Connection c = DriverManager.getConnection(db.serverUrl, db.user, db.password);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + db.name);
        }
        log("postgres: database " + db.name + " created at " + db.serverUrl);
        return db;
    }

    /** The hub's arguments that put its exchange log on this database. */
    List<String> hubArguments() {
        return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + url(),
                "--spring.datasource.username=" + user, "--spring.datasource.password=" + password);
    }

    String url() {
        return serverUrl.replaceFirst("^(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
    }

    /**
     * Transactions committed in this database so far ({@code pg_stat_database.xact_commit}): per call or event, a
     * figure of the exchange log's write path that the machine's load does not change. A backend reports to the
     * statistics at most once a second: wait that long after the last write before reading a final count.
     */
    long commits() throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl, user, password);
             Statement s = c.createStatement()) {
            // the statistics collector reports with a delay; a fresh snapshot is asked for first
            s.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet rs = s.executeQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = '"
                    + name + "'")) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    /** The exchanges of {@code flow} by state. */
    Map<String, Long> exchangesByState(String flow) throws SQLException {
        Map<String, Long> byState = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url(), user, password);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT state, count(*) FROM exchange WHERE flow = '" + flow
                     + "' GROUP BY state ORDER BY state")) {
            while (rs.next()) {
                byState.put(rs.getString(1), rs.getLong(2));
            }
        }
        return byState;
    }

    @Override
    public void close() {
        try (Connection c = DriverManager.getConnection(serverUrl, user, password);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            log("postgres: database " + name + " dropped");
        } catch (SQLException e) {
            log("postgres: could not drop " + name + ": " + e.getMessage());
        }
    }
}
