package vn.lgsp.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.lgsp.hub.it.EventFactory.Event;
import vn.lgsp.hub.simulators.portal.PortalFault;
import vn.lgsp.hub.simulators.portal.PortalSimulator;
import vn.lgsp.hub.simulators.portal.ReceivedCall;

/**
 * Failure drills (docs/RELIABILITY.md) on the production set-up of {@link TwoHubsSetup}: two hubs on a real Artemis
 * and PostgreSQL, clients sending dossier events to both at a steady rate, a fault, recovery, and then a count at the
 * portal simulator: every event that got a 202 arrived exactly once, in order per dossier.
 *
 * <ol>
 *   <li>one of the two hubs killed with {@code kill -9} under load, then started again;</li>
 *   <li>the broker stopped ({@code scripts/artemis stop}) for the outage: callers get 503, both hubs reconnect;</li>
 *   <li>the portal down (every call answered 503) for the outage: the backlog drains afterwards, in order;</li>
 *   <li>PostgreSQL (a private cluster, {@link PrivatePostgres}) stopped with {@code -m immediate} for the outage:
 *       callers get 503, the hubs recover.</li>
 * </ol>
 *
 * <p>{@code hub.drill.outage} sets the broker's and the database's outage, {@code hub.drill.portal-outage} the portal's
 * ({@code 30s}, {@code 5m}, ISO-8601 or seconds); by default the short versions for CI: 10 s and 30 s. {@code scripts/drills --long} runs the
 * long versions (30 s, 30 s, 5 min). A client retries a 503 or a connection error with the same event, so "accepted"
 * (got its 202) stays well-defined.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DrillsIT {

    private static final int DOSSIERS = 16;
    private static final int SENDERS = 4;
    /** After each 202, per sender: four senders give the hubs at most ~80 events/s together. */
    private static final Duration PAUSE = Duration.ofMillis(50);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(250);
    /** Load before the fault, and after recovery before the clients stop. */
    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration AFTER = Duration.ofSeconds(10);
    /**
     * No delivery for this long fails a drill. After a long outage a dossier's next retry round comes within the
     * retry policy's max-delay (5 min by default), so a shorter bound would call a healthy drain a stall.
     */
    private static final Duration STALL = Duration.ofMinutes(6);

    /** Held so that the level sticks: the simulator logs every delayed reply at INFO. */
    private static final java.util.logging.Logger SIMULATOR_LOG = CrashHarness.quiet("vn.lgsp.hub.simulators");

    private CrashHarness run;
    private TwoHubsSetup setup;
    private PortalSimulator portal;
    private PrivatePostgres postgres;

    /** What one drill counted. */
    record Figures(String drill, Duration outage, int accepted, int delivered, int duplicatesDelivered,
                   int portalDuplicateAnswers, int unavailable, int connectionErrors, int otherFailures,
                   double drainSeconds) {
        @Override
        public String toString() {
            return "DRILL RESULT " + drill + ": outage " + outage.toSeconds() + " s, accepted " + accepted
                    + ", delivered " + delivered + ", duplicates delivered " + duplicatesDelivered
                    + ", portal duplicate answers " + portalDuplicateAnswers + ", 503s " + unavailable
                    + ", connection errors " + connectionErrors + ", other 5xx " + otherFailures
                    + ", drained " + String.format("%.1f", drainSeconds) + " s after the clients stopped";
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            if (setup != null) {
                setup.close();
            }
        } finally {
            if (portal != null) {
                portal.stop();
            }
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    @Order(1)
    void oneOfTwoHubsKilledWithKill9UnderLoadThenRestarted() throws Exception {
        start("drill-kill9", null);
        Figures f = drill("kill9", Duration.ZERO, () -> {
            HubProcess victim = setup.hubs().get(1);
            log("kill -9 of hub 2 (pid " + victim.pid() + ")");
            victim.kill();
        }, () -> {
            log("starting hub 2 again on the same data");
            setup.hubs().get(1).start().awaitHealthy();
        });
        assertThat(f.connectionErrors() + f.unavailable()).as("calls that failed while hub 2 was gone").isPositive();
        setup.passed();
    }

    @Test
    @Order(2)
    void brokerStoppedUnderLoadCallersGet503AndBothHubsReconnect() throws Exception {
        start("drill-broker", null);
        Duration outage = outage("hub.drill.outage", Duration.ofSeconds(10));
        Figures f = drill("broker", outage, () -> {
            log("scripts/artemis stop: " + setup.artemis("stop").trim());
        }, () -> {
            log("scripts/artemis start: " + setup.artemis("start").trim());
            awaitBothReady();
        });
        assertThat(f.unavailable()).as("503s while the broker was down").isPositive();
        setup.passed();
    }

    @Test
    @Order(3)
    void portalDownUnderLoadBacklogDrainsInOrder() throws Exception {
        start("drill-portal", null);
        Duration outage = outage("hub.drill.portal-outage", Duration.ofSeconds(30));
        drill("portal", outage, () -> {
            log("portal down: every call answered 503");
            portal.clearInjections();
            portal.injectFault(PortalFault.HTTP_503, Integer.MAX_VALUE);
        }, () -> {
            log("portal up again");
            portal.clearInjections();
            portal.injectDelay(Duration.ofMillis(5), Integer.MAX_VALUE);
        });
        setup.passed();
    }

    @Test
    @Order(4)
    void postgresStoppedUnderLoadCallersGet503AndHubsRecover() throws Exception {
        Optional<java.nio.file.Path> bin = PrivatePostgres.binaries();
        if (bin.isEmpty()) {
            String message = "no PostgreSQL binaries under /usr/lib/postgresql/<version>/bin";
            if (TwoHubsSetup.PG_REQUIRED) {
                fail(message + " (hub.test.postgres.required=true)");
            }
            Assumptions.assumeTrue(false, message + " (skipped)");
        }
        run = new CrashHarness("DrillsIT");
        postgres = PrivatePostgres.create(bin.get(), run);
        start("drill-postgres", postgres);
        Duration outage = outage("hub.drill.outage", Duration.ofSeconds(10));
        Figures f = drill("postgres", outage, postgres::stopImmediately, () -> {
            postgres.start();
            awaitBothReady();
        });
        assertThat(f.unavailable()).as("503s while PostgreSQL was down").isPositive();
        setup.passed();
    }

    /** The broker, a schema, the portal and two hubs, started. */
    private void start(String name, PrivatePostgres database) throws Exception {
        if (run == null) {
            run = new CrashHarness("DrillsIT");
        }
        setup = new TwoHubsSetup(run, name);
        if (database != null) {
            setup.database(database.jdbcUrl(), "postgres");
        }
        setup.requireArtemisDistribution();
        setup.createSchema();
        setup.startBroker();
        portal = new PortalSimulator(0);
        portal.start();
        // a little latency, as a real portal has, so that deliveries overlap the fault
        portal.injectDelay(Duration.ofMillis(5), Integer.MAX_VALUE);
        setup.installHubs(portal);
        setup.startHubs();
    }

    /**
     * Load, the fault after {@link #WARM_UP}, {@code outage} later the recovery (which returns once the system is
     * whole again), {@link #AFTER} more load, the clients stop; then waits for the backlog and counts at the portal.
     */
    private Figures drill(String name, Duration outage, Step fault, Step recovery) throws Exception {
        // enough events per dossier that the senders never run out before they are told to stop
        long seconds = WARM_UP.toSeconds() + outage.toSeconds() + AFTER.toSeconds() + 120;
        int steps = (int) Math.min(20_000, seconds * 1000 / PAUSE.toMillis() * SENDERS / DOSSIERS + 10);
        EventFactory factory = new EventFactory(EventFactory.originFor(steps + 2), name.hashCode());
        List<List<Event>> histories = new ArrayList<>();
        for (int d = 0; d < DOSSIERS; d++) {
            histories.add(factory.history(d + 1, steps, false));
        }
        OrderedSenders<Event> sending = new OrderedSenders<>(histories, SENDERS, Event::identity, Event::json,
                HubClient::postEvent, null);
        List<HubClient> clients = setup.hubs().stream().map(h -> new HubClient(h.baseUrl())).toList();
        java.util.concurrent.atomic.AtomicBoolean more = new java.util.concurrent.atomic.AtomicBoolean(true);
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        List<Future<?>> sent = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            int sender = s;
            sent.add(senders.submit(() -> {
                sending.sendSteadily(clients, sender, PAUSE, RETRY_PAUSE, more::get);
                return null;
            }));
        }
        try {
            log(name + ": load on both hubs; fault in " + WARM_UP.toSeconds() + " s");
            Thread.sleep(WARM_UP.toMillis());
            int before = sending.accepted.get();
            fault.run();
            log(name + ": fault injected (" + before + " accepted so far); outage " + outage.toSeconds() + " s");
            Thread.sleep(outage.toMillis());
            int during = sending.accepted.get() - before;
            recovery.run();
            Map<Integer, Integer> byHubAtRecovery = snapshot(sending);
            log(name + ": recovered; " + during + " accepted during the outage, " + sending.unavailable.get()
                    + " 503s, " + sending.connectionErrors.get() + " connection errors so far");
            Thread.sleep(AFTER.toMillis());
            more.set(false);
            for (Future<?> f : sent) {
                f.get(11, TimeUnit.MINUTES);
            }
            Map<Integer, Integer> byHub = snapshot(sending);
            for (int h = 0; h < 2; h++) {
                assertThat(byHub.getOrDefault(h, 0) - byHubAtRecovery.getOrDefault(h, 0))
                        .as("202s of hub %d after the recovery", h + 1).isPositive();
            }
        } finally {
            more.set(false);
            senders.shutdownNow();
        }
        int accepted = sending.accepted.get();
        long stopped = System.nanoTime();
        log(name + ": clients stopped; " + accepted + " accepted; waiting for the backlog at the portal");
        boolean drained = run.awaitCount(name, "all " + accepted + " accepted events at the portal",
                () -> portal.received().size(), accepted, STALL, outage.multipliedBy(2)
                        .plus(Duration.ofMinutes(4)));
        double drainSeconds = (System.nanoTime() - stopped) / 1e9;
        List<ReceivedCall> received = portal.received();

        Map<String, Long> times = received.stream()
                .collect(Collectors.groupingBy(EventFactory::identity, Collectors.counting()));
        List<String> twice = times.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        Figures figures = new Figures(name, outage, accepted, times.size(), twice.size(), portal.duplicateCount(),
                sending.unavailable.get(), sending.connectionErrors.get(), sending.otherFailures.get(), drainSeconds);
        log(figures.toString());
        assertThat(drained).as("the backlog drained (no stall)").isTrue();
        assertThat(twice).as("events delivered more than once").isEmpty();
        assertThat(times.keySet()).as("at the portal: exactly the events that got a 202")
                .containsExactlyInAnyOrderElementsOf(sending.exchangeIds.keySet());
        Map<String, Integer> indexOf = new HashMap<>();
        histories.stream().flatMap(List::stream).forEach(e -> indexOf.put(e.identity(), e.index()));
        for (List<Event> history : histories) {
            String code = history.get(0).dossierCode();
            List<Integer> order = received.stream().filter(c -> code.equals(c.dossierCode()))
                    .map(c -> indexOf.get(EventFactory.identity(c))).toList();
            List<Integer> expected = history.stream()
                    .filter(e -> sending.exchangeIds.containsKey(e.identity())).map(Event::index).toList();
            assertThat(order).as("order of dossier %s's events at the portal", code).containsExactlyElementsOf(expected);
        }
        return figures;
    }

    private static Map<Integer, Integer> snapshot(OrderedSenders<?> sending) {
        Map<Integer, Integer> copy = new HashMap<>();
        sending.acceptedByHub.forEach((h, n) -> copy.put(h, n.get()));
        return copy;
    }

    /** Both hubs' readiness (database and broker) is UP again, by themselves. */
    private void awaitBothReady() {
        long t = System.nanoTime();
        for (HubProcess hub : setup.hubs()) {
            org.awaitility.Awaitility.await("hub on port " + hub.port() + " ready again")
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!hub.isAlive()) {
                            throw new IllegalStateException("hub died; see " + hub.logFile());
                        }
                        return ready(hub);
                    });
        }
        log("both hubs ready again " + String.format("%.1f", (System.nanoTime() - t) / 1e9) + " s after the restart");
    }

    private static boolean ready(HubProcess hub) {
        try {
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(hub.baseUrl()
                            + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"UP\"");
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A system property: {@code 30s}, {@code 5m}, an ISO-8601 duration or seconds; else the default. */
    private static Duration outage(String property, Duration fallback) {
        String v = System.getProperty(property, "").trim().toLowerCase();
        if (v.isEmpty()) {
            return fallback;
        }
        if (v.startsWith("p")) {
            return Duration.parse(v.toUpperCase());
        }
        if (v.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        if (v.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(v.endsWith("s") ? v.substring(0, v.length() - 1) : v));
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    private void log(String message) {
        run.log(message);
    }
}
