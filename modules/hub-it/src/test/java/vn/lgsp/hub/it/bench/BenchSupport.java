package vn.lgsp.hub.it.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.lgsp.hub.it.HubProcess;

/**
 * What the load drivers of this package ({@link DossierBench}, {@link CitizenBench}) share: their options, the
 * client threads that send and time the calls, percentiles and medians, the rows of the markdown report and the
 * description of the machine. Nothing here asserts anything about time.
 */
final class BenchSupport {

    /** Held here so that the level set on it is not lost when the logger is collected. */
    private static final Logger SIMULATOR_LOG = Logger.getLogger("vn.lgsp.hub.simulators");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private BenchSupport() {
    }

    /** The simulators log each call at INFO; during a load run that is noise on stdout. */
    static void quietSimulators() {
        SIMULATOR_LOG.setLevel(Level.WARNING);
    }

    /** The driver's arguments, all of the form {@code --name=value}. */
    static final class Options {

        private final Map<String, String> values;

        private Options(Map<String, String> values) {
            this.values = values;
        }

        static Options parse(String[] args) {
            Map<String, String> options = new LinkedHashMap<>();
            for (String a : args) {
                if (!a.startsWith("--") || !a.contains("=")) {
                    throw new IllegalArgumentException("arguments are --name=value, got " + a);
                }
                options.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            }
            return new Options(options);
        }

        String get(String name, String fallback) {
            return values.getOrDefault(name, fallback);
        }

        int getInt(String name, int fallback) {
            return Integer.parseInt(values.getOrDefault(name, Integer.toString(fallback)));
        }

        boolean getBoolean(String name, boolean fallback) {
            return Boolean.parseBoolean(values.getOrDefault(name, Boolean.toString(fallback)));
        }

        String require(String name) {
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("--" + name + "=... is required");
            }
            return value;
        }
    }

    /** A new {@code run-<time>} directory under {@code --workdir} (default {@code target/bench}). */
    static Path runDirectory(Options options) throws IOException {
        Path work = Path.of(options.get("workdir", "target/bench")).toAbsolutePath()
                .resolve("run-" + LocalDateTime.now().format(STAMP));
        return Files.createDirectories(work);
    }

    /** Logs the machine and the load of the run; returns the machine as it was at the start, for the report. */
    static String announce(String setup) {
        String machineAtStart = machine();
        log("machine: " + machineAtStart);
        log("load: " + setup);
        return machineAtStart;
    }

    /**
     * The packaged hub of {@code --jar} as a process, not started: data directory {@code hub-data} and log
     * {@code hub.log} in the run directory, the given Spring arguments, then those of {@code --hub-args}.
     */
    static HubProcess hubProcess(Options options, Path work, String portalUrl, String... arguments) {
        HubProcess.Builder builder = HubProcess.builder()
                .jar(Path.of(options.require("jar")))
                .dataDir(work.resolve("hub-data"))
                .logFile(work.resolve("hub.log"))
                .portalUrl(portalUrl);
        for (String argument : arguments) {
            builder.argument(argument);
        }
        return builder.arguments(options.get("hub-args", "")).build();
    }

    /** Runs {@code jcmd <pid> <command...>} of this JDK and returns its output; a failure is logged, not thrown. */
    static String jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        line.add(Long.toString(pid));
        line.addAll(List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            log("jcmd " + String.join(" ", command) + " failed: " + out.strip());
        }
        return out;
    }

    /** Starts the hub and waits until it is healthy. */
    static void startHub(HubProcess process) {
        long t = System.nanoTime();
        process.start().awaitHealthy();
        log(String.format("hub: started in %.1f s (log %s)", (System.nanoTime() - t) / 1e9, process.logFile()));
    }

    /** After a run that went through: the hub's data and its extracted jar go, unless {@code --keep-data=true}. */
    static void cleanUp(HubProcess process, Options options) {
        if (!options.getBoolean("keep-data", false)) {
            process.deleteDataAndJar();
        }
    }

    /** The clients' HTTP/1.1 client. */
    static HttpClient httpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * Builds the report (the machine, the load, each round's tables with the load average at its start, and the
     * summary when there are several rounds), prints it after a blank line and writes it to {@code result.md} in the
     * run directory.
     */
    static void publish(Path work, String machineAtStart, String setup, List<String> loads, List<String> roundTables,
                        String summary) throws IOException {
        log("machine at the end: " + machine());
        StringBuilder report = new StringBuilder();
        report.append("Machine: ").append(machineAtStart).append("; at the end: load average ")
                .append(loadAverage()).append("\n\nLoad: ").append(setup).append("\n\n");
        for (int r = 0; r < roundTables.size(); r++) {
            report.append("Round ").append(r + 1).append(" (load average at its start ").append(loads.get(r))
                    .append("):\n\n");
            report.append(roundTables.get(r)).append("\n");
        }
        if (roundTables.size() > 1) {
            report.append("Median of the rounds (each ratio is the median of the per-round ratios):\n\n")
                    .append(summary).append("\n");
        }
        System.out.println();
        System.out.println(report);
        Path file = work.resolve("result.md");
        Files.writeString(file, report.toString());
        log("written " + file);
    }

    /** One call's outcome: success, duration, HTTP status. */
    record Outcome(boolean ok, long nanos, int status) {
    }

    @FunctionalInterface
    interface Sender<T> {
        Outcome send(T item) throws IOException, InterruptedException;
    }

    /** What one sending phase took: its start, its wall time, the failed calls and each call's latency. */
    record Load(Instant firstSend, Duration sending, int errors, long[] latencies) {
    }

    /**
     * Sends every sequence, each in order, the sequences spread over {@code clients} threads and interleaved within
     * one. A failed call (I/O error or an unexpected status) is counted and repeated, up to five times.
     */
    static <T> Load send(int clients, List<List<T>> sequences, Sender<T> sender) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<long[]> latencies = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        List<Future<long[]>> futures = new ArrayList<>();
        Instant first = Instant.now();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            List<List<T>> mine = new ArrayList<>();
            for (int d = c; d < sequences.size(); d += clients) {
                mine.add(sequences.get(d));
            }
            futures.add(pool.submit(() -> sendInterleaved(mine, sender, errors)));
        }
        try {
            for (Future<long[]> f : futures) {
                latencies.add(f.get());
            }
        } catch (Exception e) {
            throw new IllegalStateException("a client failed", e);
        } finally {
            pool.shutdownNow();
        }
        Duration sending = Duration.ofNanos(System.nanoTime() - started);
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).toArray();
        return new Load(first, sending, errors.get(), all);
    }

    private static <T> long[] sendInterleaved(List<List<T>> sequences, Sender<T> sender, AtomicInteger errors)
            throws InterruptedException {
        int total = sequences.stream().mapToInt(List::size).sum();
        long[] latencies = new long[total];
        int n = 0;
        int longest = sequences.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            for (List<T> sequence : sequences) {
                if (i >= sequence.size()) {
                    continue;
                }
                T item = sequence.get(i);
                for (int attempt = 1; ; attempt++) {
                    Outcome o;
                    try {
                        o = sender.send(item);
                    } catch (IOException e) {
                        o = new Outcome(false, 0, -1);
                    }
                    if (o.ok()) {
                        latencies[n++] = o.nanos();
                        break;
                    }
                    errors.incrementAndGet();
                    if (attempt == 5) {
                        throw new IllegalStateException("gave up after 5 attempts, last status " + o.status());
                    }
                }
            }
        }
        return Arrays.copyOf(latencies, n);
    }

    /** The p-th percentile (nearest rank) of latencies in nanoseconds, in milliseconds. */
    static double percentileMillis(long[] latenciesNanos, double p) {
        long[] sorted = latenciesNanos.clone();
        Arrays.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** The head of a table comparing the hub with a baseline, named after the baseline. */
    static StringBuilder tableHead(String baseline) {
        return new StringBuilder("| measure | hub | baseline (" + baseline + ") | hub / baseline |\n")
                .append("|---|---:|---:|---:|\n");
    }

    /** A row of a round's table: hub, baseline and their ratio. */
    static void row(StringBuilder t, String name, double hub, double base, String format) {
        t.append("| ").append(name).append(" | ").append(String.format(format, hub)).append(" | ")
                .append(String.format(format, base)).append(" | ").append(String.format("%.2f", hub / base))
                .append(" |\n");
    }

    /**
     * A row of the summary: the median hub figure, the median baseline figure and the median of the per-round
     * ratios. Each element of {@code results} is one round as {@code {hub, baseline}}.
     */
    static <R> void medianRow(StringBuilder t, String name, List<R[]> results, ToDoubleFunction<R> measure,
                              String format) {
        double hub = median(results.stream().mapToDouble(r -> measure.applyAsDouble(r[0])).toArray());
        double base = median(results.stream().mapToDouble(r -> measure.applyAsDouble(r[1])).toArray());
        double ratio = median(results.stream()
                .mapToDouble(r -> measure.applyAsDouble(r[0]) / measure.applyAsDouble(r[1])).toArray());
        t.append("| ").append(name).append(" | ").append(String.format(format, hub)).append(" | ")
                .append(String.format(format, base)).append(" | ").append(String.format("%.2f", ratio)).append(" |\n");
    }

    static String machine() {
        Runtime rt = Runtime.getRuntime();
        return rt.availableProcessors() + " cores (load average " + loadAverage() + " now), "
                + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + ", Java " + System.getProperty("java.version") + ", "
                + (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() / (1024 * 1024 * 1024) + " GB RAM" : "");
    }

    static String loadAverage() {
        return String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    static void log(String message) {
        System.out.printf("[bench %s] %s%n", LocalTime.now().withNano(0), message);
    }
}
