package vn.lgsp.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import vn.lgsp.hub.it.EventFactory.Event;
import vn.lgsp.hub.simulators.portal.PortalSimulator;
import vn.lgsp.hub.simulators.portal.ReceivedCall;

/**
 * DESIGN.md §7: no event is lost or delivered twice when the hub is killed with {@code kill -9} while it is delivering,
 * and a dossier's events still reach the portal in the order they were sent.
 *
 * <p>The hub runs as its packaged jar in a separate process. The portal simulator answers every call late, so that
 * a backlog of accepted but undelivered events forms; the hub is killed once a few hundred events have reached the
 * portal, while clients are still sending. Clients behave as the contract asks: an event that did not get its 202 is
 * sent again (after the restart), and the next event of that dossier only after it.
 */
class CrashRecoveryIT {

    private static final int DOSSIERS = 20;
    private static final int PROGRESS_STEPS = 98;
    private static final int EVENTS = DOSSIERS * (PROGRESS_STEPS + 2);
    private static final int SENDERS = 4;
    private static final int KILL_AFTER_DELIVERED = 300;
    /**
     * Per portal call. Keeps delivery behind acceptance, so that a backlog forms, and keeps calls in flight at the
     * moment of the kill: the portal has recorded them, the hub has not heard back (its retry must not duplicate).
     */
    private static final Duration PORTAL_DELAY = Duration.ofMillis(20);
    /** No portal fault is injected here, so the hub has no reason to pause delivery for this long. */
    private static final Duration STALL_BOUND = Duration.ofSeconds(45);
    /**
     * Extra Spring arguments for the hub, space-separated, e.g. to run the same test against another profile:
     * {@code -Dhub.it.hub-args="--spring.profiles.active=postgres"}.
     */
    private static final String HUB_ARGS = System.getProperty("hub.it.hub-args", "");

    /** Held so that the level sticks: the simulator logs every delayed reply at INFO. */
    private static final java.util.logging.Logger SIMULATOR_LOG = quiet("vn.lgsp.hub.simulators");

    private PortalSimulator portal;
    private HubProcess hub;
    private boolean passed;
    private final long t0 = System.nanoTime();

    @BeforeEach
    void startPortal() {
        portal = new PortalSimulator(0);
        portal.start();
        portal.injectDelay(PORTAL_DELAY, Integer.MAX_VALUE);
    }

    @AfterEach
    void tearDown() {
        try {
            if (hub != null) {
                hub.kill();
                if (passed) {
                    hub.deleteDataAndJar();
                } else {
                    log("hub data kept for a post-mortem: " + hub.dataDir());
                }
                log("hub log: " + hub.logFile());
            }
        } finally {
            portal.stop();
        }
    }

    @Test
    void noEventIsLostOrDeliveredTwiceWhenTheHubIsKilledWhileDelivering(TestInfo test) throws Exception {
        Path dir = HubProcess.workDir().resolve("crash-" + System.currentTimeMillis());
        Files.createDirectories(dir);
        hub = HubProcess.builder()
                .dataDir(dir.resolve("data"))
                .logFile(dir.resolve("hub.log"))
                .portalUrl(portal.baseUrl())
                .arguments(HUB_ARGS)
                .build();
        EventFactory factory = new EventFactory(EventFactory.originFor(PROGRESS_STEPS + 2), 42);
        List<List<Event>> histories = new ArrayList<>();
        for (int d = 0; d < DOSSIERS; d++) {
            histories.add(factory.history(d + 1, PROGRESS_STEPS, false));
        }
        Sending sending = new Sending(histories);

        log("phase 1: starting hub (data " + hub.dataDir() + ", portal " + portal.baseUrl()
                + (HUB_ARGS.isBlank() ? "" : ", arguments " + HUB_ARGS) + ")");
        hub.start().awaitHealthy();
        log("phase 1: hub healthy on " + hub.baseUrl() + " (pid " + hub.pid() + "); sending " + EVENTS + " events over "
                + DOSSIERS + " dossiers with " + SENDERS + " clients");

        ExecutorService clients = Executors.newFixedThreadPool(SENDERS);
        List<Future<?>> firstRound = new ArrayList<>();
        HubClient client = new HubClient(hub.baseUrl());
        for (int s = 0; s < SENDERS; s++) {
            int sender = s;
            firstRound.add(clients.submit(() -> sending.sendUntilFailure(client, sender)));
        }
        await("at least " + KILL_AFTER_DELIVERED + " events delivered before the kill")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    if (!hub.isAlive()) {
                        throw new IllegalStateException("the hub died on its own; see " + hub.logFile());
                    }
                    return portal.received().size() >= KILL_AFTER_DELIVERED;
                });
        int acceptedAtKill = sending.accepted.get();
        int deliveredAtKill = portal.received().size();
        hub.kill();
        log("phase 2: killed the hub (SIGKILL) with " + acceptedAtKill + " events accepted, " + deliveredAtKill
                + " delivered, backlog " + (acceptedAtKill - deliveredAtKill));

        for (Future<?> f : firstRound) {
            f.get(60, TimeUnit.SECONDS);
        }
        assertThat(sending.refusals).as("4xx answers (test data or lifecycle bugs)").isEmpty();
        log("phase 2: clients stopped: " + sending.accepted.get() + " accepted (202), " + sending.failedPosts.get()
                + " posts failed by the kill and will be sent again; portal has " + portal.received().size()
                + ", " + portal.duplicateCount() + " duplicates so far");
        assertThat(sending.accepted.get()).as("the kill came while events were still being sent").isLessThan(EVENTS);
        assertThat(acceptedAtKill - deliveredAtKill).as("the kill came while a backlog was being delivered")
                .isPositive();

        log("phase 3: restarting the hub on the same data directory");
        hub.start().awaitHealthy();
        log("phase 3: hub healthy again (pid " + hub.pid() + "); sending the remaining and failed events");
        HubClient again = new HubClient(hub.baseUrl());
        List<Future<?>> secondRound = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            int sender = s;
            secondRound.add(clients.submit(() -> sending.sendAll(again, sender)));
        }
        for (Future<?> f : secondRound) {
            f.get(180, TimeUnit.SECONDS);
        }
        clients.shutdown();
        assertThat(sending.refusals).as("4xx answers (test data or lifecycle bugs)").isEmpty();
        log("phase 3: all " + EVENTS + " events accepted (" + sending.resentDuplicates.get()
                + " re-sent events were recognised as already accepted); waiting for delivery");

        boolean complete = awaitDelivery();
        List<ReceivedCall> received = portal.received();
        if (!complete) {
            describeMissing(histories, received, sending, again);
        }
        Set<String> expected = histories.stream().flatMap(List::stream).map(Event::identity)
                .collect(Collectors.toSet());
        Map<String, Long> timesReceived = received.stream()
                .collect(Collectors.groupingBy(EventFactory::identity, Collectors.counting()));
        assertThat(timesReceived.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                .as("events delivered more than once").isEmpty();
        assertThat(expected.stream().filter(k -> !timesReceived.containsKey(k)).toList())
                .as("events lost (delivery %s; hub log %s)", complete ? "complete" : "stalled", hub.logFile())
                .isEmpty();

        log("phase 4: portal has " + received.size() + " items; checking the hub's exchange states");
        ExecutorService checkers = Executors.newFixedThreadPool(SENDERS);
        List<Future<?>> checks = new ArrayList<>();
        for (Map.Entry<String, String> e : sending.exchangeIds.entrySet()) {
            checks.add(checkers.submit(() -> await("exchange " + e.getValue() + " of " + e.getKey() + " DELIVERED")
                    .atMost(Duration.ofSeconds(60))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> "DELIVERED".equals(again.exchange(e.getValue()).field("state")))));
        }
        for (Future<?> f : checks) {
            f.get(120, TimeUnit.SECONDS);
        }
        checkers.shutdown();
        received = portal.received();
        log("phase 4: portal received " + received.size() + " items in " + portal.callCount() + " calls; "
                + portal.duplicateCount() + " calls were replays of an accepted idempotency key (allowed)");

        assertThat(received.stream().map(EventFactory::identity).toList()).as("nothing but the events sent, once each")
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(received.stream().map(ReceivedCall::idempotencyKey).collect(Collectors.toSet()))
                .as("one idempotency key per event").hasSize(EVENTS).doesNotContainNull();

        Map<String, Integer> indexOf = new HashMap<>();
        histories.stream().flatMap(List::stream).forEach(e -> indexOf.put(e.identity(), e.index()));
        for (List<Event> history : histories) {
            String code = history.get(0).dossierCode();
            List<Integer> order = received.stream().filter(c -> code.equals(c.dossierCode()))
                    .map(c -> indexOf.get(EventFactory.identity(c))).toList();
            assertThat(order).as("order of dossier %s's events at the portal", code)
                    .containsExactlyElementsOf(history.stream().map(Event::index).toList());
        }
        passed = true;
        log("done: " + EVENTS + " events, each delivered exactly once and in order per dossier; portal duplicates "
                + portal.duplicateCount() + " (" + test.getDisplayName() + ")");
    }

    /**
     * Waits (at most five minutes) until the portal holds every event; gives up early, returning false, when nothing
     * has arrived for {@link #STALL_BOUND}: no retry is scheduled in this test, so a silence that long is a stall.
     */
    private boolean awaitDelivery() {
        long[] last = {-1, System.nanoTime()};
        boolean[] stalled = {false};
        await("all " + EVENTS + " events at the portal")
                .atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    int n = portal.received().size();
                    if (n != last[0]) {
                        last[0] = n;
                        last[1] = System.nanoTime();
                    } else if (System.nanoTime() - last[1] > STALL_BOUND.toNanos()) {
                        log("phase 4: delivery stalled at " + n + " items for " + STALL_BOUND.toSeconds() + " s");
                        stalled[0] = true;
                        return true;
                    }
                    return n >= EVENTS;
                });
        return !stalled[0];
    }

    /** For a failed run: which events are missing, and what the hub says about them. */
    private void describeMissing(List<List<Event>> histories, List<ReceivedCall> received, Sending sending,
                                 HubClient client) {
        Set<String> got = received.stream().map(EventFactory::identity).collect(Collectors.toSet());
        List<Event> missing = histories.stream().flatMap(List::stream).filter(e -> !got.contains(e.identity()))
                .toList();
        log("missing " + missing.size() + " events; the first of each dossier with the hub's view:");
        Set<String> shown = new java.util.HashSet<>();
        for (Event e : missing) {
            if (!shown.add(e.dossierCode())) {
                continue;
            }
            String id = sending.exchangeIds.get(e.identity());
            String state;
            try {
                state = id == null ? "(no exchange id)" : client.exchange(id).body();
            } catch (IOException ex) {
                state = ex.toString();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
            log("  " + e + " exchange " + id + ": " + state);
        }
    }

    /** Shared state of the client threads. Dossier {@code d} belongs to sender {@code d % SENDERS}. */
    private static final class Sending {
        final List<List<Event>> histories;
        /** Per dossier, the index of the next event that has not got its 202 yet. */
        final AtomicIntegerArray next;
        final Map<String, String> exchangeIds = new ConcurrentHashMap<>();
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger failedPosts = new AtomicInteger();
        final AtomicInteger resentDuplicates = new AtomicInteger();
        final Queue<String> refusals = new ConcurrentLinkedQueue<>();

        Sending(List<List<Event>> histories) {
            this.histories = histories;
            this.next = new AtomicIntegerArray(histories.size());
        }

        private Set<Integer> dossiersOf(int sender) {
            Set<Integer> mine = new LinkedHashSet<>();
            for (int d = sender; d < histories.size(); d += SENDERS) {
                if (next.get(d) < histories.get(d).size()) {
                    mine.add(d);
                }
            }
            return mine;
        }

        /**
         * Round-robin over the sender's dossiers, one event each in turn; a dossier whose event fails (the hub is
         * gone) is left alone from then on, since its next event must not overtake the failed one.
         */
        void sendUntilFailure(HubClient client, int sender) {
            Set<Integer> active = dossiersOf(sender);
            while (!active.isEmpty()) {
                for (Iterator<Integer> it = active.iterator(); it.hasNext(); ) {
                    int d = it.next();
                    Event e = histories.get(d).get(next.get(d));
                    HubClient.Reply reply;
                    try {
                        reply = client.postEvent(e.json());
                    } catch (IOException ex) {
                        failedPosts.incrementAndGet();
                        it.remove();
                        continue;
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    if (!record(e, reply)) {
                        failedPosts.incrementAndGet();
                        it.remove();
                    } else if (next.incrementAndGet(d) == histories.get(d).size()) {
                        it.remove();
                    }
                }
            }
        }

        /** Like {@link #sendUntilFailure}, but each event is retried (bounded) until the hub answers 202. */
        void sendAll(HubClient client, int sender) {
            Set<Integer> active = dossiersOf(sender);
            while (!active.isEmpty()) {
                for (Iterator<Integer> it = active.iterator(); it.hasNext(); ) {
                    int d = it.next();
                    Event e = histories.get(d).get(next.get(d));
                    await("202 for " + e)
                            .atMost(Duration.ofSeconds(60))
                            .pollDelay(Duration.ZERO)
                            .pollInterval(Duration.ofMillis(200))
                            .ignoreExceptionsInstanceOf(IOException.class)
                            .until(() -> record(e, client.postEvent(e.json())));
                    if (next.incrementAndGet(d) == histories.get(d).size()) {
                        it.remove();
                    }
                }
            }
        }

        /** @return true for a 202; a 4xx is a bug in the test or the hub and stops the test */
        private boolean record(Event e, HubClient.Reply reply) {
            if (reply.accepted()) {
                if (exchangeIds.put(e.identity(), reply.exchangeId()) == null) {
                    accepted.incrementAndGet();
                }
                if ("true".equals(reply.field("duplicate"))) {
                    // a re-sent event whose first 202 was lost in the kill: the hub had it already
                    resentDuplicates.incrementAndGet();
                }
                return true;
            }
            if (reply.status() >= 400 && reply.status() < 500) {
                refusals.add(e + " -> " + reply.status() + " " + reply.body());
                throw new IllegalStateException("hub refused " + e + ": " + reply.status() + " " + reply.body());
            }
            return false;
        }
    }

    static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    private void log(String message) {
        System.out.printf("[CrashRecoveryIT %s +%6.1fs] %s%n", LocalTime.now().withNano(0),
                (System.nanoTime() - t0) / 1e9, message);
    }
}
