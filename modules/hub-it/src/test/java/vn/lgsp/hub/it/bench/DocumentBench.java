package vn.lgsp.hub.it.bench;

import static org.awaitility.Awaitility.await;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import vn.lgsp.hub.it.HubClient;
import vn.lgsp.hub.it.HubProcess;
import vn.lgsp.hub.it.bench.BenchSupport.Options;

/**
 * Document exchange (flow 4) with large packages ({@code scripts/bench documents}); method and figures in
 * {@code docs/BENCHMARKS.md}, "Benchmark 3: document exchange". Not a test: it asserts nothing about time.
 *
 * <p>For each attachment size ({@code --sizes=1,10,50} MiB before base64), packages arrive at a fixed low rate
 * ({@code --rates=...} per second, one per size; by default 2/s of 1 MiB, 0.5/s of 10 MiB, 0.2/s of 50 MiB) for
 * {@code --warmup} then {@code --seconds} seconds, on two paths in turn:
 * <ol>
 *   <li><b>hub</b>: {@code POST /api/v1/documents} to the packaged hub (bounded heap, {@code --hub-jvm=-Xmx512m}),
 *       which delivers each package to a {@link LightDocumentStub}: the push endpoint of a provincial agency
 *       ({@code --route=push}, the default) or the national axis ({@code --route=axis});</li>
 *   <li><b>direct</b>: the same package bytes posted straight to the same stub endpoint.</li>
 * </ol>
 * Latencies are from the intended send time (open model, coordinated omission corrected as in {@link OpenLoad}):
 * accepted (the hub's 202), end to end (the stub has read the package's last byte). MB/s delivered is package bytes
 * that reached the stub over the measured phase. The hub's heap comes from its GC log ({@code -Xlog:gc}): the heap
 * used before each collection, whose maximum is the peak, and the pause times.
 */
public final class DocumentBench {

    private static final String SENDER = "000.00.01.H56";
    private static final String PUSH_AGENCY = "000.00.14.H56";
    /** Not in the bench's agency directory, so the hub sends it through the national axis. */
    private static final String MINISTRY = "000.00.00.G06";
    private static final long MAX_NANOS = TimeUnit.MINUTES.toNanos(10);
    private static final java.util.regex.Pattern GC_LINE = java.util.regex.Pattern.compile(
            "Pause.*? (\\d+)M->(\\d+)M\\((\\d+)M\\) ([\\d.]+)ms");

    private final Options options;
    private final int[] sizes;
    private final double[] rates;
    private final int seconds;
    private final int warmup;
    private final String route;
    private final Duration timeout;
    private final AtomicInteger numbers = new AtomicInteger((int) (System.currentTimeMillis() / 1000 % 10_000_000));

    private DocumentBench(Options options) {
        this.options = options;
        this.sizes = Arrays.stream(options.get("sizes", "1,10,50").split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
        String[] given = options.get("rates", "").isBlank() ? new String[0] : options.get("rates", "").split(",");
        this.rates = new double[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            rates[i] = i < given.length ? Double.parseDouble(given[i].trim())
                    : given.length > 0 ? Double.parseDouble(given[given.length - 1].trim())
                    : defaultRate(sizes[i]);
        }
        this.seconds = options.getInt("seconds", 40);
        this.warmup = options.getInt("warmup", 10);
        this.route = options.get("route", "push");
        this.timeout = Duration.ofSeconds(options.getInt("timeout-seconds", 120));
        if (sizes.length == 0 || Arrays.stream(sizes).anyMatch(s -> s < 1) || Arrays.stream(rates).anyMatch(r -> r <= 0)
                || seconds < 1 || warmup < 0 || !List.of("push", "axis").contains(route)) {
            throw new IllegalArgumentException("--sizes are MiB of at least 1, --rates positive, --seconds at least 1,"
                    + " --warmup at least 0, --route push or axis");
        }
    }

    /** About 3 MB/s offered whatever the size: 2/s of 1 MiB, one 10 MiB every 2 s, one 50 MiB every 5 s. */
    private static double defaultRate(int megabytes) {
        return megabytes <= 1 ? 2 : megabytes <= 10 ? 0.5 : 0.2;
    }

    public static void main(String[] args) throws Exception {
        BenchSupport.quietSimulators();
        new DocumentBench(Options.parse(args)).run();
        System.exit(0);
    }

    /** One path's measured phase at one size. Latencies in ns from the intended send time. */
    record Phase(String path, int megabytes, double rate, long packageBytes, long sent, long accepted, long failed,
                 long arrived, Histogram acceptedLatency, Histogram endToEnd, double deliveredMBps, double lagP99Ms,
                 Gc gc, double hubCpuSeconds) {
    }

    /** The hub's heap and collections over a phase, from its GC log. */
    record Gc(int collections, double pauseMs, double maxPauseMs, long peakBeforeMb, long maxAfterMb, long heapMb) {
        static final Gc NONE = new Gc(0, 0, 0, 0, 0, 0);
    }

    private void run() throws Exception {
        Path work = BenchSupport.runDirectory(options);
        String hubJvm = options.get("hub-jvm", "-Xmx512m");
        String hubArgs = options.get("hub-args", "");
        String recipient = "push".equals(route) ? PUSH_AGENCY : MINISTRY;
        StringBuilder setupText = new StringBuilder("open model; per size (attachment MiB before base64) a fixed "
                + "arrival rate: ");
        for (int i = 0; i < sizes.length; i++) {
            setupText.append(i == 0 ? "" : ", ").append(sizes[i]).append(" MiB at ").append(fmt(rates[i])).append("/s");
        }
        setupText.append("; each path ").append(warmup).append(" s warm-up then ").append(seconds)
                .append(" s measured; delivery: ").append("push".equals(route)
                        ? "push to a provincial agency (" + PUSH_AGENCY + ")" : "the national axis (to " + MINISTRY
                        + ")")
                .append(", light JDK HttpServer stub streaming to a discarding sink; hub JVM options: ").append(hubJvm)
                .append(hubArgs.isBlank() ? "" : "; hub arguments: " + hubArgs);
        String setup = setupText.toString();
        String machineAtStart = BenchSupport.announce(setup);

        LightDocumentStub stub = new LightDocumentStub(options.getInt("stub-threads", 4)).start();
        LightPortalStub portal = new LightPortalStub(1).start();
        Path directory = work.resolve("agencies.yml");
        Files.writeString(directory, "agencies:\n  - code: \"" + PUSH_AGENCY + "\"\n    name: \"Sở Xây dựng\"\n"
                + "    receives: push\n    push-url: \"" + stub.pushUrl(PUSH_AGENCY) + "\"\n");
        Path gcLog = work.resolve("hub-gc.log");
        HubProcess.Builder builder = HubProcess.builder()
                .jar(Path.of(options.require("jar")))
                .dataDir(work.resolve("hub-data"))
                .logFile(work.resolve("hub.log"))
                .portalUrl(portal.baseUrl())
                .argument("--hub.connector.docex.directory-location=file:" + directory)
                .argument("--hub.connector.docex.axis.base-url=" + stub.baseUrl())
                .argument("--hub.connector.docex.attachment-dir=" + Files.createDirectories(work.resolve("hub-tmp")))
                .arguments(hubArgs);
        for (String o : (hubJvm + " -Xlog:gc:file=" + gcLog).trim().split("\\s+")) {
            builder.jvmOption(o);
        }
        HubProcess process = builder.build();
        List<Phase[]> results = new ArrayList<>();
        try {
            startHub(process);
            HttpClient http = BenchSupport.httpClient();
            probe(http, process, stub, recipient);
            Path histograms = Files.createDirectories(work.resolve("histograms"));
            for (int i = 0; i < sizes.length; i++) {
                DocumentPackages packages = new DocumentPackages(sizes[i]);
                long bytes = packages.length(DocumentPackages.documentId(SENDER, 0), SENDER, recipient);
                log(String.format(Locale.ROOT, "%d MiB attachment: packages of %d bytes (%.1f MB)", sizes[i], bytes,
                        bytes / 1e6));
                String target = "push".equals(route) ? stub.pushUrl(PUSH_AGENCY)
                        : stub.baseUrl() + LightDocumentStub.AXIS_SEND;
                Phase hub = phase("hub", packages, rates[i], http, process, stub, recipient,
                        process.baseUrl() + "/api/v1/documents", gcLog, bytes);
                Phase direct = phase("direct", packages, rates[i], http, null, stub, recipient, target, null, bytes);
                results.add(new Phase[] {hub, direct});
                for (Phase p : List.of(hub, direct)) {
                    write(histograms.resolve(sizes[i] + "MiB-" + p.path() + "-accepted.hgrm"), p.acceptedLatency());
                    write(histograms.resolve(sizes[i] + "MiB-" + p.path() + "-end-to-end.hgrm"), p.endToEnd());
                }
            }
        } finally {
            process.stop();
            portal.close();
            stub.close();
        }
        BenchSupport.cleanUp(process, options);
        publish(work, machineAtStart, setup, hubJvm, results);
    }

    /**
     * Starts the hub and waits until it is healthy, up to 10 minutes: on a machine shared with other builds the hub
     * has taken more than the 2 minutes that {@link HubProcess#awaitHealthy()} allows.
     */
    private static void startHub(HubProcess process) {
        long t = System.nanoTime();
        process.start();
        await("hub healthy").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the hub exited before it was healthy; see " + process.logFile());
            }
            return process.healthy();
        });
        log(String.format(Locale.ROOT, "hub: started in %.1f s (log %s)", (System.nanoTime() - t) / 1e9,
                process.logFile()));
    }

    /** One package through the hub, to check the whole path before anything is timed. */
    private void probe(HttpClient http, HubProcess process, LightDocumentStub stub, String recipient)
            throws IOException, InterruptedException {
        DocumentPackages small = new DocumentPackages(1);
        String id = DocumentPackages.documentId(SENDER, numbers.incrementAndGet());
        HttpResponse<String> r = http.send(hubRequest(process.baseUrl() + "/api/v1/documents", small, id, recipient,
                true), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
            throw new IllegalStateException("the hub's probe package was answered " + r.statusCode() + " " + r.body());
        }
        await("the probe package at the stub").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> stub.arrival(id) != null);
        log("probe: a package went through the hub to the stub");
    }

    private HttpRequest hubRequest(String url, DocumentPackages packages, String documentId, String recipient,
                                   boolean toHub) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/xml")
                .POST(packages.body(documentId, SENDER, recipient));
        if (toHub) {
            b.header("X-API-Key", HubClient.DEFAULT_API_KEY);
        } else {
            // what the hub sends to an agency or the axis besides the body
            b.header("X-Idempotency-Key", documentId).header("from", SENDER).header("servicetype", "eDoc")
                    .header("messagetype", "edoc");
        }
        return b.build();
    }

    /**
     * Warm-up then measured phase at a fixed rate: request {@code i} is due at {@code t0 + i / rate}, sent then
     * whatever earlier ones are doing. {@code process} is null for the direct path.
     */
    private Phase phase(String path, DocumentPackages packages, double rate, HttpClient http, HubProcess process,
                        LightDocumentStub stub, String recipient, String url, Path gcLog, long packageBytes)
            throws IOException, InterruptedException {
        boolean isHub = process != null;
        long total = Math.max(1, Math.round(rate * (warmup + seconds)));
        long firstMeasured = Math.round(rate * warmup);
        double period = 1e9 / rate;
        Histogram accepted = new ConcurrentHistogram(1_000, MAX_NANOS, 3);
        Histogram lag = new Histogram(1, MAX_NANOS, 3);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicInteger inFlight = new AtomicInteger();
        Map<String, Long> intended = new ConcurrentHashMap<>();
        log(String.format(Locale.ROOT, "%d MiB, %s: %d packages at %s/s, first %d not recorded (load average %s)",
                packages.megabytes(), path, total, fmt(rate), firstMeasured, loadAverage()));
        long gcOffset = 0;
        long cpuBefore = 0;
        long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        long measuredStart = t0 + Math.round(firstMeasured * period);
        long sent = 0;
        for (long i = 0; i < total; i++) {
            long due = t0 + Math.round(i * period);
            long now = OpenLoad.awaitDue(due);
            boolean measured = i >= firstMeasured;
            if (measured && i == firstMeasured && isHub) {
                gcOffset = Files.size(gcLog);
                cpuBefore = CitizenBench.cpuNanos(process.pid());
            }
            String id = DocumentPackages.documentId(SENDER, numbers.incrementAndGet());
            HttpRequest request = hubRequest(url, packages, id, recipient, isHub);
            if (measured) {
                lag.recordValue(Math.min(MAX_NANOS, Math.max(1, now - due)));
                intended.put(id, due);
                sent++;
            }
            inFlight.incrementAndGet();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                long end = System.nanoTime();
                inFlight.decrementAndGet();
                if (!measured) {
                    return;
                }
                if (failure == null && response.statusCode() / 100 == 2) {
                    accepted.recordValue(Math.min(MAX_NANOS, end - due));
                    ok.incrementAndGet();
                } else {
                    intended.remove(id);
                    if (failed.incrementAndGet() == 1) {
                        log(path + ": first failed package: " + (failure != null ? failure
                                : response.statusCode() + " " + response.body()));
                    }
                }
            });
        }
        await(path + ": answers to every package").atMost(timeout.plusSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> inFlight.get() == 0);
        // every accepted package reaches the stub; a bound keeps a lost one from stalling the run
        await(path + ": every accepted package at the stub").atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofMillis(20)).ignoreExceptions()
                .until(() -> intended.keySet().stream().allMatch(id -> stub.arrival(id) != null));
        Histogram endToEnd = new Histogram(1_000, MAX_NANOS, 3);
        long arrived = 0;
        long lastArrival = measuredStart;
        long bytes = 0;
        for (Map.Entry<String, Long> e : intended.entrySet()) {
            LightDocumentStub.Arrival a = stub.arrival(e.getKey());
            if (a != null) {
                endToEnd.recordValue(Math.min(MAX_NANOS, Math.max(1_000, a.nanos() - e.getValue())));
                lastArrival = Math.max(lastArrival, a.nanos());
                bytes += a.bytes();
                arrived++;
            }
        }
        // from the first measured package's due time to the last one's arrival
        double mbps = bytes / 1e6 / ((lastArrival - measuredStart) / 1e9);
        Gc gc = isHub ? gc(gcLog, gcOffset, http, process) : Gc.NONE;
        double cpu = isHub ? (CitizenBench.cpuNanos(process.pid()) - cpuBefore) / 1e9 : 0;
        Phase p = new Phase(path, packages.megabytes(), rate, packageBytes, sent, ok.get(), failed.get(), arrived,
                accepted, endToEnd, mbps, lag.getValueAtPercentile(99) / 1e6, gc, cpu);
        log(String.format(Locale.ROOT, "%d MiB, %s: %d sent, %d accepted, %d failed, %d arrived; accepted p50 %.0f "
                        + "p99 %.0f ms, end to end p50 %.0f p99 %.0f ms, %.1f MB/s delivered; generator lag p99 %.1f "
                        + "ms%s", p.megabytes(), path, p.sent(), p.accepted(), p.failed(), p.arrived(),
                ms(accepted, 50), ms(accepted, 99), ms(endToEnd, 50), ms(endToEnd, 99), mbps, p.lagP99Ms(),
                isHub ? String.format(Locale.ROOT, "; heap peak %d MB of %d, %d collections, pauses %.0f ms "
                        + "(max %.0f), hub CPU %.1f s", gc.peakBeforeMb(), gc.heapMb(), gc.collections(),
                        gc.pauseMs(), gc.maxPauseMs(), cpu) : ""));
        return p;
    }

    /**
     * The GC log's pauses from {@code offset} on: their number, total and longest time, the largest heap used
     * before a collection (the peak: the heap only grows between collections) and after one (what stayed live), and
     * the heap's size. The heap in use now (from the hub's metrics) counts as a peak too, since it has not been
     * collected yet.
     */
    static Gc gc(Path gcLog, long offset, HttpClient http, HubProcess process)
            throws IOException, InterruptedException {
        byte[] all = Files.readAllBytes(gcLog);
        String text = new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                StandardCharsets.UTF_8);
        int n = 0;
        double total = 0;
        double max = 0;
        long peak = 0;
        long after = 0;
        long heap = 0;
        for (String line : text.split("\n")) {
            java.util.regex.Matcher m = GC_LINE.matcher(line);
            if (m.find()) {
                n++;
                double pause = Double.parseDouble(m.group(4));
                total += pause;
                max = Math.max(max, pause);
                peak = Math.max(peak, Long.parseLong(m.group(1)));
                after = Math.max(after, Long.parseLong(m.group(2)));
                heap = Math.max(heap, Long.parseLong(m.group(3)));
            }
        }
        Map<String, Double> metrics = CitizenBench.scrape(http, process.baseUrl());
        double used = metrics.entrySet().stream().filter(e -> e.getKey().startsWith("jvm_memory_used_bytes{")
                && e.getKey().contains("area=\"heap\"")).mapToDouble(Map.Entry::getValue).sum();
        peak = Math.max(peak, Math.round(used / (1024 * 1024)));
        return new Gc(n, total, max, peak, after, heap);
    }

    private void publish(Path work, String machineAtStart, String setup, String hubJvm, List<Phase[]> results)
            throws IOException {
        StringBuilder report = new StringBuilder();
        report.append("Machine: ").append(machineAtStart).append("; at the end: load average ").append(loadAverage())
                .append("\n\nLoad: ").append(setup).append("\n\n");
        report.append("| attachment | package | rate | path | sent / accepted / arrived | accepted p50 / p99 (ms) "
                + "| end to end p50 / p99 (ms) | delivered MB/s | hub / direct MB/s | per package MB/s (p50) "
                + "| hub heap peak / after GC (MB, max heap) | GC pauses: n, total / max (ms) | hub CPU s per 100 MB "
                + "| generator lag p99 (ms) |\n");
        report.append("|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Phase[] pair : results) {
            for (Phase p : pair) {
                boolean hub = "hub".equals(p.path());
                double mb = p.packageBytes() / 1e6;
                report.append(String.format(Locale.ROOT, "| %d MiB | %.1f MB | %s/s | %s | %d / %d / %d "
                                + "| %.0f / %.0f | %.0f / %.0f | %.1f | %s | %.1f | %s | %s | %s | %.1f |%n",
                        p.megabytes(), mb, fmt(p.rate()), p.path(), p.sent(), p.accepted(), p.arrived(),
                        ms(p.acceptedLatency(), 50), ms(p.acceptedLatency(), 99), ms(p.endToEnd(), 50),
                        ms(p.endToEnd(), 99), p.deliveredMBps(),
                        hub ? String.format(Locale.ROOT, "%.2f", p.deliveredMBps() / pair[1].deliveredMBps()) : "",
                        mb / (ms(p.endToEnd(), 50) / 1e3),
                        hub ? p.gc().peakBeforeMb() + " / " + p.gc().maxAfterMb() + " (" + p.gc().heapMb() + ")" : "–",
                        hub ? String.format(Locale.ROOT, "%d, %.0f / %.0f", p.gc().collections(), p.gc().pauseMs(),
                                p.gc().maxPauseMs()) : "–",
                        hub && p.arrived() > 0 ? String.format(Locale.ROOT, "%.2f",
                                p.hubCpuSeconds() / (p.arrived() * mb / 100)) : "–",
                        p.lagP99Ms()));
            }
        }
        report.append("\nHub JVM options: ").append(hubJvm).append(". Heap figures from the hub's GC log over the "
                + "measured phase: peak = the most heap used before a collection (or at the end); after GC = the most"
                + " still used after one. Per package MB/s = package size / end-to-end p50.\n");
        report.append("\nFull percentile distributions (HdrHistogram, ms): histograms/<size>-<path>-*.hgrm; the hub's"
                + " GC log: hub-gc.log\n");
        System.out.println();
        System.out.println(report);
        Path file = work.resolve("result.md");
        Files.writeString(file, report.toString());
        log("written " + file);
    }

    private static void write(Path file, Histogram h) throws IOException {
        try (PrintStream out = new PrintStream(file.toFile(), StandardCharsets.UTF_8)) {
            h.outputPercentileDistribution(out, 1e6);
        }
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1e6;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
