package vn.lgsp.hub.it.bench;

import static vn.lgsp.hub.it.bench.BenchSupport.loadAverage;
import static vn.lgsp.hub.it.bench.BenchSupport.log;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import vn.lgsp.hub.it.EventFactory;
import vn.lgsp.hub.it.EventFactory.Event;
import vn.lgsp.hub.it.HubClient;
import vn.lgsp.hub.it.HubProcess;
import vn.lgsp.hub.it.bench.BenchSupport.Options;

/**
 * Flow 1 (dossier status sync) under an open model ({@code scripts/bench dossiers-open}); method and figures in
 * {@code docs/BENCHMARKS.md}. Not a test: it asserts nothing about time.
 *
 * <p>At each fixed arrival rate ({@code --rates=25,50}) two phases run in turn with the same generator
 * ({@link OpenLoad}) and the same light portal stub ({@link LightPortalStub}), each {@code --warmup} seconds (not
 * recorded) then {@code --seconds} seconds (recorded):
 * <ol>
 *   <li><b>hub</b>: intake events (status 2) of new dossiers, one per arrival, posted to
 *       {@code POST /api/v1/dossiers/events} of the packaged hub as a process (embedded default). Measured: the
 *       {@code 202} from the intended send time (accepted), and, per event, the moment the stub received its dossier
 *       from the hub minus the intended send time (delivered, end to end);</li>
 *   <li><b>direct</b>: the calls the stub received from the hub in that phase (body, session, idempotency key),
 *       replayed in the same order at the same rate straight to the stub, as a hub-less one-stop-shop would post them;
 *       there, accepted and delivered are the same answer.</li>
 * </ol>
 * Each dossier gets one event, so per-dossier ordering never holds an event back: the arrival rate is the rate.
 */
public final class DossierOpenBench {

    private static final Duration STALL = Duration.ofSeconds(60);

    private final Options options;
    private final int[] rates;
    private final int seconds;
    private final int warmup;
    private final int initialWarmup;
    private final int maxInFlight;
    private final double maxLagMs;
    private final Duration timeout;
    private final EventSource events = new EventSource();

    private DossierOpenBench(Options options) {
        this.options = options;
        this.rates = Arrays.stream(options.get("rates", "25,50").split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
        this.seconds = options.getInt("seconds", 20);
        this.warmup = options.getInt("warmup", 10);
        this.initialWarmup = options.getInt("initial-warmup", 30);
        this.maxInFlight = options.getInt("max-in-flight", 5000);
        this.maxLagMs = Double.parseDouble(options.get("max-lag-ms", "1"));
        this.timeout = Duration.ofSeconds(options.getInt("timeout-seconds", 10));
        if (rates.length == 0 || Arrays.stream(rates).anyMatch(r -> r < 1) || seconds < 1 || warmup < 0) {
            throw new IllegalArgumentException("--rates must list rates of at least 1/s, --seconds at least 1");
        }
    }

    public static void main(String[] args) throws Exception {
        BenchSupport.quietSimulators();
        new DossierOpenBench(Options.parse(args)).run();
        System.exit(0);
    }

    /** Intake events of new dossiers, never the same code twice: 9,999 numbers a day, then the day before. */
    static final class EventSource {

        private final java.time.Instant origin = EventFactory.originFor(1);
        private final Map<Integer, EventFactory> factories = new LinkedHashMap<>();
        private int next;

        List<Event> take(int count) {
            List<Event> taken = new ArrayList<>(count);
            for (int k = 0; k < count; k++, next++) {
                int day = next / 9999;
                EventFactory f = factories.computeIfAbsent(day,
                        d -> new EventFactory(origin.minus(d, ChronoUnit.DAYS), 11));
                taken.add(f.history(next % 9999 + 1, 0, false).get(0));
            }
            return taken;
        }
    }

    /** One rate's figures: the hub's acceptance, its end-to-end delivery and the direct call. */
    record Phase(int rate, OpenLoad.Result accepted, Histogram delivered, long undelivered, OpenLoad.Result direct,
                 int hubCalls) {
    }

    private void run() throws Exception {
        Path work = BenchSupport.runDirectory(options);
        String hubArgs = options.get("hub-args", "");
        String setup = "open model, rates " + Arrays.toString(rates) + " events per second, each phase " + warmup
                + " s warm-up then " + seconds + " s measured, after an initial warm-up of " + initialWarmup
                + " s at the first rate; one intake event (status 2) per new dossier; latency from the intended send"
                + " time; portal stub: JDK HttpServer, " + options.getInt("stub-threads", 2) + " threads"
                + (hubArgs.isBlank() ? "" : "; hub arguments: " + hubArgs);
        String machineAtStart = BenchSupport.announce(setup);
        LightPortalStub portal = new LightPortalStub(options.getInt("stub-threads", 2)).start();
        HubProcess process = BenchSupport.hubProcess(options, work, portal.baseUrl());
        List<Phase> phases = new ArrayList<>();
        try {
            BenchSupport.startHub(process);
            HttpClient toHub = BenchSupport.httpClient();
            HttpClient direct = BenchSupport.httpClient();
            if (initialWarmup > 0) {
                Phase w = phase("initial warm-up", rates[0], 0, initialWarmup, process, portal, toHub, direct);
                log(String.format(Locale.ROOT, "initial warm-up done: hub accepted p99 %.1f ms, delivered p99 %.1f ms,"
                        + " direct p99 %.2f ms", w.accepted().ms(99), w.delivered().getValueAtPercentile(99) / 1e6,
                        w.direct().ms(99)));
            }
            Path histograms = Files.createDirectories(work.resolve("histograms"));
            for (int rate : rates) {
                Phase p = phase("rate " + rate, rate, warmup, seconds, process, portal, toHub, direct);
                phases.add(p);
                write(histograms.resolve(rate + "-hub-accepted.hgrm"), p.accepted().latency());
                write(histograms.resolve(rate + "-hub-delivered.hgrm"), p.delivered());
                write(histograms.resolve(rate + "-direct.hgrm"), p.direct().latency());
            }
        } finally {
            process.stop();
            portal.close();
        }
        BenchSupport.cleanUp(process, options);
        publish(work, machineAtStart, setup, phases);
    }

    private Phase phase(String name, int rate, int warm, int measured, HubProcess process, LightPortalStub portal,
                        HttpClient toHub, HttpClient direct) throws InterruptedException {
        int total = rate * (warm + measured);
        List<Event> batch = events.take(total);
        HttpRequest[] requests = new HttpRequest[total];
        for (int i = 0; i < total; i++) {
            requests[i] = HttpRequest.newBuilder(URI.create(process.baseUrl() + "/api/v1/dossiers/events"))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("X-API-Key", HubClient.DEFAULT_API_KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(batch.get(i).json(), StandardCharsets.UTF_8))
                    .build();
        }
        long[] intended = new long[total];
        boolean[] recorded = new boolean[total];
        log(String.format("%s, hub: %d events at %d/s (load average %s)", name, total, rate, loadAverage()));
        portal.startRecording();
        OpenLoad.Result accepted = OpenLoad.run("hub", toHub, rate, warm, measured, i -> requests[i],
                r -> r.statusCode() == 202 || r.statusCode() == 200, maxInFlight, (i, t, m) -> {
                    intended[i] = t;
                    recorded[i] = m;
                });
        // wait for the hub to deliver every accepted event, as long as deliveries keep coming
        long lastProgress = System.nanoTime();
        int missing = Integer.MAX_VALUE;
        while (true) {
            int now = 0;
            for (int i = 0; i < total; i++) {
                if (intended[i] != 0 && portal.arrival(batch.get(i).dossierCode()) == null) {
                    now++;
                }
            }
            if (now == 0) {
                break;
            }
            if (now < missing) {
                missing = now;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                log(name + ": " + now + " events not delivered after " + STALL.toSeconds() + " s without progress");
                break;
            }
            Thread.sleep(100);
        }
        List<LightPortalStub.Call> calls = portal.stopRecording();
        Histogram delivered = new Histogram(1_000, TimeUnit.SECONDS.toNanos(600), 3);
        long undelivered = 0;
        for (int i = 0; i < total; i++) {
            if (!recorded[i]) {
                continue;
            }
            Long at = portal.arrival(batch.get(i).dossierCode());
            if (at == null) {
                undelivered++;
            } else {
                delivered.recordValue(Math.min(delivered.getHighestTrackableValue(), Math.max(1_000, at - intended[i])));
            }
        }
        log(String.format(Locale.ROOT, "%s, hub: accepted %d of %d (%d failed), p50 %.1f p99 %.1f ms; delivered p50 "
                        + "%.1f p99 %.1f ms, %d undelivered; %d portal calls; lag p99 %.2f ms", name, accepted.ok(),
                accepted.sent(), accepted.errors(), accepted.ms(50), accepted.ms(99),
                delivered.getValueAtPercentile(50) / 1e6, delivered.getValueAtPercentile(99) / 1e6, undelivered,
                calls.size(), accepted.lagMs(99)));
        Thread.sleep(1000);
        if (calls.isEmpty()) {
            throw new IllegalStateException(name + ": the portal stub received nothing from the hub");
        }
        HttpRequest[] replay = new HttpRequest[calls.size()];
        for (int i = 0; i < replay.length; i++) {
            LightPortalStub.Call c = calls.get(i);
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(portal.baseUrl() + LightPortalStub.API_PATH))
                    .timeout(timeout)
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(c.body()));
            if (c.session() != null) {
                b.header("session", c.session());
            }
            if (c.idempotencyKey() != null) {
                b.header("X-Idempotency-Key", c.idempotencyKey());
            }
            replay[i] = b.build();
        }
        log(String.format("%s, direct: the hub's %d portal calls replayed at %d/s (load average %s)", name,
                calls.size(), rate, loadAverage()));
        OpenLoad.Result directResult = OpenLoad.run("direct", direct, rate, warm, measured,
                i -> replay[i % replay.length], r -> r.statusCode() == 200 && r.body().contains("\"error_code\":\"0\""),
                maxInFlight);
        log(String.format(Locale.ROOT, "%s, direct: %d ok, %d failed, p50 %.2f p99 %.2f ms, lag p99 %.2f ms", name,
                directResult.ok(), directResult.errors(), directResult.ms(50), directResult.ms(99),
                directResult.lagMs(99)));
        Thread.sleep(1000);
        return new Phase(rate, accepted, delivered, undelivered, directResult, calls.size());
    }

    private static void write(Path file, Histogram h) throws IOException {
        try (PrintStream out = new PrintStream(file.toFile(), StandardCharsets.UTF_8)) {
            h.outputPercentileDistribution(out, 1e6);
        }
    }

    private void publish(Path work, String machineAtStart, String setup, List<Phase> phases) throws IOException {
        StringBuilder report = new StringBuilder();
        report.append("Machine: ").append(machineAtStart).append("; at the end: load average ").append(loadAverage())
                .append("\n\nLoad: ").append(setup).append("\n\n");
        report.append("Latency from the intended send time (ms). Hub accepted: until the 202. Hub delivered: until the "
                + "portal stub received the dossier from the hub. Direct: the same portal calls posted straight to "
                + "the stub, until its answer.\n\n");
        report.append("| rate (/s) | hub accepted p50 / p99 | hub delivered p50 / p99 / max | direct p50 / p99 "
                + "| delivered − direct p50 / p99 | hub failed / undelivered | generator kept up (hub, direct) |\n");
        report.append("|---:|---:|---:|---:|---:|---:|:---:|\n");
        for (Phase p : phases) {
            Histogram d = p.delivered();
            report.append(String.format(Locale.ROOT,
                    "| %d | %.1f / %.1f | %.1f / %.1f / %.1f | %.2f / %.2f | %.1f / %.1f | %d / %d of %d | %s, %s |%n",
                    p.rate(), p.accepted().ms(50), p.accepted().ms(99), d.getValueAtPercentile(50) / 1e6,
                    d.getValueAtPercentile(99) / 1e6, d.getMaxValue() / 1e6, p.direct().ms(50), p.direct().ms(99),
                    d.getValueAtPercentile(50) / 1e6 - p.direct().ms(50),
                    d.getValueAtPercentile(99) / 1e6 - p.direct().ms(99), p.accepted().errors(), p.undelivered(),
                    p.accepted().sent(), p.accepted().keptUp(maxLagMs) ? "yes" : "no",
                    p.direct().keptUp(maxLagMs) ? "yes" : "no"));
        }
        report.append("\nGenerator detail (ms):\n\n| rate (/s) | path | achieved (/s) | ok | failed | p90 | p99.9 | "
                + "lag p99 / max | most in flight |\n|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Phase p : phases) {
            for (OpenLoad.Result r : List.of(p.accepted(), p.direct())) {
                report.append(String.format(Locale.ROOT, "| %d | %s | %.0f | %d | %d | %.2f | %.2f | %.2f / %.1f | %d |%n",
                        p.rate(), r.target(), r.achievedRate(), r.ok(), r.errors(), r.ms(90), r.ms(99.9), r.lagMs(99),
                        r.maxLagMs(), r.maxInFlight()));
            }
        }
        report.append("\nFull distributions (HdrHistogram, ms): histograms/<rate>-{hub-accepted,hub-delivered,direct}"
                + ".hgrm\n");
        System.out.println();
        System.out.println(report);
        Path file = work.resolve("result.md");
        Files.writeString(file, report.toString());
        log("written " + file);
    }
}
