package vn.lgsp.hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

    /** Held so that the level sticks: the simulator logs every delayed reply at INFO. */
    private static final java.util.logging.Logger SIMULATOR_LOG = CrashHarness.quiet("vn.lgsp.hub.simulators");

    private final CrashHarness run = new CrashHarness("CrashRecoveryIT");
    private PortalSimulator portal;

    @BeforeEach
    void startPortal() {
        portal = new PortalSimulator(0);
        portal.start();
        portal.injectDelay(PORTAL_DELAY, Integer.MAX_VALUE);
    }

    @AfterEach
    void tearDown() {
        run.close(portal);
    }

    @Test
    void noEventIsLostOrDeliveredTwiceWhenTheHubIsKilledWhileDelivering(TestInfo test) throws Exception {
        HubProcess hub = run.install("crash", b -> b.portalUrl(portal.baseUrl()));
        EventFactory factory = new EventFactory(EventFactory.originFor(PROGRESS_STEPS + 2), 42);
        List<List<Event>> histories = new ArrayList<>();
        for (int d = 0; d < DOSSIERS; d++) {
            histories.add(factory.history(d + 1, PROGRESS_STEPS, false));
        }
        OrderedSenders<Event> sending = new OrderedSenders<>(histories, SENDERS, Event::identity, Event::json,
                HubClient::postEvent, null);

        log("phase 1: starting hub (data " + hub.dataDir() + ", portal " + portal.baseUrl()
                + (CrashHarness.HUB_ARGS.isBlank() ? "" : ", arguments " + CrashHarness.HUB_ARGS) + ")");
        run.start();
        log("phase 1: hub healthy on " + hub.baseUrl() + " (pid " + hub.pid() + "); sending " + EVENTS + " events over "
                + DOSSIERS + " dossiers with " + SENDERS + " clients");

        ExecutorService clients = Executors.newFixedThreadPool(SENDERS);
        List<Future<?>> firstRound = new ArrayList<>();
        HubClient client = new HubClient(hub.baseUrl());
        for (int s = 0; s < SENDERS; s++) {
            int sender = s;
            firstRound.add(clients.submit(() -> sending.sendUntilFailure(client, sender)));
        }
        run.awaitWhileAlive("at least " + KILL_AFTER_DELIVERED + " events delivered before the kill",
                Duration.ofSeconds(120), () -> portal.received().size() >= KILL_AFTER_DELIVERED);
        int acceptedAtKill = sending.accepted.get();
        int deliveredAtKill = portal.received().size();
        run.kill();
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
        run.start();
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

        boolean complete = run.awaitCount("phase 4", "all " + EVENTS + " events at the portal",
                () -> portal.received().size(), EVENTS, STALL_BOUND, Duration.ofMinutes(5));
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
        run.awaitDelivered(again, sending.exchangeIds, SENDERS);
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
        run.passed();
        log("done: " + EVENTS + " events, each delivered exactly once and in order per dossier; portal duplicates "
                + portal.duplicateCount() + " (" + test.getDisplayName() + ")");
    }

    /** For a failed run: which events are missing, and what the hub says about them. */
    private void describeMissing(List<List<Event>> histories, List<ReceivedCall> received,
                                 OrderedSenders<Event> sending, HubClient client) {
        Set<String> got = received.stream().map(EventFactory::identity).collect(Collectors.toSet());
        List<Event> missing = histories.stream().flatMap(List::stream).filter(e -> !got.contains(e.identity()))
                .toList();
        log("missing " + missing.size() + " events; the first of each dossier with the hub's view:");
        Set<String> shown = new java.util.HashSet<>();
        for (Event e : missing) {
            if (shown.add(e.dossierCode())) {
                String id = sending.exchangeIds.get(e.identity());
                log("  " + e + " exchange " + id + ": " + run.describe(client, id));
            }
        }
    }

    private void log(String message) {
        run.log(message);
    }
}
