package vn.lgsp.hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import vn.lgsp.hub.simulators.onestop.OneStopSimulator;
import vn.lgsp.hub.simulators.onestop.ReceivedDossier;
import vn.lgsp.hub.simulators.population.PopulationSimulator;
import vn.lgsp.hub.simulators.portal.PortalSimulator;

/**
 * Online intake (portal → hub → one-stop-shop) loses no dossier and delivers none twice when the hub is killed with
 * {@code kill -9} mid-flow, for both ways dossiers arrive: polled from the portal's intake list and pushed to
 * {@code POST /api/v1/intake/dossiers}; versions of one dossier still arrive in order.
 *
 * <p>The hub runs as its packaged jar in a separate process, against portal, population and one-stop-shop simulators
 * in this JVM. The applicants are citizens of the population simulator, so every verification says VERIFIED. The
 * one-stop-shop is down at first, so that deliveries fail and retry rounds are scheduled, then answers every call
 * late, so that a backlog forms and calls are in flight (recorded there, not yet answered) when the hub is killed.
 * The kill comes once some dossiers have reached the one-stop-shop, while the portal is still pushing. Pushes the kill
 * refused are sent again after the restart, as the portal would: the same dossier version again is the same exchange.
 * After the restart more dossiers arrive on the list, some dossiers already delivered get a new version there, and
 * some listed dossiers are pushed as well (one exchange either way).
 */
class IntakeCrashRecoveryIT {

    /** On the intake list when phase 1 begins, taken while the one-stop-shop is down. */
    private static final int POLLED_FIRST = 100;
    /** Added when the one-stop-shop comes back, before the kill. */
    private static final int POLLED_BEFORE_KILL = 50;
    /** Added after the restart. */
    private static final int POLLED_AFTER_RESTART = 50;
    /** After the restart: dossiers listed before the kill that the one-stop-shop has, listed in a new version. */
    private static final int POLLED_UPDATED = 10;
    /** After the restart: listed dossiers that the portal pushes too, half from before the kill, half new. */
    private static final int POLLED_ALSO_PUSHED = 10;
    private static final int PUSHED = 150;
    /** Every n-th pushed dossier is pushed in a second version, after the first got its 202. */
    private static final int SECOND_VERSION_EVERY = 5;
    private static final int PUSH_SENDERS = 2;
    /** Pushes allowed while the one-stop-shop is down; the rest wait for the test. */
    private static final int PUSHES_WHILE_DOWN = 60;
    /** Pushes allowed before the kill is near; the rest go on only when it is. */
    private static final int PUSHES_BEFORE_KILL = 100;
    /** The one-stop-shop is down until it has refused this many calls. */
    private static final int REFUSED_WHILE_DOWN = 60;
    private static final int KILL_AFTER_DELIVERED = 60;
    /** Pushes accepted after the last pushes were let go and before the kill: the kill comes mid-push. */
    private static final int PUSHES_INTO_KILL = 10;
    /** Per one-stop-shop call once it is up: keeps delivery behind acceptance and calls in flight at the kill. */
    private static final Duration ONESTOP_DELAY = Duration.ofMillis(30);
    private static final int CONSUMERS = 4;
    /** Retry rounds are at most 2 s apart here, so a silence this long is a stall. */
    private static final Duration STALL_BOUND = Duration.ofSeconds(30);

    private static final String OPERATOR_KEY = "demo-operator";
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Held so that the level sticks: the simulators log every delayed reply and fault at INFO. */
    private static final java.util.logging.Logger SIMULATOR_LOG = CrashHarness.quiet("vn.lgsp.hub.simulators");

    private final CrashHarness run = new CrashHarness("IntakeCrashRecoveryIT");
    private PortalSimulator portal;
    private PopulationSimulator population;
    private OneStopSimulator onestop;

    /**
     * One version of an online dossier in the portal's wire form.
     *
     * @param version its {@code NgayCapNhat}, the moment that tells the versions of a dossier apart
     */
    private record Dossier(String code, Instant version, Map<String, Object> item) {

        static Dossier of(Map<String, Object> item) {
            String updatedAt = (String) item.get("NgayCapNhat");
            return new Dossier((String) item.get("MaHoSo"), LocalDateTime.parse(updatedAt, COMPACT)
                    .atZone(EventFactory.PORTAL_ZONE).toInstant(), item);
        }

        String identity() {
            return identity(code, version.toString());
        }

        static String identity(String code, String version) {
            return code + "@" + version;
        }

        String json() {
            try {
                return JSON.writeValueAsString(item);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String toString() {
            return identity();
        }
    }

    @BeforeEach
    void startSimulators() {
        portal = new PortalSimulator(0);
        population = new PopulationSimulator(0);
        onestop = new OneStopSimulator(0);
        portal.start();
        population.start();
        onestop.start();
        onestop.injectDelay(ONESTOP_DELAY, Integer.MAX_VALUE);
    }

    @AfterEach
    void tearDown() {
        run.close(portal, population, onestop);
    }

    @Test
    void noDossierIsLostOrDeliveredTwiceWhenTheHubIsKilledMidIntake(TestInfo test) throws Exception {
        HubProcess hub = run.install("intake-crash", b -> b
                .portalUrl(portal.baseUrl())
                // C1 only: starts (twice) in far less CPU on a small CI machine; what is tested does not depend on it
                .jvmOption("-XX:TieredStopAtLevel=1")
                .argument("--hub.connector.population.address=" + population.serviceUrl())
                .argument("--hub.connector.onestop.base-url=" + onestop.baseUrl())
                .argument("--hub.flow.intake.poll.interval=1s")
                .argument("--hub.flow.intake.consumers=" + CONSUMERS)
                .argument("--hub.flow.intake.retry.in-place-attempts=2")
                .argument("--hub.flow.intake.retry.in-place-delay=100ms")
                .argument("--hub.flow.intake.retry.first-delay=500ms")
                .argument("--hub.flow.intake.retry.max-delay=2s"));
        Map<String, Dossier> expected = new LinkedHashMap<>();
        List<List<Dossier>> pushed = pushedDossiers();
        pushed.stream().flatMap(List::stream).forEach(d -> expected.put(d.identity(), d));
        Semaphore permits = new Semaphore(PUSHES_WHILE_DOWN);
        OrderedSenders<Dossier> pushing = new OrderedSenders<>(pushed, PUSH_SENDERS, Dossier::identity,
                Dossier::json, HubClient::postIntake, permits);

        log("phase 1: starting hub (data " + hub.dataDir() + ")");
        run.start();
        // only now: the one-stop-shop's health follows its last delivery, and the hub must come up healthy
        onestop.setDown(true);
        List<Dossier> polledFirst = polled(portal.generateIntake(POLLED_FIRST, 1));
        polledFirst.forEach(d -> expected.put(d.identity(), d));
        log("phase 1: hub healthy on " + hub.baseUrl() + " (pid " + hub.pid() + "); one-stop-shop down; "
                + POLLED_FIRST + " dossiers on the intake list, pushing " + pushing.total() + " versions of "
                + PUSHED + " dossiers with " + PUSH_SENDERS + " clients");
        ExecutorService clients = Executors.newFixedThreadPool(PUSH_SENDERS + 1);
        HubClient client = new HubClient(hub.baseUrl());
        List<Future<?>> firstRound = new ArrayList<>();
        for (int s = 0; s < PUSH_SENDERS; s++) {
            int sender = s;
            firstRound.add(clients.submit(() -> pushing.sendUntilFailure(client, sender)));
        }

        run.awaitWhileAlive("the one-stop-shop refused " + REFUSED_WHILE_DOWN + " deliveries while down",
                Duration.ofSeconds(60), () -> onestop.callCount() >= REFUSED_WHILE_DOWN);
        onestop.setDown(false);
        List<Dossier> polledBeforeKill = polled(portal.generateIntake(POLLED_BEFORE_KILL, 2));
        polledBeforeKill.forEach(d -> expected.put(d.identity(), d));
        permits.release(PUSHES_BEFORE_KILL - PUSHES_WHILE_DOWN);
        log("phase 1: one-stop-shop up again after " + onestop.callCount() + " refused calls ("
                + pushing.accepted.get() + " pushes accepted); " + POLLED_BEFORE_KILL + " more dossiers listed");

        run.awaitWhileAlive("at least " + KILL_AFTER_DELIVERED + " dossiers at the one-stop-shop before the kill",
                Duration.ofSeconds(60), () -> onestop.received().size() >= KILL_AFTER_DELIVERED);
        int pushesLetGo = pushing.accepted.get();
        permits.release(pushing.total());
        run.awaitWhileAlive("pushes under way", Duration.ofSeconds(30),
                () -> pushing.accepted.get() >= pushesLetGo + PUSHES_INTO_KILL);
        int pushedAtKill = pushing.accepted.get();
        int deliveredAtKill = onestop.received().size();
        int callsAtKill = onestop.callCount();
        int listingsAtKill = portal.intakeListCount();
        run.kill();
        log("phase 2: killed the hub (SIGKILL) with " + pushedAtKill + " pushes accepted, "
                + (POLLED_FIRST + POLLED_BEFORE_KILL) + " dossiers listed (" + listingsAtKill + " listing calls), "
                + deliveredAtKill + " at the one-stop-shop (" + callsAtKill + " calls)");

        for (Future<?> f : firstRound) {
            f.get(60, TimeUnit.SECONDS);
        }
        assertThat(pushing.refusals).as("4xx answers (test data or hub bugs)").isEmpty();
        log("phase 2: pushing stopped: " + pushing.accepted.get() + " accepted (202), " + pushing.failedPosts.get()
                + " pushes failed by the kill and will be sent again; one-stop-shop has " + onestop.received().size()
                + ", " + onestop.duplicateCount() + " repeated keys so far");
        assertThat(pushing.accepted.get()).as("the kill came while dossiers were still being pushed")
                .isLessThan(pushing.total());
        assertThat(deliveredAtKill).as("the kill came while a backlog was being delivered")
                .isLessThan(pushedAtKill + POLLED_FIRST + POLLED_BEFORE_KILL);

        log("phase 3: restarting the hub on the same data directory");
        run.start();
        HubClient again = new HubClient(hub.baseUrl());
        List<Future<?>> secondRound = new ArrayList<>();
        for (int s = 0; s < PUSH_SENDERS; s++) {
            int sender = s;
            secondRound.add(clients.submit(() -> pushing.sendAll(again, sender)));
        }
        List<Dossier> polledAfterRestart = polled(portal.generateIntake(POLLED_AFTER_RESTART, 3));
        polledAfterRestart.forEach(d -> expected.put(d.identity(), d));
        List<Dossier> listedBeforeKill = new ArrayList<>(polledFirst);
        listedBeforeKill.addAll(polledBeforeKill);
        List<Dossier> updated = updateDelivered(listedBeforeKill);
        updated.forEach(d -> expected.put(d.identity(), d));
        // half of them most likely taken by a poll before the kill, half just listed: either may come first
        List<List<Dossier>> alsoPushed = new ArrayList<>();
        for (int i = 0; i < POLLED_ALSO_PUSHED; i++) {
            alsoPushed.add(List.of((i % 2 == 0 ? polledBeforeKill : polledAfterRestart).get(i)));
        }
        OrderedSenders<Dossier> pushingListed = new OrderedSenders<>(alsoPushed, 1, Dossier::identity,
                Dossier::json, HubClient::postIntake, null);
        secondRound.add(clients.submit(() -> pushingListed.sendAll(again, 0)));
        log("phase 3: hub healthy again (pid " + hub.pid() + "); pushing the remaining and failed versions; "
                + POLLED_AFTER_RESTART + " more dossiers listed, " + updated.size() + " delivered ones listed in a "
                + "new version, " + POLLED_ALSO_PUSHED + " listed ones pushed too");
        for (Future<?> f : secondRound) {
            f.get(120, TimeUnit.SECONDS);
        }
        clients.shutdown();
        assertThat(pushing.refusals).as("4xx answers (test data or hub bugs)").isEmpty();
        assertThat(pushingListed.refusals).as("4xx answers (test data or hub bugs)").isEmpty();
        log("phase 3: all pushes accepted (" + pushing.resentDuplicates.get() + " re-sent were recognised as "
                + "already accepted, " + pushingListed.resentDuplicates.get() + " of the listed ones pushed as well "
                + "had been taken by a poll already); waiting for " + expected.size() + " dossier versions");

        boolean complete = run.awaitCount("phase 4", "all " + expected.size() + " dossier versions at the one-stop-shop",
                () -> (int) onestop.received().stream().map(IntakeCrashRecoveryIT::identity)
                        .filter(expected::containsKey).distinct().count(),
                expected.size(), STALL_BOUND, Duration.ofMinutes(3));
        List<ReceivedDossier> received = onestop.received();
        Map<String, String> exchangeIds = new HashMap<>(pushing.exchangeIds);
        exchangeIds.putAll(pushingListed.exchangeIds);
        HubClient operator = new HubClient(hub.baseUrl(), OPERATOR_KEY);
        if (!complete) {
            describeMissing(expected, received, exchangeIds, operator);
        }
        Map<String, Long> timesReceived = received.stream()
                .collect(Collectors.groupingBy(IntakeCrashRecoveryIT::identity, Collectors.counting()));
        assertThat(timesReceived.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                .as("dossier versions delivered more than once (as distinct deliveries; hub log %s)", hub.logFile())
                .isEmpty();
        assertThat(expected.keySet().stream().filter(k -> !timesReceived.containsKey(k)).toList())
                .as("dossier versions lost (delivery %s; hub log %s)", complete ? "complete" : "stalled",
                        hub.logFile())
                .isEmpty();
        assertThat(received.stream().map(IntakeCrashRecoveryIT::identity).toList())
                .as("nothing but the dossier versions sent, once each")
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        assertThat(received.stream().filter(r -> !"VERIFIED".equals(r.verificationOutcome()))
                .map(r -> identity(r) + " " + r.verificationOutcome() + " " + r.differingFields()).toList())
                .as("verification outcomes other than VERIFIED").isEmpty();
        assertThat(received.stream().map(ReceivedDossier::idempotencyKey).collect(Collectors.toSet()))
                .as("one idempotency key per delivery").hasSize(received.size()).doesNotContainNull();
        Map<String, List<Instant>> versionsSent = expected.values().stream().collect(Collectors.groupingBy(
                Dossier::code, Collectors.mapping(Dossier::version, Collectors.toList())));
        int twoVersions = 0;
        for (Map.Entry<String, List<Instant>> e : versionsSent.entrySet()) {
            if (e.getValue().size() > 1) {
                twoVersions++;
                assertThat(received.stream().filter(r -> e.getKey().equals(r.dossierCode()))
                        .map(IntakeCrashRecoveryIT::version).toList())
                        .as("order of dossier %s's versions at the one-stop-shop", e.getKey())
                        .containsExactlyElementsOf(e.getValue().stream().sorted().map(Instant::toString).toList());
            }
        }

        log("phase 4: one-stop-shop has " + received.size() + " dossier versions; checking the hub's state of the "
                + exchangeIds.size() + " pushed ones");
        run.awaitDelivered(again, pushing.exchangeIds, 4);
        // A listed dossier the hub polled before it was pushed is the poll's exchange, recorded under the poller's
        // client (hub.flow.intake.poll.client-id), and a client sees its own exchanges only: the push's 202 names an
        // exchange the pushing client cannot look up. Its state is checked with the operator's key.
        run.awaitDelivered(operator, pushingListed.exchangeIds, 2);
        List<String> notVisible = new ArrayList<>();
        for (Map.Entry<String, String> e : pushingListed.exchangeIds.entrySet()) {
            if (again.exchange(e.getValue()).status() == 404) {
                notVisible.add(e.getKey());
            }
        }
        assertThat(onestop.received()).as("nothing arrived after the check").hasSize(received.size());
        run.passed();
        log("done: " + expected.size() + " versions of " + versionsSent.size() + " dossiers (" + twoVersions
                + " with two), each delivered once, VERIFIED and in order; one-stop-shop calls " + onestop.callCount()
                + ", repeated keys recognised " + onestop.duplicateCount() + " (allowed); population calls "
                + population.callCount() + "; at the kill " + deliveredAtKill + " delivered, " + pushedAtKill
                + " pushes accepted; " + notVisible.size() + " pushes of listed dossiers were answered with the "
                + "poll's exchange, which the pushing client cannot look up (404) (" + test.getDisplayName() + ")");
    }

    /**
     * The pushed dossiers, each a history of one or two versions: made up by a second portal simulator (never
     * started) from the population simulator's citizens, under codes of their own (a five-digit number), so that
     * they are not the listed ones.
     */
    private static List<List<Dossier>> pushedDossiers() {
        PortalSimulator source = new PortalSimulator(0);
        List<List<Dossier>> histories = new ArrayList<>();
        int n = 0;
        for (Map<String, Object> generated : source.generateIntake(PUSHED, 4)) {
            String code = (String) generated.get("MaHoSo");
            String own = code.substring(0, code.lastIndexOf('-') + 1) + "9" + code.substring(code.lastIndexOf('-') + 1);
            Map<String, Object> item = withCode(generated, code, own);
            List<Dossier> history = new ArrayList<>();
            history.add(Dossier.of(item));
            if (++n % SECOND_VERSION_EVERY == 0) {
                Map<String, Object> next = new LinkedHashMap<>(item);
                next.put("NgayCapNhat", history.get(0).version().plusSeconds(1).atZone(EventFactory.PORTAL_ZONE)
                        .format(COMPACT));
                next.put("TrichYeuHoSo", item.get("TrichYeuHoSo") + " (bổ sung bản vẽ)");
                history.add(Dossier.of(next));
            }
            histories.add(List.copyOf(history));
        }
        return histories;
    }

    /** The item with every mention of {@code code} (its code, its files' ids and links) changed to {@code own}. */
    private static Map<String, Object> withCode(Map<String, Object> item, String code, String own) {
        try {
            return JSON.readValue(JSON.writeValueAsString(item).replace(code, own), new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Dossier> polled(List<Map<String, Object>> items) {
        return items.stream().map(Dossier::of).toList();
    }

    /**
     * Lists a new version of {@value #POLLED_UPDATED} dossiers of {@code listed} that the one-stop-shop already has
     * (so the hub took their first version): the portal stamps the new version later than everything listed.
     */
    private List<Dossier> updateDelivered(List<Dossier> listed) {
        Set<String> delivered = onestop.received().stream().map(ReceivedDossier::dossierCode)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        List<Map<String, Object>> changed = new ArrayList<>();
        for (Dossier d : listed) {
            if (changed.size() < POLLED_UPDATED && delivered.contains(d.code())) {
                Map<String, Object> item = new LinkedHashMap<>(d.item());
                item.remove("NgayCapNhat");
                item.put("SoDienThoai", "0912000" + "%03d".formatted(changed.size()));
                changed.add(item);
            }
        }
        return polled(portal.addIntake(changed));
    }

    /** For a failed run: which versions are missing, and what the hub says about the pushed ones. */
    private void describeMissing(Map<String, Dossier> expected, List<ReceivedDossier> received,
                                 Map<String, String> exchangeIds, HubClient client) {
        Set<String> got = received.stream().map(IntakeCrashRecoveryIT::identity).collect(Collectors.toSet());
        List<String> missing = expected.keySet().stream().filter(k -> !got.contains(k)).toList();
        log("missing " + missing.size() + " dossier versions: " + missing);
        for (String k : missing) {
            if (exchangeIds.containsKey(k)) {
                log("  " + k + " exchange " + exchangeIds.get(k) + ": " + run.describe(client, exchangeIds.get(k)));
            }
        }
    }

    /** What the one-stop-shop received, reduced to the identity of the version it came from. */
    private static String identity(ReceivedDossier r) {
        return Dossier.identity(r.dossierCode(), version(r));
    }

    /** The version as an instant, or as sent when it is none. */
    private static String version(ReceivedDossier r) {
        try {
            return OffsetDateTime.parse(r.version()).toInstant().toString();
        } catch (DateTimeParseException | NullPointerException e) {
            return String.valueOf(r.version());
        }
    }

    private void log(String message) {
        run.log(message);
    }
}
