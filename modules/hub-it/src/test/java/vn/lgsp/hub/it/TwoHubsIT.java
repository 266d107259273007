package vn.lgsp.hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
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
 * <p>The set-up is {@link TwoHubsSetup}'s (shared with the failure drills, {@link DrillsIT}): needs the Artemis
 * distribution in the local Maven repository ({@code scripts/artemis install} fetches it) and PostgreSQL at
 * {@code hub.test.postgres.url}; without either the test is skipped, unless {@code hub.test.artemis.required} or
 * {@code hub.test.postgres.required} is true, which makes it fail.
 */
class TwoHubsIT {

    private static final int DOSSIERS = 12;
    private static final int PROGRESS_STEPS = 10;
    private static final int EVENTS = DOSSIERS * (PROGRESS_STEPS + 2);
    private static final int SENDERS = 4;

    /** Held so that the level sticks: the simulator logs every delayed reply at INFO. */
    private static final java.util.logging.Logger SIMULATOR_LOG = CrashHarness.quiet("vn.lgsp.hub.simulators");

    private final CrashHarness run = new CrashHarness("TwoHubsIT");
    private final TwoHubsSetup setup = new TwoHubsSetup(run, "two-hubs");
    private List<HubProcess> hubs = List.of();
    private PortalSimulator portal;

    @BeforeEach
    void setUp() throws Exception {
        setup.requireArtemisDistribution();
        setup.createSchema();
        setup.startBroker();
        portal = new PortalSimulator(0);
        portal.start();
        // a little slower than the hubs accept, so that a backlog forms and both hubs' consumers take part
        portal.injectDelay(Duration.ofMillis(10), Integer.MAX_VALUE);
    }

    @AfterEach
    void tearDown() throws Exception {
        try {
            setup.close();
        } finally {
            if (portal != null) {
                portal.stop();
            }
        }
    }

    @Test
    void twoInstancesSharingBrokerAndDatabaseDeliverEveryEventOnceAndInOrderPerDossier() throws Exception {
        hubs = setup.installHubs(portal);
        setup.startHubs();

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
                .until(() -> TwoHubsSetup.delivered(hubs.get(0)) + TwoHubsSetup.delivered(hubs.get(1)) >= EVENTS);
        double first = TwoHubsSetup.delivered(hubs.get(0));
        double second = TwoHubsSetup.delivered(hubs.get(1));
        log("delivered by hub 1: " + (long) first + ", by hub 2: " + (long) second + "; portal calls "
                + portal.callCount() + ", replays of an accepted idempotency key " + portal.duplicateCount());
        assertThat(first).as("events hub 1 delivered").isPositive();
        assertThat(second).as("events hub 2 delivered").isPositive();
        assertThat(first + second).as("deliveries of both hubs together").isEqualTo(EVENTS);
        setup.passed();
        log("done: " + EVENTS + " events over " + DOSSIERS + " dossiers, each delivered once and in order");
    }

    private void log(String message) {
        run.log(message);
    }
}
