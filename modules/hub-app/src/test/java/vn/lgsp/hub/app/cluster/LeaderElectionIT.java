package vn.lgsp.hub.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.lgsp.hub.app.flow.intake.IntakeAcceptService;
import vn.lgsp.hub.app.flow.intake.IntakePollRoute;
import vn.lgsp.hub.app.ops.RoutesController;
import vn.lgsp.hub.app.ops.metrics.HubMetrics;
import vn.lgsp.hub.app.support.HubInstance;
import vn.lgsp.hub.app.support.PopulationStub;
import vn.lgsp.hub.simulators.onestop.OneStopSimulator;
import vn.lgsp.hub.simulators.portal.PortalSimulator;

/**
 * Leadership of the polling routes (docs/ARCHITECTURE.md, "Several instances: who polls"). Two hubs, each with its own
 * embedded broker and data directory, share one PostgreSQL schema (fresh for each test): exactly one polls the
 * portal's intake list, the other keeps its route stopped, and takes over when the first stops; no dossier is
 * accepted twice. A single hub on the embedded H2 default polls on its own. The PostgreSQL tests are skipped when
 * PostgreSQL is absent, unless {@code hub.test.postgres.required} is true: then they fail.
 */
class LeaderElectionIT {

    private static final String URL = System.getProperty("hub.test.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getProperty("hub.test.postgres.user", "postgres");
    private static final String ROLE = IntakePollRoute.ROUTE_ID;
    private static final Duration LEASE = Duration.ofSeconds(4);
    private static final PortalSimulator PORTAL = new PortalSimulator(0);
    private static final PopulationStub POPULATION = new PopulationStub();
    private static final OneStopSimulator ONESTOP = new OneStopSimulator(0);

    private final List<HubInstance> hubs = new ArrayList<>();
    private String schema;

    @BeforeAll
    static void upstreams() {
        PORTAL.start();
        POPULATION.start();
        POPULATION.answer("XacThuc", PopulationStub.verified());
        ONESTOP.start();
    }

    @AfterAll
    static void stopUpstreams() {
        PORTAL.stop();
        POPULATION.stop();
        ONESTOP.stop();
    }

    @AfterEach
    void cleanUp() throws SQLException {
        hubs.forEach(HubInstance::close);
        if (schema != null) {
            try (Connection c = DriverManager.getConnection(URL, USER, "")) {
                c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @Test
    void aSingleHubOnTheEmbeddedDatabaseLeadsAndPolls(@TempDir Path data) {
        List<String> codes = codes(PORTAL.generateIntake(3, System.nanoTime()));
        HubInstance hub = start(data);
        await().atMost(Duration.ofSeconds(20)).until(() -> leads(hub) && polls(hub) > 0);
        await().atMost(Duration.ofSeconds(20)).until(() -> accepted(hub, codes) == codes.size());
        assertThat(routeView(hub)).containsEntry("status", "Started").containsEntry("leadership", "leader");
    }

    @Test
    void oneOfTwoHubsPollsAndTheOtherTakesOverWhenItStops(@TempDir Path a, @TempDir Path b) {
        requirePostgres();
        List<String> codes = new ArrayList<>(codes(PORTAL.generateIntake(5, System.nanoTime())));
        HubInstance first = start(a, postgres());
        HubInstance second = start(b, postgres());

        await().atMost(Duration.ofSeconds(20)).until(() -> leads(first) || leads(second));
        HubInstance leader = leads(first) ? first : second;
        HubInstance standby = leader == first ? second : first;
        await().atMost(Duration.ofSeconds(20)).until(() -> accepted(leader, codes) == codes.size());
        double polled = polls(leader);
        await().atMost(Duration.ofSeconds(10)).until(() -> polls(leader) >= polled + 2);

        assertThat(leads(standby)).isFalse();
        assertThat(polls(standby)).as("the standby hub never polled").isZero();
        assertThat(status(standby)).isEqualTo(ServiceStatus.Stopped);
        assertThat(routeView(standby)).containsEntry("status", "Stopped").containsEntry("leadership", "standby");
        assertThat(routeView(leader)).containsEntry("status", "Started").containsEntry("leadership", "leader");
        assertThat(gauge(leader)).isEqualTo(1.0);
        assertThat(gauge(standby)).isZero();

        codes.addAll(codes(PORTAL.generateIntake(5, System.nanoTime())));
        long stopped = System.nanoTime();
        leader.close();
        hubs.remove(leader);
        // a hub that stops lets go of its lock: the other takes it within a retry interval, not a lease
        await().atMost(LEASE).until(() -> leads(standby));
        Duration takeover = Duration.ofNanos(System.nanoTime() - stopped);
        System.out.println("LeaderElectionIT: takeover after a normal stop took " + takeover.toMillis() + " ms");
        await().atMost(Duration.ofSeconds(20)).until(() -> accepted(standby, codes) == codes.size());
        assertThat(polls(standby)).isPositive();
        assertThat(status(standby)).isEqualTo(ServiceStatus.Started);
        assertThat(duplicates(standby)).as("dossiers accepted more than once").isEmpty();
    }

    @Test
    void aHubThatLosesTheDatabaseStopsPollingAndIsReplacedWithinTheLease(@TempDir Path a, @TempDir Path b)
            throws Exception {
        requirePostgres();
        HubInstance first = start(a, postgres());
        await().atMost(Duration.ofSeconds(20)).until(() -> leads(first));
        HubInstance second = start(b, postgres());
        assertThat(leads(second)).isFalse();

        // the leader's database connections go away without its lock being released, as when its machine is lost:
        // its lock row stays until the lease runs out
        long cut = System.nanoTime();
        first.bean(com.zaxxer.hikari.HikariDataSource.class).close();
        await().atMost(Duration.ofSeconds(5)).until(() -> !leads(first) && status(first) == ServiceStatus.Stopped);
        await().atMost(LEASE.plusSeconds(3)).until(() -> leads(second));
        Duration takeover = Duration.ofNanos(System.nanoTime() - cut);
        System.out.println("LeaderElectionIT: takeover after the leader lost its database took "
                + takeover.toMillis() + " ms");
        assertThat(takeover).isGreaterThan(LEASE.minusSeconds(1));
        List<String> codes = codes(PORTAL.generateIntake(3, System.nanoTime()));
        await().atMost(Duration.ofSeconds(20)).until(() -> accepted(second, codes) == codes.size());
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private HubInstance start(Path data, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--hub.connector.population.address=" + POPULATION.address(),
                "--hub.connector.onestop.base-url=" + ONESTOP.baseUrl(),
                "--hub.flow.intake.poll.interval=1s",
                "--hub.flow.intake.verification.max-delay=1s",
                "--hub.flow.document.poll.enabled=false",
                "--hub.cluster.lease=" + LEASE.toMillis() + "ms",
                "--hub.cluster.heartbeat=500ms",
                "--hub.cluster.retry-interval=200ms"));
        args.addAll(List.of(extra));
        HubInstance hub = HubInstance.start(data, PORTAL.baseUrl(), args.toArray(String[]::new));
        hubs.add(hub);
        return hub;
    }

    private String[] postgres() {
        return new String[] {"--spring.profiles.active=postgres",
                "--spring.datasource.url=" + URL + "?currentSchema=" + schema,
                "--spring.datasource.username=" + USER, "--spring.flyway.schemas=" + schema};
    }

    private void requirePostgres() {
        try (Connection c = DriverManager.getConnection(URL, USER, "")) {
            c.isValid(2);
        } catch (SQLException e) {
            if (Boolean.getBoolean("hub.test.postgres.required")) {
                fail("PostgreSQL is not reachable at " + URL + " and hub.test.postgres.required=true");
            }
            Assumptions.abort("PostgreSQL is not reachable at " + URL);
        }
        schema = "hub_lead_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static List<String> codes(List<Map<String, Object>> items) {
        return items.stream().map(i -> (String) i.get("MaHoSo")).toList();
    }

    private static boolean leads(HubInstance hub) {
        return hub.bean(JdbcLockClusterService.class).leads(ROLE);
    }

    private static ServiceStatus status(HubInstance hub) {
        return hub.bean(CamelContext.class).getRouteController().getRouteStatus(ROLE);
    }

    private static double polls(HubInstance hub) {
        return hub.bean(MeterRegistry.class).find(HubMetrics.INTAKE_POLLS).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private static double gauge(HubInstance hub) {
        return hub.bean(MeterRegistry.class).get(HubMetrics.CLUSTER_LEADER).tag(HubMetrics.ROLE, ROLE).gauge().value();
    }

    private static Map<String, Object> routeView(HubInstance hub) {
        return hub.bean(RoutesController.class).routes().stream().filter(r -> ROLE.equals(r.get("id"))).findFirst()
                .orElseThrow();
    }

    /** How many of the dossiers have an intake exchange in the shared exchange log. */
    private static int accepted(HubInstance hub, List<String> codes) {
        JdbcTemplate jdbc = hub.bean(JdbcTemplate.class);
        return (int) codes.stream().filter(c -> jdbc.queryForObject(
                "SELECT count(*) FROM exchange WHERE flow = ? AND subject_key = ?", Integer.class,
                IntakeAcceptService.FLOW, c) > 0).count();
    }

    private static List<String> duplicates(HubInstance hub) {
        return hub.bean(JdbcTemplate.class).queryForList("SELECT subject_key FROM exchange WHERE flow = ?"
                + " GROUP BY subject_key HAVING count(*) > 1", String.class, IntakeAcceptService.FLOW);
    }
}
