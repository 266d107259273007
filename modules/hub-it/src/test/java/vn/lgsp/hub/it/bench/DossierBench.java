package vn.lgsp.hub.it.bench;

import static org.awaitility.Awaitility.await;
import static vn.lgsp.hub.it.bench.BenchSupport.loadAverage;
import static vn.lgsp.hub.it.bench.BenchSupport.log;
import static vn.lgsp.hub.it.bench.BenchSupport.medianRow;
import static vn.lgsp.hub.it.bench.BenchSupport.row;
import static vn.lgsp.hub.it.bench.BenchSupport.seconds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.lgsp.hub.it.EventFactory;
import vn.lgsp.hub.it.EventFactory.Event;
import vn.lgsp.hub.it.HubClient;
import vn.lgsp.hub.it.HubProcess;
import vn.lgsp.hub.it.bench.BenchSupport.Load;
import vn.lgsp.hub.it.bench.BenchSupport.Options;
import vn.lgsp.hub.it.bench.BenchSupport.Outcome;
import vn.lgsp.hub.it.bench.BenchSupport.Sender;
import vn.lgsp.hub.simulators.portal.PortalSimulator;
import vn.lgsp.hub.simulators.portal.ReceivedCall;

/**
 * Load driver for flow 1 (dossier status sync), run by {@code scripts/bench}; method and figures in
 * {@code docs/BENCHMARKS.md}. Not a test: it asserts nothing about time.
 *
 * <p>Two runs side by side on the same machine, with the same clients and the same portal simulator:
 * <ol>
 *   <li><b>hub</b>: the packaged hub as a process (embedded default: Artemis and H2 under a fresh data directory)
 *       delivering to the simulator; the clients post one-stop-shop events to it;</li>
 *   <li><b>baseline</b>: the hub stopped, the same clients post the very same items the portal received from the hub
 *       (its wire form: envelope, item, idempotency key) straight to the simulator; what a hub-less direct call
 *       costs.</li>
 * </ol>
 * Each run first sends a warm-up set of other dossiers (not measured). Per dossier, events are sent one after the
 * other (the next only after the 202 or 200 of the previous one); dossiers are spread over the client threads.
 */
public final class DossierBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Dossier numbers of the warm-up; measured rounds use 1, 2, ... below it. */
    private static final int WARMUP_FIRST_NUMBER = 9000;
    /** The portal answers at once here, so a delivery pause this long means the hub is stuck. */
    private static final Duration STALL = Duration.ofSeconds(60);

    private final Options options;
    private final int events;
    private final int dossiers;
    private final int clients;
    private final int warmupEvents;
    private final int perDossier;
    private final int rounds;

    private DossierBench(Options options) {
        this.options = options;
        this.events = options.getInt("events", 5000);
        this.dossiers = options.getInt("dossiers", 100);
        this.clients = options.getInt("clients", 8);
        this.warmupEvents = options.getInt("warmup", 2000);
        if (events % dossiers != 0 || events / dossiers < 3) {
            throw new IllegalArgumentException("events must be a multiple of dossiers, at least 3 per dossier");
        }
        this.perDossier = events / dossiers;
        this.rounds = options.getInt("rounds", 1);
        if (rounds < 1 || rounds * dossiers >= WARMUP_FIRST_NUMBER) {
            throw new IllegalArgumentException("rounds x dossiers must stay below " + WARMUP_FIRST_NUMBER);
        }
    }

    public static void main(String[] args) throws Exception {
        BenchSupport.quietSimulators();
        new DossierBench(Options.parse(args)).run();
        System.exit(0);
    }

    /** What one run measured. */
    record Result(String name, int events, int errors, Duration sending, Duration endToEnd, long[] latenciesNanos) {

        double acceptedPerSecond() {
            return events / seconds(sending);
        }

        double deliveredPerSecond() {
            return events / seconds(endToEnd);
        }

        double percentileMillis(double p) {
            return BenchSupport.percentileMillis(latenciesNanos, p);
        }
    }

    private void run() throws Exception {
        Path work = BenchSupport.runDirectory(options);
        String hubArgs = options.get("hub-args", "");
        EventFactory factory = new EventFactory(EventFactory.originFor(perDossier), 7);
        List<List<Event>> warmup = histories(factory, WARMUP_FIRST_NUMBER, Math.max(1, warmupEvents / perDossier));
        int warmupCount = warmup.stream().mapToInt(List::size).sum();

        String setup = events + " events over " + dossiers + " dossiers (" + perDossier + " each: 2, "
                + (perDossier - 2) + "x4, 9), " + clients + " client threads, " + rounds + " round(s); warm-up "
                + warmupCount + " events" + (hubArgs.isBlank() ? "" : "; hub arguments: " + hubArgs);
        String machineAtStart = BenchSupport.announce(setup);

        PortalSimulator portal = new PortalSimulator(0);
        portal.start();
        List<Result[]> results = new ArrayList<>();
        List<String> loads = new ArrayList<>();
        HubProcess process = BenchSupport.hubProcess(options, work, portal.baseUrl());
        HttpClient http = BenchSupport.httpClient();
        try {
            BenchSupport.startHub(process);
            HubClient client = new HubClient(process.baseUrl());
            Sender<Event> toHub = e -> {
                HubClient.Reply r = client.postEvent(e.json());
                return new Outcome(r.accepted(), r.nanos(), r.status());
            };
            runHub("hub warm-up", warmup, toHub, portal);
            baseline("baseline warm-up", portal.received(), http);
            for (int round = 1; round <= rounds; round++) {
                loads.add(loadAverage());
                int before = portal.received().size();
                Result hub = runHub("hub round " + round, histories(factory, 1 + (round - 1) * dossiers, dossiers),
                        toHub, portal);
                List<ReceivedCall> all = portal.received();
                Result base = baseline("baseline round " + round, all.subList(before, all.size()), http);
                results.add(new Result[] {hub, base});
            }
        } finally {
            process.stop();
            portal.stop();
        }
        BenchSupport.cleanUp(process, options);
        BenchSupport.publish(work, machineAtStart, setup, loads,
                results.stream().map(r -> table(r[0], r[1])).toList(), medianTable(results));
    }

    /** The baseline for these items: a fresh simulator (no keys seen), one session, the items posted directly. */
    private Result baseline(String name, List<ReceivedCall> items, HttpClient http) throws Exception {
        PortalSimulator direct = new PortalSimulator(0);
        direct.start();
        try {
            String session = login(http, direct.baseUrl());
            return runBaseline(name, byDossier(items), c -> postDirect(http, direct.baseUrl(), session, c), direct);
        } finally {
            direct.stop();
        }
    }

    private Result runHub(String name, List<List<Event>> histories, Sender<Event> sender, PortalSimulator portal) {
        int before = portal.received().size();
        int count = histories.stream().mapToInt(List::size).sum();
        log(name + ": sending " + count + " events (load average " + loadAverage() + ")");
        Load load = BenchSupport.send(clients, histories, sender);
        log(String.format("%s: %d accepted in %.1f s, %d errors; waiting for delivery", name, count,
                seconds(load.sending()), load.errors()));
        long[] progress = {-1, System.nanoTime()};
        await(name + " delivered").atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    int n = portal.received().size();
                    if (n != progress[0]) {
                        progress[0] = n;
                        progress[1] = System.nanoTime();
                    } else if (System.nanoTime() - progress[1] > STALL.toNanos()) {
                        throw new IllegalStateException(name + ": no delivery for " + STALL.toSeconds() + " s, "
                                + (n - before) + " of " + count + " at the portal; see the hub log");
                    }
                    return n >= before + count;
                });
        List<ReceivedCall> got = portal.received();
        Instant last = got.subList(before, got.size()).stream().map(ReceivedCall::receivedAt)
                .max(Comparator.naturalOrder()).orElseThrow();
        Duration endToEnd = Duration.between(load.firstSend(), last);
        log(String.format("%s: all %d at the portal %.1f s after the first send (%d portal duplicates so far)", name,
                count, seconds(endToEnd), portal.duplicateCount()));
        return new Result(name, count, load.errors(), load.sending(), endToEnd, load.latencies());
    }

    private Result runBaseline(String name, List<List<ReceivedCall>> items, Sender<ReceivedCall> sender,
                               PortalSimulator portal) {
        int before = portal.received().size();
        int count = items.stream().mapToInt(List::size).sum();
        log(name + ": posting " + count + " items straight to the portal");
        Load load = BenchSupport.send(clients, items, sender);
        List<ReceivedCall> got = portal.received();
        if (got.size() - before != count) {
            throw new IllegalStateException(name + ": portal recorded " + (got.size() - before) + " of " + count);
        }
        Instant last = got.subList(before, got.size()).stream().map(ReceivedCall::receivedAt)
                .max(Comparator.naturalOrder()).orElseThrow();
        Duration endToEnd = Duration.between(load.firstSend(), last);
        log(String.format("%s: %d in %.1f s, %d errors", name, count, seconds(load.sending()), load.errors()));
        return new Result(name, count, load.errors(), load.sending(), endToEnd, load.latencies());
    }

    private static String login(HttpClient http, String baseUrl) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.put("username", PortalSimulator.DEFAULT_USERNAME);
        body.put("password", PortalSimulator.DEFAULT_PASSWORD);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + PortalSimulator.AUTH_PATH))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).path("session").asText();
    }

    /** The call the hub's portal connector makes, made directly: envelope, item, session and idempotency key. */
    private static Outcome postDirect(HttpClient http, String baseUrl, String session, ReceivedCall call)
            throws IOException, InterruptedException {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("service", call.service());
        if ("DongBoHoSoMC".equals(call.service())) {
            envelope.put("isUpdating", call.updating() ? "True" : "False");
        }
        envelope.putArray("data").add(JSON.valueToTree(call.item()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + PortalSimulator.API_PATH))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .header("session", session)
                .header("X-Idempotency-Key", call.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(envelope)))
                .build();
        long started = System.nanoTime();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        long nanos = System.nanoTime() - started;
        boolean ok = r.statusCode() == 200 && "0".equals(JSON.readTree(r.body()).path("error_code").asText());
        return new Outcome(ok, nanos, r.statusCode());
    }

    /** The portal's items grouped by dossier, each group in arrival order (which is the order sent, per dossier). */
    private static List<List<ReceivedCall>> byDossier(List<ReceivedCall> calls) {
        Map<String, List<ReceivedCall>> groups = new LinkedHashMap<>();
        for (ReceivedCall c : calls) {
            groups.computeIfAbsent(c.dossierCode(), k -> new ArrayList<>()).add(c);
        }
        return new ArrayList<>(groups.values());
    }

    private List<List<Event>> histories(EventFactory factory, int firstNumber, int count) {
        List<List<Event>> histories = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            histories.add(factory.history(firstNumber + i, perDossier - 2, false));
        }
        return histories;
    }

    private String table(Result hub, Result base) {
        StringBuilder t = BenchSupport.tableHead("direct to portal");
        row(t, "events accepted per second (202s over the sending time)", hub.acceptedPerSecond(),
                base.acceptedPerSecond(), "%.0f");
        row(t, "events delivered per second, end to end (first send to last arrival at the portal)",
                hub.deliveredPerSecond(), base.deliveredPerSecond(), "%.0f");
        row(t, "POST latency p50 (ms)", hub.percentileMillis(50), base.percentileMillis(50), "%.1f");
        row(t, "POST latency p95 (ms)", hub.percentileMillis(95), base.percentileMillis(95), "%.1f");
        row(t, "sending time (s)", seconds(hub.sending()), seconds(base.sending()), "%.1f");
        row(t, "first send to last arrival (s)", seconds(hub.endToEnd()), seconds(base.endToEnd()), "%.1f");
        t.append(String.format("| failed calls (repeated) | %d | %d | |%n", hub.errors(), base.errors()));
        return t.toString();
    }

    private static String medianTable(List<Result[]> results) {
        StringBuilder t = BenchSupport.tableHead("direct to portal");
        medianRow(t, "events accepted per second", results, Result::acceptedPerSecond, "%.0f");
        medianRow(t, "events delivered per second, end to end", results, Result::deliveredPerSecond, "%.0f");
        medianRow(t, "POST latency p50 (ms)", results, r -> r.percentileMillis(50), "%.1f");
        medianRow(t, "POST latency p95 (ms)", results, r -> r.percentileMillis(95), "%.1f");
        return t.toString();
    }
}
