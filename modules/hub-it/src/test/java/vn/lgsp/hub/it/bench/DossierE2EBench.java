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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import vn.lgsp.hub.it.EventFactory;
import vn.lgsp.hub.it.EventFactory.Event;
import vn.lgsp.hub.it.HubClient;
import vn.lgsp.hub.it.HubProcess;
import vn.lgsp.hub.it.bench.BenchSupport.Options;
import org.springframework.util.FileSystemUtils;

/**
 * Benchmark 2 ({@code scripts/bench dossiers-e2e}): dossier status sync end to end (accepted → durable → delivered →
 * logged), with the exchange log on H2 and on PostgreSQL, against raw Artemis durable send-and-receive of messages of
 * the same size on the same machine in the same run. Method and figures in {@code docs/BENCHMARKS.md}. Not a test: it
 * asserts nothing about time.
 *
 * <p><b>Traffic.</b> Each dossier goes through its lifecycle as the one-stop-shop reports it: intake (2), processing
 * (4, a status change: a dossier sync {@code DongBoHoSoMC}), {@code --progress-steps - 1} more progress reports (4
 * again: {@code CapNhatTienDoHoSoMC}), processing done (9) and the result handed over (10). Many dossiers are
 * interleaved: the events go round {@code rate × --dossier-gap-ms / 1000} dossiers in turn, so the events of one
 * dossier are {@code --dossier-gap-ms} apart and each dossier's successor starts when it has ended. Events arrive at a
 * fixed rate ({@link OpenLoad}); latencies are from the intended send time.
 *
 * <p><b>Measured per event.</b> Accepted: until the {@code 202}. End to end: until the light portal stub
 * ({@link LightPortalStub}) received the call that carries the event (matched by the event's identity). Delivered/s:
 * events that reached the stub within the measured window, per second of it. Backlog: events accepted but not at the
 * stub when the last answer came; drain: from then until the last one arrived. Logged: the hub's counter of exchanges
 * moved to DELIVERED in the exchange log ({@code hub.exchanges.delivered}, incremented after that commit), compared
 * with the events the stub received; with PostgreSQL also {@code exchange} rows by state, counted in the database.
 *
 * <p><b>Baseline.</b> {@link RawArtemisBaseline}: the same rates, the same bodies, the same properties, blocking durable
 * sends and transacted receives on an embedded broker over the in-VM connector, as the hub's embedded default does.
 */
public final class DossierE2EBench {

    private static final Duration STALL = Duration.ofSeconds(60);
    /** Which event of the phase a request carries, so that its answer can be matched to it; the hub ignores it. */
    private static final String INDEX_HEADER = "X-Bench-Event";
    private static final Pattern DELIVERED_COUNTER =
            Pattern.compile("^hub_exchanges_delivered_total\\{[^}]*flow=\"dossier-sync\"[^}]*} ([0-9.eE+]+)$",
                    Pattern.MULTILINE);
    private static final Pattern FAILED_COUNTER =
            Pattern.compile("^hub_exchanges_failed_total\\{[^}]*flow=\"dossier-sync\"[^}]*} ([0-9.eE+]+)$",
                    Pattern.MULTILINE);

    private final Options options;
    private final int[] rates;
    private final int[] rawRates;
    private final int seconds;
    private final int warmup;
    private final int initialWarmup;
    private final int progressSteps;
    private final int gapMs;
    private final int maxInFlight;
    private final double maxLagMs;
    private final Duration timeout;
    private final List<String> stores;

    private DossierE2EBench(Options options) {
        this.options = options;
        this.rates = ints(options.get("rates", "50,100,200,400"));
        this.rawRates = ints(options.get("raw-rates", options.get("rates", "50,100,200,400") + ",1000,2000,4000"));
        this.seconds = options.getInt("seconds", 15);
        this.warmup = options.getInt("warmup", 5);
        this.initialWarmup = options.getInt("initial-warmup", 15);
        this.progressSteps = options.getInt("progress-steps", 3);
        this.gapMs = options.getInt("dossier-gap-ms", 5000);
        this.maxInFlight = options.getInt("max-in-flight", 5000);
        this.maxLagMs = Double.parseDouble(options.get("max-lag-ms", "1"));
        this.timeout = Duration.ofSeconds(options.getInt("timeout-seconds", 10));
        String store = options.get("store", "both");
        this.stores = switch (store) {
            case "h2" -> List.of("h2");
            case "postgres" -> List.of("postgres");
            case "both" -> List.of("h2", "postgres");
            case "none" -> List.of();
            default -> throw new IllegalArgumentException("--store is h2, postgres, both or none (raw Artemis only), got "
                    + store);
        };
        if (rates.length == 0 || Arrays.stream(rates).anyMatch(r -> r < 1) || seconds < 1 || warmup < 0
                || progressSteps < 1 || gapMs < 1) {
            throw new IllegalArgumentException("--rates must list rates of at least 1/s, --seconds, --progress-steps"
                    + " and --dossier-gap-ms at least 1");
        }
    }

    private static int[] ints(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .mapToInt(Integer::parseInt).distinct().toArray();
    }

    public static void main(String[] args) throws Exception {
        BenchSupport.quietSimulators();
        new DossierE2EBench(Options.parse(args)).run();
        System.exit(0);
    }

    /**
     * Dossier lifecycles interleaved: event {@code i} of a phase belongs to slot {@code i mod W}; each slot runs one
     * dossier's history after another. Dossier codes never repeat within one hub installation.
     */
    static final class Lifecycles {

        private final java.time.Instant origin;
        private final int progressSteps;
        private final Map<Integer, EventFactory> factories = new HashMap<>();
        private int nextDossier;

        Lifecycles(int progressSteps) {
            this.progressSteps = progressSteps;
            this.origin = EventFactory.originFor(progressSteps + 3);
        }

        int eventsPerDossier() {
            return progressSteps + 3;
        }

        List<Event> schedule(int total, int slots) {
            int length = eventsPerDossier();
            Map<Integer, List<Event>> histories = new HashMap<>();
            List<Event> events = new ArrayList<>(total);
            int base = nextDossier;
            int highest = -1;
            for (int i = 0; i < total; i++) {
                int slot = i % slots;
                int round = i / slots;
                int dossier = base + slot + slots * (round / length);
                highest = Math.max(highest, dossier);
                List<Event> history = histories.computeIfAbsent(dossier, this::history);
                events.add(history.get(round % length));
                if (round % length == length - 1) {
                    histories.remove(dossier);
                }
            }
            nextDossier = highest + 1;
            return events;
        }

        private List<Event> history(int dossier) {
            int day = dossier / 9999;
            EventFactory f = factories.computeIfAbsent(day,
                    d -> new EventFactory(origin.minus(d, ChronoUnit.DAYS), 29));
            return f.history(dossier % 9999 + 1, progressSteps, true);
        }
    }

    /** One rate's figures against one hub. */
    record Phase(String store, int rate, OpenLoad.Result accepted, Histogram endToEnd, long undelivered,
                 double deliveredPerSecond, long backlogAtEnd, double drainSeconds, int portalEvents) {

        boolean sustained() {
            return accepted.errors() == 0 && accepted.notSent() == 0 && undelivered == 0
                    && deliveredPerSecond >= 0.98 * rate && drainSeconds < 1.0;
        }
    }

    /** What the exchange log says at the end of one store's run. */
    record Logged(String store, long stubEvents, double deliveredCounter, double failedCounter, String rowsByState,
                  double commitsPerEvent) {
    }

    private void run() throws Exception {
        Path work = BenchSupport.runDirectory(options);
        Path histograms = Files.createDirectories(work.resolve("histograms"));
        String setup = String.format(Locale.ROOT, "open model, rates %s events per second, each %d s warm-up then %d"
                        + " s measured, after an initial warm-up of %d s at the first rate; dossier lifecycles 2 → 4"
                        + " → %d × 4 → 9 → 10 (%d events), each dossier's events %d ms apart, rate × %d ms dossiers"
                        + " interleaved; stores %s; portal stub: JDK HttpServer, %d threads; raw Artemis rates %s%s",
                Arrays.toString(rates), warmup, seconds, initialWarmup, progressSteps - 1, progressSteps + 3, gapMs,
                gapMs, stores, options.getInt("stub-threads", 2), Arrays.toString(rawRates),
                options.get("hub-args", "").isBlank() ? "" : "; hub arguments: " + options.get("hub-args", ""));
        String machineAtStart = BenchSupport.announce(setup);
        List<Phase> phases = new ArrayList<>();
        List<Logged> logged = new ArrayList<>();
        for (String store : stores) {
            runHub(store, work, histograms, phases, logged);
        }
        List<RawArtemisBaseline.Result> raw = new ArrayList<>();
        String journal;
        Path rawDir = work.resolve("raw-artemis");
        try (RawArtemisBaseline baseline = new RawArtemisBaseline(rawDir, options.getInt("raw-senders", 64),
                options.getInt("raw-consumers", 4))) {
            journal = baseline.journalType();
            log("raw Artemis: journal " + journal);
            Lifecycles lifecycles = new Lifecycles(progressSteps);
            List<RawArtemisBaseline.Payload> warm = payloads(lifecycles.schedule(rawRates[0] * 10, rawRates[0]));
            baseline.run(rawRates[0], 0, Math.max(5, initialWarmup / 2), warm);
            for (int rate : rawRates) {
                int slots = Math.max(1, rate * gapMs / 1000);
                List<RawArtemisBaseline.Payload> payloads =
                        payloads(lifecycles.schedule(Math.min(rate * (warmup + seconds), 20_000), slots));
                log(String.format("raw Artemis, rate %d/s (load average %s)", rate, loadAverage()));
                RawArtemisBaseline.Result r = baseline.run(rate, warmup, seconds, payloads);
                raw.add(r);
                log(String.format(Locale.ROOT, "raw Artemis, rate %d/s: send p50 %.2f p99 %.2f ms, e2e p50 %.2f p99 "
                                + "%.2f ms, received %.0f/s, backlog %d, drain %.2f s, %d send errors, message %d bytes%s",
                        rate, ms(r.send(), 50), ms(r.send(), 99), ms(r.endToEnd(), 50), ms(r.endToEnd(), 99),
                        r.receivedPerSecond(), r.backlogAtEnd(), r.drainSeconds(), r.sendErrors(), r.messageBytes(),
                        r.sustained() ? "" : " (not sustained)"));
                write(histograms.resolve("raw-" + rate + "-send.hgrm"), r.send());
                write(histograms.resolve("raw-" + rate + "-e2e.hgrm"), r.endToEnd());
            }
        }
        if (!options.getBoolean("keep-data", false)) {
            FileSystemUtils.deleteRecursively(rawDir);
        }
        publish(work, machineAtStart, setup, journal, phases, logged, raw);
    }

    private static List<RawArtemisBaseline.Payload> payloads(List<Event> events) {
        return events.stream().map(e -> new RawArtemisBaseline.Payload(e.json(), e.dossierCode())).toList();
    }

    private void runHub(String store, Path work, Path histograms, List<Phase> phases, List<Logged> logged)
            throws Exception {
        Path dir = Files.createDirectories(work.resolve(store));
        LightPortalStub portal = new LightPortalStub(options.getInt("stub-threads", 2)).start();
        HubProcess.Builder builder = HubProcess.builder()
                .jar(Path.of(options.require("jar")))
                .dataDir(dir.resolve("hub-data"))
                .logFile(dir.resolve("hub.log"))
                .portalUrl(portal.baseUrl());
        for (String jvm : options.get("hub-jvm", "").trim().split("\\s+")) {
            if (!jvm.isEmpty()) {
                builder.jvmOption(jvm.replace("{dir}", dir.toString()));
            }
        }
        BenchDatabase database = "postgres".equals(store) ? BenchDatabase.create(options, "bench_e2e") : null;
        if (database != null) {
            database.hubArguments().forEach(builder::argument);
        }
        HubProcess process = builder.arguments(options.get("hub-args", "")).build();
        Lifecycles lifecycles = new Lifecycles(progressSteps);
        boolean passed = false;
        try {
            startHub(process);
            long commitsBefore = database == null ? -1 : database.commits();
            HttpClient toHub = BenchSupport.httpClient();
            if (initialWarmup > 0) {
                Phase w = phase(store, "initial warm-up", rates[0], 0, initialWarmup, process, portal, toHub,
                        lifecycles);
                log(String.format(Locale.ROOT, "%s: initial warm-up done: accepted p99 %.1f ms, e2e p99 %.1f ms",
                        store, w.accepted().ms(99), ms(w.endToEnd(), 99)));
            }
            for (int rate : rates) {
                Path jfr = options.getBoolean("jfr", false) ? dir.resolve("hub-" + rate + ".jfr") : null;
                if (jfr != null) {
                    BenchSupport.jcmd(process.pid(), "JFR.start", "name=bench", "settings=profile",
                            "filename=" + jfr);
                }
                Phase p = phase(store, store + ", rate " + rate, rate, warmup, seconds, process, portal, toHub,
                        lifecycles);
                if (jfr != null) {
                    BenchSupport.jcmd(process.pid(), "JFR.stop", "name=bench");
                    log(store + ", rate " + rate + ": flight recording " + jfr);
                }
                phases.add(p);
                write(histograms.resolve(store + "-" + rate + "-accepted.hgrm"), p.accepted().latency());
                write(histograms.resolve(store + "-" + rate + "-e2e.hgrm"), p.endToEnd());
            }
            if (database != null) {
                // a PostgreSQL backend reports its counts to the statistics at most once a second
                Thread.sleep(2_000);
            }
            double perEvent = database == null ? Double.NaN
                    : (database.commits() - commitsBefore) / (double) Math.max(1, portal.events());
            logged.add(logged(store, process, portal, database, perEvent));
            passed = true;
        } finally {
            process.stop();
            portal.close();
            if (database != null) {
                database.close();
            }
        }
        if (passed) {
            BenchSupport.cleanUp(process, options);
        }
    }

    /**
     * Starts the hub and waits until it is healthy, up to {@code --startup-seconds} (300): on a machine shared with
     * other builds a start can take longer than the two minutes of {@link HubProcess#awaitHealthy()}.
     */
    private void startHub(HubProcess process) throws InterruptedException {
        long t = System.nanoTime();
        long deadline = t + TimeUnit.SECONDS.toNanos(options.getInt("startup-seconds", 300));
        process.start();
        while (!process.healthy()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the hub exited before it was healthy; see " + process.logFile());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the hub was not healthy within --startup-seconds; see "
                        + process.logFile());
            }
            Thread.sleep(250);
        }
        log(String.format(Locale.ROOT, "hub: started in %.1f s (log %s)", (System.nanoTime() - t) / 1e9,
                process.logFile()));
    }

    /** Runs a diagnostic command in the hub (the flight recorder around one phase: start-up is not in the profile). */
    private Phase phase(String store, String name, int rate, int warm, int measured, HubProcess process,
                        LightPortalStub portal, HttpClient toHub, Lifecycles lifecycles) throws InterruptedException {
        int total = rate * (warm + measured);
        int slots = Math.max(1, rate * gapMs / 1000);
        List<Event> batch = lifecycles.schedule(total, slots);
        HttpRequest[] requests = new HttpRequest[total];
        String[] identities = new String[total];
        for (int i = 0; i < total; i++) {
            Event e = batch.get(i);
            identities[i] = e.identity();
            requests[i] = HttpRequest.newBuilder(URI.create(process.baseUrl() + "/api/v1/dossiers/events"))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("X-API-Key", HubClient.DEFAULT_API_KEY)
                    .header(INDEX_HEADER, Integer.toString(i))
                    .POST(HttpRequest.BodyPublishers.ofString(e.json(), StandardCharsets.UTF_8))
                    .build();
        }
        long[] intended = new long[total];
        boolean[] recorded = new boolean[total];
        int portalBefore = portal.events();
        log(String.format("%s: %d events at %d/s over %d interleaved dossiers (load average %s)", name, total, rate,
                slots, loadAverage()));
        java.util.concurrent.atomic.AtomicIntegerArray ok = new java.util.concurrent.atomic.AtomicIntegerArray(total);
        OpenLoad.Result accepted = OpenLoad.run(store, toHub, rate, warm, measured, i -> requests[i], r -> {
                    boolean good = r.statusCode() == 202 || r.statusCode() == 200;
                    if (good) {
                        ok.set(Integer.parseInt(r.request().headers().firstValue(INDEX_HEADER).orElseThrow()), 1);
                    }
                    return good;
                }, maxInFlight, (i, t, m) -> {
                    intended[i] = t;
                    recorded[i] = m;
                });
        long answered = System.nanoTime();
        int backlog = missing(ok, identities, portal);
        // wait for the hub to deliver every accepted event, as long as deliveries keep coming
        long lastProgress = System.nanoTime();
        int missing = backlog;
        while (missing > 0) {
            Thread.sleep(20);
            int now = missing(ok, identities, portal);
            if (now < missing) {
                missing = now;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                log(name + ": " + now + " events not delivered after " + STALL.toSeconds() + " s without progress");
                break;
            }
        }
        Histogram e2e = new Histogram(1_000, TimeUnit.SECONDS.toNanos(600), 3);
        long undelivered = 0;
        long lastArrival = answered;
        long windowStart = Long.MAX_VALUE;
        long windowEnd = 0;
        for (int i = 0; i < total; i++) {
            if (recorded[i]) {
                windowStart = Math.min(windowStart, intended[i]);
                windowEnd = Math.max(windowEnd, intended[i]);
            }
        }
        long inWindow = 0;
        for (int i = 0; i < total; i++) {
            Long at = intended[i] == 0 ? null : portal.eventArrival(identities[i]);
            if (at != null) {
                lastArrival = Math.max(lastArrival, at);
                if (at >= windowStart && at <= windowEnd) {
                    inWindow++;
                }
            }
            if (!recorded[i]) {
                continue;
            }
            if (at == null) {
                undelivered += ok.get(i);
            } else {
                e2e.recordValue(Math.min(e2e.getHighestTrackableValue(), Math.max(1_000, at - intended[i])));
            }
        }
        double window = Math.max(1e-9, (windowEnd - windowStart) / 1e9);
        double drain = (lastArrival - answered) / 1e9;
        Phase p = new Phase(store, rate, accepted, e2e, undelivered, inWindow / window, backlog, Math.max(0, drain),
                portal.events() - portalBefore);
        log(String.format(Locale.ROOT, "%s: accepted %d of %d (%d failed), p50 %.1f p99 %.1f ms; e2e p50 %.1f p99 "
                        + "%.1f max %.1f ms, %d undelivered; delivered %.0f/s; backlog %d, drained in %.2f s; %d "
                        + "events at the portal; generator lag p99 %.2f ms%s", name, accepted.ok(), accepted.sent(),
                accepted.errors(), accepted.ms(50), accepted.ms(99), ms(e2e, 50), ms(e2e, 99), e2e.getMaxValue() / 1e6,
                undelivered, p.deliveredPerSecond(), backlog, p.drainSeconds(), p.portalEvents(), accepted.lagMs(99),
                p.sustained() ? "" : " (not sustained)"));
        return p;
    }

    /** Events accepted that the portal has not received yet. */
    private static int missing(java.util.concurrent.atomic.AtomicIntegerArray accepted, String[] identities,
                               LightPortalStub portal) {
        int n = 0;
        for (int i = 0; i < identities.length; i++) {
            if (accepted.get(i) == 1 && portal.eventArrival(identities[i]) == null) {
                n++;
            }
        }
        return n;
    }

    /** The exchange log's view once every phase has drained. */
    private Logged logged(String store, HubProcess process, LightPortalStub portal, BenchDatabase database,
                          double commitsPerEvent) throws Exception {
        HttpClient http = BenchSupport.httpClient();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(process.baseUrl()
                        + "/actuator/prometheus")).header("X-API-Key", options.get("operator-key", "demo-operator"))
                .timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofString());
        double delivered = r.statusCode() == 200 ? counter(DELIVERED_COUNTER, r.body()) : Double.NaN;
        double failed = r.statusCode() == 200 ? counter(FAILED_COUNTER, r.body()) : Double.NaN;
        if (r.statusCode() != 200) {
            log(store + ": /actuator/prometheus answered " + r.statusCode());
        }
        String rows = "";
        if (database != null) {
            Map<String, Long> byState = database.exchangesByState("dossier-sync");
            rows = byState.toString();
        }
        Logged l = new Logged(store, portal.events(), delivered, failed, rows, commitsPerEvent);
        log(String.format(Locale.ROOT, "%s: logged: %d events at the portal, %.0f exchanges DELIVERED (counter), %.0f"
                + " FAILED%s", store, l.stubEvents(), delivered, failed, rows.isEmpty() ? "" : "; rows " + rows
                + String.format(Locale.ROOT, "; %.2f commits per event", commitsPerEvent)));
        return l;
    }

    private static double counter(Pattern pattern, String prometheus) {
        double sum = 0;
        Matcher m = pattern.matcher(prometheus);
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1e6;
    }

    private static void write(Path file, Histogram h) throws IOException {
        try (PrintStream out = new PrintStream(file.toFile(), StandardCharsets.UTF_8)) {
            h.outputPercentileDistribution(out, 1e6);
        }
    }

    private void publish(Path work, String machineAtStart, String setup, String journal, List<Phase> phases,
                         List<Logged> logged, List<RawArtemisBaseline.Result> raw) throws IOException {
        Map<Integer, RawArtemisBaseline.Result> rawByRate = new HashMap<>();
        raw.forEach(r -> rawByRate.put(r.rate(), r));
        StringBuilder report = new StringBuilder();
        report.append("Machine: ").append(machineAtStart).append("; at the end: load average ").append(loadAverage())
                .append("\n\nLoad: ").append(setup).append("\n\nRaw Artemis: embedded in the bench JVM, in-VM "
                        + "connector, persistent journal (").append(journal).append("), blocking durable sends from ")
                .append(options.getInt("raw-senders", 64)).append(" sender threads, ")
                .append(options.getInt("raw-consumers", 4)).append(" transacted consumers; message ")
                .append(raw.isEmpty() ? "?" : raw.get(0).messageBytes()).append(" bytes encoded.\n\n");
        report.append("Latency in ms from the intended send time. Hub accepted: until the 202. Hub e2e: until the "
                + "portal stub received the event. Raw send: until the durable send returned; raw e2e: until a "
                + "consumer received it. Ratio: hub e2e p99 / raw e2e p99. Sustained: no failure, delivered/s ≥ 98% "
                + "of the rate, drained within 1 s of the last answer.\n\n");
        report.append("| store | rate (/s) | hub accepted p50 / p99 | hub e2e p50 / p99 / max | delivered (/s) | "
                + "backlog at end / drain (s) | raw send p99 | raw e2e p99 | ratio e2e p99 | sustained |\n");
        report.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|:---:|\n");
        for (Phase p : phases) {
            RawArtemisBaseline.Result r = rawByRate.get(p.rate());
            double rawE2e = r == null ? Double.NaN : ms(r.endToEnd(), 99);
            report.append(String.format(Locale.ROOT,
                    "| %s | %d | %.1f / %.1f | %.1f / %.1f / %.1f | %.0f | %d / %.2f | %.2f | %.2f | %.0f | %s |%n",
                    p.store(), p.rate(), p.accepted().ms(50), p.accepted().ms(99), ms(p.endToEnd(), 50),
                    ms(p.endToEnd(), 99), p.endToEnd().getMaxValue() / 1e6, p.deliveredPerSecond(), p.backlogAtEnd(),
                    p.drainSeconds(), r == null ? Double.NaN : ms(r.send(), 99), rawE2e,
                    ms(p.endToEnd(), 99) / rawE2e, p.sustained() ? "yes" : "no"));
        }
        report.append("\nRaw Artemis alone (the same machinery at higher rates, for its maximum sustainable rate):\n\n"
                + "| rate (/s) | send p50 / p99 / max | e2e p50 / p99 / max | received (/s) | backlog at end / "
                + "drain (s) | send errors | generator lag p99 | sustained |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|:---:|\n");
        for (RawArtemisBaseline.Result r : raw) {
            report.append(String.format(Locale.ROOT, "| %d | %.2f / %.2f / %.1f | %.2f / %.2f / %.1f | %.0f | %d / "
                            + "%.2f | %d | %.2f | %s |%n", r.rate(), ms(r.send(), 50), ms(r.send(), 99),
                    r.send().getMaxValue() / 1e6, ms(r.endToEnd(), 50), ms(r.endToEnd(), 99),
                    r.endToEnd().getMaxValue() / 1e6, r.receivedPerSecond(), r.backlogAtEnd(), r.drainSeconds(),
                    r.sendErrors(), r.lagP99Ms(), r.sustained() ? "yes" : "no"));
        }
        int hubBest = phases.stream().filter(Phase::sustained).mapToInt(Phase::rate).max().orElse(0);
        int rawBest = raw.stream().filter(RawArtemisBaseline.Result::sustained).mapToInt(RawArtemisBaseline.Result::rate)
                .max().orElse(0);
        report.append(String.format(Locale.ROOT, "%nHighest rate sustained: hub %s; raw Artemis %d/s.%n",
                stores.stream().map(s -> s + " " + phases.stream().filter(p -> p.store().equals(s))
                        .filter(Phase::sustained).mapToInt(Phase::rate).max().orElse(0) + "/s")
                        .reduce((a, b) -> a + ", " + b).orElse("-"), rawBest));
        report.append("\nGenerator detail (hub):\n\n| store | rate (/s) | achieved (/s) | ok | failed | not sent | "
                + "accepted p99.9 | lag p99 / max | most in flight | events at the portal |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Phase p : phases) {
            OpenLoad.Result a = p.accepted();
            report.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %d | %d | %d | %.1f | %.2f / %.1f | %d | %d"
                            + " |%n", p.store(), p.rate(), a.achievedRate(), a.ok(), a.errors(), a.notSent(),
                    a.ms(99.9), a.lagMs(99), a.maxLagMs(), a.maxInFlight(), p.portalEvents()));
        }
        report.append("\nLogged (exchange log at the end of each store's run, all phases and warm-ups):\n\n"
                + "| store | events at the portal | DELIVERED (hub.exchanges.delivered) | FAILED | rows by state | "
                + "database commits per event (PostgreSQL, all traffic of the run) |\n|---|---:|---:|---:|---|---:|\n");
        for (Logged l : logged) {
            report.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %s | %s |%n", l.store(),
                    l.stubEvents(), l.deliveredCounter(), l.failedCounter(), l.rowsByState().isEmpty()
                            ? "(H2: not read)" : l.rowsByState(),
                    Double.isNaN(l.commitsPerEvent()) ? "-" : String.format(Locale.ROOT, "%.2f", l.commitsPerEvent())));
        }
        report.append("\nFull distributions (HdrHistogram, ms): histograms/<store>-<rate>-{accepted,e2e}.hgrm, "
                + "histograms/raw-<rate>-{send,e2e}.hgrm\n");
        if (hubBest == 0 && !phases.isEmpty()) {
            report.append("\nNo rate was sustained by the hub.\n");
        }
        System.out.println();
        System.out.println(report);
        Path file = work.resolve("result.md");
        Files.writeString(file, report.toString());
        log("written " + file);
    }
}
