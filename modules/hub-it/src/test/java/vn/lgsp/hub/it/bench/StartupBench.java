package vn.lgsp.hub.it.bench;

import static vn.lgsp.hub.it.bench.BenchSupport.loadAverage;
import static vn.lgsp.hub.it.bench.BenchSupport.log;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.lgsp.hub.it.EventFactory;
import vn.lgsp.hub.it.HubClient;
import vn.lgsp.hub.it.HubProcess;
import vn.lgsp.hub.it.bench.BenchSupport.Options;
import vn.lgsp.hub.simulators.population.CitizenRegistry;
import org.springframework.util.FileSystemUtils;

/**
 * Start-up time and memory ({@code scripts/bench startup}); method and figures in {@code docs/BENCHMARKS.md},
 * "Benchmark 4: start-up and memory". Not a test: it asserts nothing about time.
 *
 * <ol>
 *   <li><b>Start-up</b>, {@code --runs} times in turn: the packaged hub, extracted as {@link HubProcess} runs it
 *       (embedded default, one installation started
 *       again and again, so the first start also creates its database) and the baseline, {@link MinimalWebApp} (a
 *       Spring Boot web application with actuator only), both with the JVM options {@code --hub-jvm} (default
 *       {@code -Xmx512m}). Each is timed from the moment its process is started to the first
 *       {@code /actuator/health/readiness} that answers UP (polled every {@code --poll-ms}, 10 ms), and its own
 *       account is read from its log (Spring Boot's "Started … in X seconds (process running for Y)"). With
 *       {@code --postgres=true}, also the hub with profile {@code postgres} on a database of its own, created for the
 *       run on the PostgreSQL of {@code --postgres-url} (default {@code jdbc:postgresql://127.0.0.1:5432/postgres},
 *       user {@code postgres}) and dropped after. With {@code --cds=true}, also the extracted jar started directly,
 *       without and with a dynamic CDS archive (class data sharing) of a training run.</li>
 *   <li><b>Memory under load</b>: the hub is started once more, measured idle, then loaded for
 *       {@code --load-seconds} (300) with an open-model mix ({@link OpenLoad}): identity verifications at
 *       {@code --identity-rate} (20/s) against a {@link LightPopulationStub} and intake events of new dossiers at
 *       {@code --dossier-rate} (10/s) delivered to a {@link LightPortalStub}. Afterwards: resident memory
 *       ({@code VmRSS}, peak {@code VmHWM}), threads, heap used before and after a full GC ({@code jcmd GC.run},
 *       {@code GC.heap_info}), metaspace, and the heap's peak during the load from the hub's GC log.</li>
 * </ol>
 */
public final class StartupBench {

    /** The hub as HubProcess starts it: the jar extracted, as the container image and scripts/run start it. */
    private static final String HUB = "hub (extracted jar)";

    private static final Pattern STARTED = Pattern.compile(
            "Started \\S+ in ([\\d.]+) seconds \\(process running for ([\\d.]+)\\)");
    private static final Pattern HEAP = Pattern.compile("heap\\s+total (\\d+)K, used (\\d+)K");
    /** Classes loaded (and not unloaded) so far, from the JVM's performance counters. */
    private static final Pattern CLASSES = Pattern.compile("java\\.cls\\.loadedClasses=(\\d+)");
    private static final Pattern METASPACE = Pattern.compile("Metaspace\\s+used (\\d+)K, committed (\\d+)K");

    private final Options options;
    private final int runs;
    private final int loadSeconds;
    private final int identityRate;
    private final int dossierRate;
    private final List<String> jvm;
    private final long pollNanos;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();

    private StartupBench(Options options) {
        this.options = options;
        this.runs = options.getInt("runs", 5);
        this.loadSeconds = options.getInt("load-seconds", 300);
        this.identityRate = options.getInt("identity-rate", 20);
        this.dossierRate = options.getInt("dossier-rate", 10);
        this.jvm = List.of(options.get("hub-jvm", "-Xmx512m").trim().split("\\s+"));
        this.pollNanos = TimeUnit.MILLISECONDS.toNanos(options.getInt("poll-ms", 10));
        if (runs < 1 || loadSeconds < 0 || identityRate < 0 || dossierRate < 0) {
            throw new IllegalArgumentException("--runs at least 1; --load-seconds and the rates at least 0");
        }
    }

    public static void main(String[] args) throws Exception {
        BenchSupport.quietSimulators();
        new StartupBench(Options.parse(args)).run();
        System.exit(0);
    }

    /** One start: seconds from the process' start to readiness UP, Spring's own figures, resident memory then. */
    record Start(double readySeconds, double springSeconds, double jvmSeconds, long rssKb) {
    }

    /** A process' memory as the operating system and the JVM see it. */
    record Memory(long rssKb, long hwmKb, int threads, long heapUsedKb, long heapCommittedKb, long metaspaceUsedKb,
                  long classes) {
    }

    private void run() throws Exception {
        Path work = BenchSupport.runDirectory(options);
        String hubArgs = options.get("hub-args", "");
        boolean postgres = options.getBoolean("postgres", false);
        String setup = runs + " starts each of the hub (embedded default" + (postgres ? "; and profile postgres" : "")
                + ") and of a minimal Spring Boot web application, JVM options " + String.join(" ", jvm)
                + "; then " + loadSeconds + " s of load on the hub (open model: " + identityRate
                + " identity verifications/s to a light population stub, " + dossierRate
                + " intake events/s delivered to a light portal stub)" + (hubArgs.isBlank() ? "" : "; hub arguments: "
                + hubArgs);
        String machineAtStart = BenchSupport.announce(setup);
        Map<String, Object> citizen = CitizenRegistry.load().generated().get(0);
        LightPopulationStub population = new LightPopulationStub(citizen, 2).start();
        LightPortalStub portal = new LightPortalStub(2).start();
        Map<String, List<Start>> starts = new LinkedHashMap<>();
        Memory idle;
        Memory loaded;
        Memory afterGc;
        Memory baseIdle;
        Memory baseAfterGc;
        DocumentBench.Gc loadGc;
        OpenLoad.Result identity = null;
        OpenLoad.Result dossiers = null;
        HubProcess hub = hub(work, "hub-data", "hub.log", population, portal, jvm, hubArgs);
        HubProcess loadedHub = null;
        try {
            for (int r = 1; r <= runs; r++) {
                log(String.format("start %d of %d (load average %s)", r, runs, loadAverage()));
                starts.computeIfAbsent(HUB, k -> new ArrayList<>()).add(timeHub(hub));
                hub.stop();
                Launched base = startBaseline(work);
                try {
                    starts.computeIfAbsent("minimal Spring Boot app", k -> new ArrayList<>()).add(timeLaunched(base));
                } finally {
                    stopProcess(base.process());
                }
            }
            if (postgres) {
                starts.put("hub, profile postgres", postgresStarts(work, population, portal, hubArgs));
            }
            // the baseline's memory idle, before and after a full GC
            if (options.getBoolean("cds", false)) {
                cdsStarts(work, population, portal, hubArgs, starts);
            }
            Launched base = startBaseline(work);
            try {
                timeLaunched(base);
                baseIdle = memory(base.process().pid(), false);
                baseAfterGc = memory(base.process().pid(), true);
            } finally {
                stopProcess(base.process());
            }

            Path gcLog = work.resolve("hub-gc.log");
            List<String> loadJvm = new ArrayList<>(jvm);
            loadJvm.add("-Xlog:gc:file=" + gcLog);
            HubProcess loadHub = hub(work, "hub-data", "hub.log", population, portal, loadJvm, hubArgs);
            loadedHub = loadHub;
            timeHub(loadHub);
            idle = memory(loadHub.pid(), false);
            log("hub idle: " + idle);
            if (loadSeconds > 0) {
                CompletableFuture<OpenLoad.Result> id = CompletableFuture.supplyAsync(() -> load("identity",
                        identityRate, i -> CitizenBench.verifyRequest(loadHub.baseUrl(),
                        CitizenBench.Citizen.of(citizen), Duration.ofSeconds(10)),
                        r -> r.statusCode() == 200 && r.body().contains("\"match\":true")));
                List<String> events = events(dossierRate * loadSeconds);
                CompletableFuture<OpenLoad.Result> ds = CompletableFuture.supplyAsync(() -> load("dossier events",
                        dossierRate, i -> eventRequest(loadHub.baseUrl(), events.get(i)),
                        r -> r.statusCode() == 202 || r.statusCode() == 200));
                identity = id.get();
                dossiers = ds.get();
            }
            loaded = memory(loadHub.pid(), false);
            loadGc = DocumentBench.gc(gcLog, 0, http, loadHub);
            afterGc = memory(loadHub.pid(), true);
            log("hub after the load: " + loaded + "; after a full GC: " + afterGc);
            loadHub.stop();
        } finally {
            hub.stop();
            if (loadedHub != null) {
                loadedHub.stop();
            }
            population.close();
            portal.close();
        }
        BenchSupport.cleanUp(hub, options);
        publish(work, machineAtStart, setup, starts, baseIdle, baseAfterGc, idle, loaded, afterGc, loadGc,
                identity, dossiers, portal);
    }

    private HubProcess hub(Path work, String dataDir, String logFile, LightPopulationStub population,
                           LightPortalStub portal, List<String> jvmOptions, String hubArgs, String... arguments) {
        HubProcess.Builder b = HubProcess.builder()
                .jar(Path.of(options.require("jar")))
                .dataDir(work.resolve(dataDir))
                .logFile(work.resolve(logFile))
                .portalUrl(portal.baseUrl())
                .argument("--hub.connector.population.address=" + population.serviceUrl());
        jvmOptions.forEach(b::jvmOption);
        for (String a : arguments) {
            b.argument(a);
        }
        return b.arguments(hubArgs).build();
    }

    private Start timeHub(HubProcess hub) throws IOException {
        long logSize = Files.exists(hub.logFile()) ? Files.size(hub.logFile()) : 0;
        long t0 = System.nanoTime();
        hub.start();
        double ready = awaitReady(hub.baseUrl(), t0, hub::isAlive, hub.logFile());
        long rss = status(hub.pid()).getOrDefault("VmRSS", 0L);
        Start s = started(hub.logFile(), logSize, ready, rss);
        log(String.format(Locale.ROOT, "hub: ready in %.2f s; Spring: started in %.2f s (JVM running for %.2f s); "
                + "RSS %d MB", s.readySeconds(), s.springSeconds(), s.jvmSeconds(), rss / 1024));
        return s;
    }

    /** A process started by this bench: its port, where its log stood before, when it was started. */
    private record Launched(String name, Process process, int port, Path logFile, long logOffset,
                            long startedNanos) {
    }

    private Launched startBaseline(Path work) throws IOException {
        int port = HubProcess.freePort();
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvm);
        // absolute: the process runs in the run directory
        String classpath = String.join(java.io.File.pathSeparator, java.util.Arrays.stream(
                System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(e -> Path.of(e).toAbsolutePath().toString()).toList());
        command.addAll(List.of("-cp", classpath, MinimalWebApp.class.getName(),
                "--server.port=" + port, "--server.address=127.0.0.1",
                "--management.endpoint.health.probes.enabled=true"));
        return launch("minimal app", command, Map.of(), port, work.resolve("minimal-app.log"), work);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Launched launch(String name, List<String> command, Map<String, String> env, int port,
                                   Path logFile, Path dir) throws IOException {
        Files.writeString(logFile, System.lineSeparator() + "===== start on port " + port + ": "
                + String.join(" ", command) + System.lineSeparator(), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        long offset = Files.size(logFile);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        pb.environment().putAll(env);
        long t0 = System.nanoTime();
        return new Launched(name, pb.start(), port, logFile, offset, t0);
    }

    private Start timeLaunched(Launched l) throws IOException {
        double ready = awaitReady("http://127.0.0.1:" + l.port(), l.startedNanos(), l.process()::isAlive,
                l.logFile());
        long rss = status(l.process().pid()).getOrDefault("VmRSS", 0L);
        Start s = started(l.logFile(), l.logOffset(), ready, rss);
        log(String.format(Locale.ROOT, "%s: ready in %.2f s; Spring: started in %.2f s (JVM running for %.2f s); "
                + "RSS %d MB", l.name(), s.readySeconds(), s.springSeconds(), s.jvmSeconds(), rss / 1024));
        return s;
    }

    /**
     * The hub as the container image runs it: the jar extracted ({@code -Djarmode=tools extract}), started from the
     * extracted jar, without and with a dynamic CDS archive recorded by a training run that stops once the context
     * is refreshed ({@code -XX:ArchiveClassesAtExit}, {@code -Dspring.context.exit=onRefresh}). Started in turn,
     * {@code --runs} times each, on one data directory.
     */
    private void cdsStarts(Path work, LightPopulationStub population, LightPortalStub portal, String hubArgs,
                           Map<String, List<Start>> starts) throws IOException, InterruptedException {
        Path extracted = work.resolve("extracted");
        Path jar = Path.of(options.require("jar"));
        Process x = new ProcessBuilder(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
                "--destination", extracted.toString()).redirectErrorStream(true)
                .redirectOutput(work.resolve("extract.log").toFile()).start();
        if (x.waitFor() != 0) {
            throw new IllegalStateException("extract failed; see " + work.resolve("extract.log"));
        }
        Path thin = extracted.resolve(jar.getFileName());
        Path archive = work.resolve("hub.jsa");
        Path data = Files.createDirectories(work.resolve("hub-data-extracted"));
        Path logFile = work.resolve("hub-extracted.log");
        List<String> arguments = new ArrayList<>(List.of("--hub.connector.population.address="
                + population.serviceUrl(), "--hub.security.rate-limit.per-second=1000000",
                "--hub.security.rate-limit.burst=1000000"));
        for (String a : hubArgs.trim().split("\\s+")) {
            if (!a.isEmpty()) {
                arguments.add(a);
            }
        }
        long t = System.nanoTime();
        Launched training = launchThin("training run", thin, List.of("-XX:ArchiveClassesAtExit=" + archive,
                "-Dspring.context.exit=onRefresh"), arguments, data, logFile, portal);
        if (!training.process().waitFor(10, TimeUnit.MINUTES) || !Files.isRegularFile(archive)) {
            training.process().destroyForcibly();
            throw new IllegalStateException("the CDS training run did not write " + archive + "; see " + logFile);
        }
        log(String.format(Locale.ROOT, "CDS training run: %.1f s, archive %d MB", (System.nanoTime() - t) / 1e9,
                Files.size(archive) / (1024 * 1024)));
        for (int r = 1; r <= runs; r++) {
            log(String.format("extracted jar: start %d of %d (load average %s)", r, runs, loadAverage()));
            for (boolean cds : new boolean[] {false, true}) {
                String name = cds ? "hub, extracted jar + CDS archive" : "hub, extracted jar";
                Launched l = launchThin(name, thin, cds ? List.of("-XX:SharedArchiveFile=" + archive) : List.of(),
                        arguments, data, logFile, portal);
                try {
                    starts.computeIfAbsent(name, k -> new ArrayList<>()).add(timeLaunched(l));
                } finally {
                    stopProcess(l.process());
                }
            }
        }
        if (!options.getBoolean("keep-data", false)) {
            for (Path p : List.of(data, extracted, archive)) {
                FileSystemUtils.deleteRecursively(p);
            }
        }
    }

    private Launched launchThin(String name, Path thin, List<String> extraJvm, List<String> arguments, Path data,
                                Path logFile, LightPortalStub portal) throws IOException {
        int port = HubProcess.freePort();
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvm);
        command.addAll(extraJvm);
        command.addAll(List.of("-jar", thin.toString()));
        command.addAll(arguments);
        // the environment HubProcess gives the hub
        return launch(name, command, Map.of("HUB_PORT", Integer.toString(port), "HUB_DATA_DIR", data.toString(),
                "HUB_PORTAL_URL", portal.baseUrl(), "HUB_INSTANCE_ID", "hub-bench-extracted"), port, logFile, data);
    }

    private List<Start> postgresStarts(Path work, LightPopulationStub population, LightPortalStub portal,
                                       String hubArgs) throws SQLException, IOException {
        String url = options.get("postgres-url", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = options.get("postgres-user", "postgres");
        String database = "bench_startup_" + System.currentTimeMillis();
        try (Connection c = DriverManager.getConnection(url, user, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        List<Start> got = new ArrayList<>();
        HubProcess pg = hub(work, "hub-data-postgres", "hub-postgres.log", population, portal, jvm, hubArgs,
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + url.substring(0, url.lastIndexOf('/') + 1) + database,
                "--spring.datasource.username=" + user);
        try {
            for (int r = 1; r <= runs; r++) {
                log(String.format("postgres: start %d of %d (load average %s)", r, runs, loadAverage()));
                got.add(timeHub(pg));
                pg.stop();
            }
        } finally {
            pg.stop();
            BenchSupport.cleanUp(pg, options);
            try (Connection c = DriverManager.getConnection(url, user, "");
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database);
            }
        }
        return got;
    }

    /** Polls readiness every {@code --poll-ms} until it answers 200 with UP; seconds since {@code t0}. */
    private double awaitReady(String baseUrl, long t0, java.util.function.BooleanSupplier alive, Path logFile) {
        HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        long bound = t0 + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < bound) {
            try {
                HttpResponse<String> r = http.send(probe, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return (System.nanoTime() - t0) / 1e9;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException("the process exited before it was ready; see " + logFile);
            }
            LockSupport.parkNanos(pollNanos);
        }
        throw new IllegalStateException("not ready within 10 minutes; see " + logFile);
    }

    /** Spring Boot's own account of the start, from the part of the log written since {@code offset}. */
    private static Start started(Path logFile, long offset, double ready, long rssKb) throws IOException {
        byte[] all = Files.readAllBytes(logFile);
        String text = new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                StandardCharsets.UTF_8);
        Matcher m = STARTED.matcher(text);
        double spring = Double.NaN;
        double jvmSeconds = Double.NaN;
        while (m.find()) {
            spring = Double.parseDouble(m.group(1));
            jvmSeconds = Double.parseDouble(m.group(2));
        }
        return new Start(ready, spring, jvmSeconds, rssKb);
    }

    private static void stopProcess(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
    }

    /** {@code /proc/<pid>/status}: VmRSS, VmHWM (kB) and Threads. */
    private static Map<String, Long> status(long pid) throws IOException {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            String[] kv = line.split(":\\s+", 2);
            if (kv.length == 2 && List.of("VmRSS", "VmHWM", "Threads").contains(kv[0])) {
                values.put(kv[0], Long.parseLong(kv[1].replace("kB", "").trim()));
            }
        }
        return values;
    }

    /** The process' memory; after a full collection ({@code jcmd GC.run}) when {@code fullGc}. */
    private static Memory memory(long pid, boolean fullGc) throws IOException, InterruptedException {
        if (fullGc) {
            BenchSupport.jcmd(pid, "GC.run");
        }
        String heapInfo = BenchSupport.jcmd(pid, "GC.heap_info");
        Map<String, Long> s = status(pid);
        Matcher heap = HEAP.matcher(heapInfo);
        Matcher meta = METASPACE.matcher(heapInfo);
        boolean h = heap.find();
        boolean m = meta.find();
        Matcher classes = CLASSES.matcher(BenchSupport.jcmd(pid, "PerfCounter.print"));
        return new Memory(s.getOrDefault("VmRSS", 0L), s.getOrDefault("VmHWM", 0L),
                s.getOrDefault("Threads", 0L).intValue(), h ? Long.parseLong(heap.group(2)) : -1,
                h ? Long.parseLong(heap.group(1)) : -1, m ? Long.parseLong(meta.group(1)) : -1,
                classes.find() ? Long.parseLong(classes.group(1)) : -1);
    }

    private OpenLoad.Result load(String name, int rate, java.util.function.IntFunction<HttpRequest> requests,
                                 java.util.function.Predicate<HttpResponse<String>> success) {
        if (rate == 0) {
            return null;
        }
        log(String.format("%s: %d s at %d/s", name, loadSeconds, rate));
        try {
            OpenLoad.Result r = OpenLoad.run(name, BenchSupport.httpClient(), rate, 0, loadSeconds, requests,
                    success, 5000);
            log(String.format(Locale.ROOT, "%s: %d ok, %d failed, %d not sent; p50 %.1f p99 %.1f max %.0f ms", name,
                    r.ok(), r.errors(), r.notSent(), r.ms(50), r.ms(99), r.maxMs()));
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest eventRequest(String baseUrl, String json) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/dossiers/events"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-API-Key", HubClient.DEFAULT_API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
    }

    /** Intake events of {@code count} new dossiers, never the same code twice: 9,999 numbers a day, then the day
     * before. */
    private static List<String> events(int count) {
        java.time.Instant origin = EventFactory.originFor(1);
        Map<Integer, EventFactory> factories = new LinkedHashMap<>();
        List<String> events = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            EventFactory f = factories.computeIfAbsent(k / 9999,
                    d -> new EventFactory(origin.minus(d, ChronoUnit.DAYS), 13));
            events.add(f.history(k % 9999 + 1, 0, false).get(0).json());
        }
        return events;
    }

    private void publish(Path work, String machineAtStart, String setup, Map<String, List<Start>> starts,
                         Memory baseIdle, Memory baseAfterGc, Memory idle, Memory loaded, Memory afterGc,
                         DocumentBench.Gc loadGc, OpenLoad.Result identity, OpenLoad.Result dossiers,
                         LightPortalStub portal) throws IOException {
        StringBuilder report = new StringBuilder();
        report.append("Machine: ").append(machineAtStart).append("; at the end: load average ").append(loadAverage())
                .append("\n\nLoad: ").append(setup).append("\n\n");
        report.append("Start-up (s; ready = process start to the first readiness UP, polled every ")
                .append(TimeUnit.NANOSECONDS.toMillis(pollNanos)).append(" ms; Spring = \"Started … in X seconds\"; "
                        + "JVM = \"process running for Y\"):\n\n");
        report.append("| application | each run: ready | ready median / max | Spring median | JVM median "
                + "| RSS when ready, median (MB) |\n|---|---|---:|---:|---:|---:|\n");
        for (Map.Entry<String, List<Start>> e : starts.entrySet()) {
            List<Start> l = e.getValue();
            report.append("| ").append(e.getKey()).append(" | ")
                    .append(String.join(", ", l.stream().map(s -> fmt(s.readySeconds())).toList())).append(" | ")
                    .append(fmt(median(l, Start::readySeconds))).append(" / ")
                    .append(fmt(l.stream().mapToDouble(Start::readySeconds).max().orElse(Double.NaN))).append(" | ")
                    .append(fmt(median(l, Start::springSeconds))).append(" | ")
                    .append(fmt(median(l, Start::jvmSeconds))).append(" | ")
                    .append(String.format(Locale.ROOT, "%.0f", median(l, s -> s.rssKb() / 1024.0))).append(" |\n");
        }
        List<Start> hub = starts.get(HUB);
        List<Start> base = starts.get("minimal Spring Boot app");
        report.append(String.format(Locale.ROOT, "%nhub / minimal app, ready median: %.2f; goal: ready in under 8 s:"
                + " %s%n%n", median(hub, Start::readySeconds) / median(base, Start::readySeconds),
                median(hub, Start::readySeconds) < 8 ? "met" : "NOT met"));
        report.append("Memory (MB; RSS and its peak VmHWM from /proc; heap and metaspace from jcmd GC.heap_info):\n\n");
        report.append("| process, moment | RSS | RSS peak | threads | heap used | heap committed | metaspace "
                + "| classes loaded |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        memoryRow(report, "minimal app, idle after start", baseIdle);
        memoryRow(report, "minimal app, after a full GC", baseAfterGc);
        memoryRow(report, "hub, idle after start", idle);
        memoryRow(report, "hub, after " + loadSeconds + " s of load", loaded);
        memoryRow(report, "hub, after the load and a full GC", afterGc);
        report.append(String.format(Locale.ROOT, "%nHub heap during the load (GC log, whole run of the loaded hub): "
                        + "peak %d MB used of %d MB, at most %d MB still used after a collection; %d collections, "
                        + "pauses %.0f ms in all, longest %.0f ms. Goal: under 512 MB of heap: %s.%n%n",
                loadGc.peakBeforeMb(), loadGc.heapMb(), loadGc.maxAfterMb(), loadGc.collections(), loadGc.pauseMs(),
                loadGc.maxPauseMs(), loadGc.peakBeforeMb() < 512 && afterGc.heapUsedKb() < 512 * 1024 ? "met"
                        : "NOT met"));
        if (identity != null || dossiers != null) {
            report.append("The load (open model, latency from the intended send time, ms):\n\n| flow | rate (/s) "
                    + "| ok | failed | not sent | p50 | p99 | max |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (OpenLoad.Result r : new OpenLoad.Result[] {identity, dossiers}) {
                if (r != null) {
                    report.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.1f | %.1f | %.0f |%n",
                            r.target(), r.rate(), r.ok(), r.errors(), r.notSent(), r.ms(50), r.ms(99), r.maxMs()));
                }
            }
            report.append("\nDossier events delivered to the portal stub: ").append(portal.calls()).append('\n');
        }
        System.out.println();
        System.out.println(report);
        Path file = work.resolve("result.md");
        Files.writeString(file, report.toString());
        log("written " + file);
    }

    private static void memoryRow(StringBuilder t, String name, Memory m) {
        t.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %d |%n", name, m.rssKb() / 1024,
                m.hwmKb() / 1024, m.threads(), m.heapUsedKb() / 1024, m.heapCommittedKb() / 1024,
                m.metaspaceUsedKb() / 1024, m.classes()));
    }

    private static double median(List<Start> l, java.util.function.ToDoubleFunction<Start> f) {
        return BenchSupport.median(l.stream().mapToDouble(f).toArray());
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
