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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.it.EventFactory.Event;
import vn.lgsp.hub.simulators.portal.PortalSimulator;
import vn.lgsp.hub.simulators.portal.ReceivedCall;

/**
 * The production set-up (DESIGN.md §6): two hub instances with profile {@code production}, sharing nothing but an
 * external Artemis broker (the real distribution, configured with {@code config/broker.xml} by
 * {@code scripts/artemis}) and a PostgreSQL exchange log. Each dossier's events are sent alternately to the two
 * hubs; every event reaches the portal once, in order per dossier, and both hubs deliver.
 *
 * <p>Needs the Artemis distribution in the local Maven repository ({@code scripts/artemis install} fetches it) and
 * PostgreSQL at {@code hub.test.postgres.url}; without either the test is skipped, unless
 * {@code hub.test.artemis.required} or {@code hub.test.postgres.required} is true, which makes it fail.
 */
class TwoHubsIT {

    private static final String ARTEMIS_VERSION = System.getProperty("hub.test.artemis.version", "2.40.0");
    private static final boolean ARTEMIS_REQUIRED = Boolean.getBoolean("hub.test.artemis.required");
    private static final String PG_URL = System.getProperty("hub.test.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = System.getProperty("hub.test.postgres.user", "postgres");
    private static final boolean PG_REQUIRED = Boolean.getBoolean("hub.test.postgres.required");

    private static final int DOSSIERS = 12;
    private static final int PROGRESS_STEPS = 10;
    private static final int EVENTS = DOSSIERS * (PROGRESS_STEPS + 2);
    private static final int SENDERS = 4;
    private static final String OPERATOR_KEY = "two-hubs-operator";
    private static final Pattern DELIVERED = Pattern.compile(
            "(?m)^hub_exchanges_delivered_total\\{[^}]*flow=\"dossier-sync\"[^}]*} ([0-9.E]+)");

    /** Held so that the level sticks: the simulator logs every delayed reply at INFO. */
    private static final java.util.logging.Logger SIMULATOR_LOG = CrashHarness.quiet("vn.lgsp.hub.simulators");

    private final CrashHarness run = new CrashHarness("TwoHubsIT");
    private final String schema = "two_hubs_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final List<HubProcess> hubs = new ArrayList<>();
    private Path dir;
    private Path repo;
    private Map<String, String> artemisEnv;
    private boolean brokerStarted;
    private boolean schemaCreated;
    private boolean passed;
    private PortalSimulator portal;

    @BeforeEach
    void setUp() throws Exception {
        repo = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();
        dir = HubProcess.workDir().resolve("two-hubs-" + System.currentTimeMillis());
        Files.createDirectories(dir);
        requireArtemisDistribution();
        createSchema();
        startBroker();
        portal = new PortalSimulator(0);
        portal.start();
        // a little slower than the hubs accept, so that a backlog forms and both hubs' consumers take part
        portal.injectDelay(Duration.ofMillis(10), Integer.MAX_VALUE);
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            for (HubProcess hub : hubs) {
                hub.kill();
                if (passed) {
                    hub.deleteDataAndJar();
                } else {
                    log("hub data kept for a post-mortem: " + hub.dataDir() + ", log " + hub.logFile());
                }
            }
            if (portal != null) {
                portal.stop();
            }
        } finally {
            if (brokerStarted) {
                log("stopping the broker: " + artemis("stop").trim());
                if (passed) {
                    deleteTree(dir.resolve("broker"));
                } else {
                    log("broker instance kept for a post-mortem: " + dir.resolve("broker"));
                }
            }
            if (schemaCreated) {
                try (Connection c = connect(); Statement st = c.createStatement()) {
                    st.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }

    @Test
    void twoInstancesSharingBrokerAndDatabaseDeliverEveryEventOnceAndInOrderPerDossier() throws Exception {
        String brokerUrl = "tcp://127.0.0.1:" + artemisEnv.get("ARTEMIS_PORT");
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
                    .argument("--HUB_BROKER_URL=" + brokerUrl)
                    .argument("--HUB_BROKER_USER=hub")
                    .argument("--HUB_BROKER_PASSWORD=" + artemisEnv.get("HUB_BROKER_PASSWORD"))
                    .argument("--HUB_DB_URL=" + PG_URL + (PG_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema)
                    .argument("--HUB_DB_USER=" + PG_USER)
                    .argument("--spring.flyway.default-schema=" + schema)
                    .argument("--HUB_CLIENTS_FILE=" + clients.toUri())
                    .argument("--HUB_PORTAL_USERNAME=" + PortalSimulator.DEFAULT_USERNAME)
                    .argument("--HUB_PORTAL_PASSWORD=" + PortalSimulator.DEFAULT_PASSWORD)
                    .argument("--HUB_PORTAL_UNIT_CODE=000.00.00.H56")
                    // not called in this test; required by the production profile
                    .argument("--HUB_POPULATION_URL=http://127.0.0.1:9/ws/population")
                    .argument("--HUB_ONESTOP_URL=http://127.0.0.1:9")
                    .argument("--HUB_AXIS_URL=http://127.0.0.1:9")
                    .argument("--HUB_AXIS_SYSTEM_ID=lgsp-h56")
                    .argument("--HUB_AXIS_SECRET=axis-secret")
                    // polling is another matter (one poller among instances); this test is about pushed events
                    .argument("--hub.flow.intake.poll.enabled=false")
                    .argument("--hub.flow.document.poll.enabled=false")
                    .build());
        }
        log("starting two hubs (profile production) against " + brokerUrl + " and schema " + schema);
        hubs.forEach(HubProcess::start);
        hubs.forEach(HubProcess::awaitHealthy);
        log("hubs healthy on " + hubs.get(0).baseUrl() + " and " + hubs.get(1).baseUrl());

        EventFactory factory = new EventFactory(EventFactory.originFor(PROGRESS_STEPS + 2), 7);
        List<List<Event>> histories = new ArrayList<>();
        for (int d = 0; d < DOSSIERS; d++) {
            histories.add(factory.history(d + 1, PROGRESS_STEPS, false));
        }
        List<HubClient> clients2 = hubs.stream().map(h -> new HubClient(h.baseUrl())).toList();
        Map<String, String> exchangeIds = new ConcurrentHashMap<>();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        List<Future<?>> sent = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            int sender = s;
            sent.add(senders.submit(() -> {
                // this sender's dossiers, one event of each in turn; a dossier's next event only after the 202 of
                // the one before (the contract), and to the other hub
                List<List<Event>> mine = new ArrayList<>();
                for (int d = sender; d < DOSSIERS; d += SENDERS) {
                    mine.add(histories.get(d));
                }
                for (int i = 0; i < PROGRESS_STEPS + 2; i++) {
                    for (List<Event> history : mine) {
                        Event e = history.get(i);
                        int hub = (i + Integer.parseInt(e.dossierCode().substring(e.dossierCode().length() - 2)))
                                % 2;
                        HubClient.Reply reply = clients2.get(hub).postEvent(e.json());
                        assertThat(reply.status()).as("%s to hub %d: %s", e, hub + 1, reply.body()).isEqualTo(202);
                        exchangeIds.put(e.identity(), reply.exchangeId());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : sent) {
            f.get(120, TimeUnit.SECONDS);
        }
        senders.shutdown();
        log("all " + EVENTS + " events accepted, alternately by the two hubs; waiting for delivery");

        org.awaitility.Awaitility.await("all " + EVENTS + " events at the portal")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> portal.received().size() >= EVENTS);
        run.awaitDelivered(clients2.get(0), exchangeIds, SENDERS);
        List<ReceivedCall> received = portal.received();

        Map<String, Long> timesReceived = received.stream()
                .collect(Collectors.groupingBy(EventFactory::identity, Collectors.counting()));
        assertThat(timesReceived.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                .as("events delivered more than once").isEmpty();
        Set<String> expected = histories.stream().flatMap(List::stream).map(Event::identity)
                .collect(Collectors.toSet());
        assertThat(received.stream().map(EventFactory::identity).toList()).as("nothing but the events sent, once each")
                .containsExactlyInAnyOrderElementsOf(expected);
        Map<String, Integer> indexOf = new HashMap<>();
        histories.stream().flatMap(List::stream).forEach(e -> indexOf.put(e.identity(), e.index()));
        for (List<Event> history : histories) {
            String code = history.get(0).dossierCode();
            List<Integer> order = received.stream().filter(c -> code.equals(c.dossierCode()))
                    .map(c -> indexOf.get(EventFactory.identity(c))).toList();
            assertThat(order).as("order of dossier %s's events at the portal", code)
                    .containsExactlyElementsOf(history.stream().map(Event::index).toList());
        }

        // the counters move just after the exchange log says DELIVERED
        org.awaitility.Awaitility.await("both hubs' delivered counters add up to " + EVENTS)
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> delivered(hubs.get(0)) + delivered(hubs.get(1)) >= EVENTS);
        double first = delivered(hubs.get(0));
        double second = delivered(hubs.get(1));
        log("delivered by hub 1: " + (long) first + ", by hub 2: " + (long) second + "; portal calls "
                + portal.callCount() + ", replays of an accepted idempotency key " + portal.duplicateCount());
        assertThat(first).as("events hub 1 delivered").isPositive();
        assertThat(second).as("events hub 2 delivered").isPositive();
        assertThat(first + second).as("deliveries of both hubs together").isEqualTo(EVENTS);
        passed = true;
        log("done: " + EVENTS + " events over " + DOSSIERS + " dossiers, each delivered once and in order");
    }

    /** {@code hub.exchanges.delivered} of the dossier flow, from the hub's Prometheus endpoint. */
    private static double delivered(HubProcess hub) throws IOException, InterruptedException {
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

    /** Skips (or fails, with hub.test.artemis.required) unless the distribution is at hand without network. */
    private void requireArtemisDistribution() {
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
    private void startBroker() {
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

    /** Runs {@code scripts/artemis <command>}; fails the test when it fails. */
    private String artemis(String command) {
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

    private void createSchema() throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
            schemaCreated = true;
        }
    }

    /** A connection to the database itself; skips or fails the test when PostgreSQL cannot be reached. */
    private static Connection connect() {
        Properties props = new Properties();
        props.setProperty("user", PG_USER);
        props.setProperty("password", "");
        props.setProperty("connectTimeout", "5");
        try {
            return DriverManager.getConnection(PG_URL, props);
        } catch (SQLException e) {
            String message = "PostgreSQL not reachable at " + PG_URL + " as " + PG_USER + ": " + e.getMessage();
            if (PG_REQUIRED) {
                return fail(message + " (hub.test.postgres.required=true)", e);
            }
            Assumptions.assumeTrue(false, message + " (skipped; -Dhub.test.postgres.required=true makes this fail)");
            throw new IllegalStateException("unreachable");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String sha256(String key) {
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
