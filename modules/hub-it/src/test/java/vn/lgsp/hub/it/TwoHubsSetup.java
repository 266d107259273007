package vn.lgsp.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import vn.lgsp.hub.simulators.portal.PortalSimulator;
import org.springframework.util.FileSystemUtils;

/**
 * The production set-up of DESIGN.md §6 for black-box tests (TwoHubsIT, DrillsIT): a broker instance of the test's own
 * (the real Artemis distribution, made and started by {@code scripts/artemis} with {@code config/broker.xml}, on a free
 * port), a fresh schema in a PostgreSQL database, and two hub processes with profile {@code production} sharing both.
 * The broker can be stopped and started again ({@link #artemis}); {@link #close} stops everything, keeping the hubs'
 * data and the broker instance for a post-mortem unless the test said it {@link #passed()}.
 *
 * <p>Needs the Artemis distribution in the local Maven repository ({@code scripts/artemis install} fetches it) and
 * PostgreSQL; without either the test is skipped, unless {@code hub.test.artemis.required} or
 * {@code hub.test.postgres.required} is true, which makes it fail.
 */
final class TwoHubsSetup implements AutoCloseable {

    static final String ARTEMIS_VERSION = System.getProperty("hub.test.artemis.version", "2.40.0");
    static final boolean ARTEMIS_REQUIRED = Boolean.getBoolean("hub.test.artemis.required");
    /** The machine's shared PostgreSQL; a test may use a database of its own instead ({@link #database}). */
    static final String PG_URL = System.getProperty("hub.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String PG_USER = System.getProperty("hub.test.postgres.user", "postgres");
    static final boolean PG_REQUIRED = Boolean.getBoolean("hub.test.postgres.required");
    static final String OPERATOR_KEY = "two-hubs-operator";

    private static final Pattern DELIVERED = Pattern.compile(
            "(?m)^hub_exchanges_delivered_total\\{[^}]*flow=\"dossier-sync\"[^}]*} ([0-9.E]+)");

    private final CrashHarness run;
    private final Path dir;
    private final Path repo;
    private final String schema;
    private final List<HubProcess> hubs = new ArrayList<>();
    private String pgUrl = PG_URL;
    private String pgUser = PG_USER;
    private Map<String, String> artemisEnv;
    private boolean brokerStarted;
    private boolean schemaCreated;
    private boolean passed;

    /** @param prefix of the run's directory under the work directory and of its schema */
    TwoHubsSetup(CrashHarness run, String prefix) {
        this.run = run;
        this.repo = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();
        this.dir = HubProcess.workDir().resolve(prefix + "-" + System.currentTimeMillis());
        this.schema = prefix.replace('-', '_') + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Another PostgreSQL than the shared one (call before {@link #createSchema}), e.g. a drill's private cluster. */
    TwoHubsSetup database(String url, String user) {
        this.pgUrl = url;
        this.pgUser = user;
        return this;
    }

    Path dir() {
        return dir;
    }

    Path repo() {
        return repo;
    }

    String schema() {
        return schema;
    }

    List<HubProcess> hubs() {
        return hubs;
    }

    String brokerUrl() {
        return "tcp://127.0.0.1:" + artemisEnv.get("ARTEMIS_PORT");
    }

    /** Skips (or fails, with hub.test.artemis.required) unless the distribution is at hand without network. */
    void requireArtemisDistribution() {
        String m2 = System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        Path tarball = Path.of(m2, "org", "apache", "activemq", "apache-artemis", ARTEMIS_VERSION,
                "apache-artemis-" + ARTEMIS_VERSION + "-bin.tar.gz");
        Path unpacked = artemisDataDir().resolve("artemis-dist").resolve("apache-artemis-" + ARTEMIS_VERSION);
        if (Files.isRegularFile(tarball) || Files.isDirectory(unpacked)) {
            return;
        }
        String message = "Artemis " + ARTEMIS_VERSION + " distribution not in " + tarball
                + "; fetch it once with scripts/artemis install";
        if (ARTEMIS_REQUIRED) {
            fail(message + " (hub.test.artemis.required=true)");
        }
        Assumptions.assumeTrue(false, message + " (skipped; -Dhub.test.artemis.required=true makes this fail)");
    }

    /** Shared by the runs of this module: the unpacked distribution is kept under target/ between runs. */
    private static Path artemisDataDir() {
        return HubProcess.workDir().resolve("artemis");
    }

    /** A broker instance of this run's own, on a free port, made and started by scripts/artemis. */
    void startBroker() {
        artemisEnv = new HashMap<>();
        artemisEnv.put("HUB_DATA_DIR", artemisDataDir().toString());
        artemisEnv.put("ARTEMIS_INSTANCE", dir.resolve("broker").toString());
        artemisEnv.put("ARTEMIS_PORT", Integer.toString(HubProcess.freePort()));
        artemisEnv.put("ARTEMIS_HTTP_PORT", "none");
        artemisEnv.put("HUB_BROKER_USER", "hub");
        artemisEnv.put("HUB_BROKER_PASSWORD", UUID.randomUUID().toString());
        artemisEnv.put("JAVA_HOME", System.getProperty("java.home"));
        log("starting Artemis with scripts/artemis start (instance " + dir.resolve("broker") + ")");
        brokerStarted = true;
        log(artemis("start").trim());
    }

    /** Runs {@code scripts/artemis <command>} for this run's instance; fails the test when it fails. */
    String artemis(String command) {
        try {
            ProcessBuilder pb = new ProcessBuilder("bash", repo.resolve("scripts/artemis").toString(), command)
                    .directory(repo.toFile())
                    .redirectErrorStream(true);
            pb.environment().putAll(artemisEnv);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("scripts/artemis " + command + " failed:\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void createSchema() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
            schemaCreated = true;
        }
    }

    /**
     * Sets up (does not start) two hubs with profile production on this broker and schema, delivering to
     * {@code portal}; the operator key {@link #OPERATOR_KEY} reads their Prometheus endpoints.
     */
    List<HubProcess> installHubs(PortalSimulator portal) throws IOException {
        Path clients = Files.writeString(dir.resolve("clients.yml"), """
                clients:
                  - id: onestop
                    api-key-sha256: [%s]
                    services: [dossier.events, exchanges.read]
                operators:
                  - id: ops
                    api-key-sha256: [%s]
                """.formatted(sha256(HubClient.DEFAULT_API_KEY), sha256(OPERATOR_KEY)));
        for (int n = 1; n <= 2; n++) {
            hubs.add(HubProcess.builder()
                    .dataDir(dir.resolve("hub-" + n))
                    .logFile(dir.resolve("hub-" + n + ".log"))
                    .portalUrl(portal.baseUrl())
                    .jvmOption("-Xmx384m")
                    .argument("--spring.profiles.active=production")
                    .argument("--HUB_BROKER_URL=" + brokerUrl())
                    .argument("--HUB_BROKER_USER=hub")
                    .argument("--HUB_BROKER_PASSWORD=" + artemisEnv.get("HUB_BROKER_PASSWORD"))
                    .argument("--HUB_DB_URL=" + pgUrl + (pgUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema)
                    .argument("--HUB_DB_USER=" + pgUser)
                    .argument("--spring.flyway.default-schema=" + schema)
                    .argument("--HUB_CLIENTS_FILE=" + clients.toUri())
                    .argument("--HUB_PORTAL_USERNAME=" + PortalSimulator.DEFAULT_USERNAME)
                    .argument("--HUB_PORTAL_PASSWORD=" + PortalSimulator.DEFAULT_PASSWORD)
                    .argument("--HUB_PORTAL_UNIT_CODE=000.00.00.H56")
                    // not called by these tests; required by the production profile
                    .argument("--HUB_POPULATION_URL=http://127.0.0.1:9/ws/population")
                    .argument("--HUB_ONESTOP_URL=http://127.0.0.1:9")
                    .argument("--HUB_AXIS_URL=http://127.0.0.1:9")
                    .argument("--HUB_AXIS_SYSTEM_ID=lgsp-h56")
                    .argument("--HUB_AXIS_SECRET=axis-secret")
                    .argument("--HUB_BUSINESS_URL=http://127.0.0.1:9")
                    .argument("--HUB_BUSINESS_API_KEY=business-key")
                    // polling is another matter (one poller among instances); these tests are about pushed events
                    .argument("--hub.flow.intake.poll.enabled=false")
                    .argument("--hub.flow.document.poll.enabled=false")
                    .build());
        }
        return hubs;
    }

    /** Starts both hubs and waits until both are healthy. */
    void startHubs() {
        log("starting two hubs (profile production) against " + brokerUrl() + " and schema " + schema);
        hubs.forEach(HubProcess::start);
        hubs.forEach(HubProcess::awaitHealthy);
        log("hubs healthy on " + hubs.get(0).baseUrl() + " and " + hubs.get(1).baseUrl());
    }

    /** {@code hub.exchanges.delivered} of the dossier flow, from the hub's Prometheus endpoint. */
    static double delivered(HubProcess hub) throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(hub.baseUrl() + "/actuator/prometheus")).header("X-API-Key", OPERATOR_KEY)
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("prometheus of %s", hub.baseUrl()).isEqualTo(200);
        Matcher m = DELIVERED.matcher(r.body());
        double total = 0;
        while (m.find()) {
            total += Double.parseDouble(m.group(1));
        }
        return total;
    }

    /** The checks all held: the hubs' data and the broker instance may go. */
    void passed() {
        passed = true;
    }

    /** Kills the hubs, stops the broker, drops the schema; keeps data for a post-mortem unless {@link #passed()}. */
    @Override
    public void close() throws IOException, SQLException {
        try {
            for (HubProcess hub : hubs) {
                hub.kill();
                if (passed) {
                    hub.deleteDataAndJar();
                } else {
                    log("hub data kept for a post-mortem: " + hub.dataDir() + ", log " + hub.logFile());
                }
            }
        } finally {
            try {
                if (brokerStarted) {
                    log("stopping the broker: " + artemis("stop").trim());
                    if (passed) {
                        FileSystemUtils.deleteRecursively(dir.resolve("broker"));
                    } else {
                        log("broker instance kept for a post-mortem: " + dir.resolve("broker"));
                    }
                }
            } finally {
                if (schemaCreated) {
                    try (Connection c = connect(); Statement st = c.createStatement()) {
                        st.execute("DROP SCHEMA " + schema + " CASCADE");
                    }
                }
            }
        }
    }

    /** A connection to the database itself; skips or fails the test when PostgreSQL cannot be reached. */
    Connection connect() {
        Properties props = new Properties();
        props.setProperty("user", pgUser);
        props.setProperty("password", "");
        props.setProperty("connectTimeout", "5");
        try {
            return DriverManager.getConnection(pgUrl, props);
        } catch (SQLException e) {
            String message = "PostgreSQL not reachable at " + pgUrl + " as " + pgUser + ": " + e.getMessage();
            if (PG_REQUIRED) {
                return fail(message + " (hub.test.postgres.required=true)", e);
            }
            Assumptions.assumeTrue(false, message + " (skipped; -Dhub.test.postgres.required=true makes this fail)");
            throw new IllegalStateException("unreachable");
        }
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void log(String message) {
        run.log(message);
    }
}
