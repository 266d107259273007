package vn.lgsp.hub.it.bench;

import static vn.lgsp.hub.it.bench.BenchSupport.loadAverage;
import static vn.lgsp.hub.it.bench.BenchSupport.log;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import vn.lgsp.hub.it.HubProcess;
import vn.lgsp.hub.it.bench.BenchSupport.Options;
import vn.lgsp.hub.simulators.population.CitizenRegistry;
import vn.lgsp.hub.simulators.portal.PortalSimulator;

/**
 * Identity verification under an open model ({@code scripts/bench identity}); method and figures in
 * {@code docs/BENCHMARKS.md}, section "Identity verification, open model". Not a test: it asserts nothing about time.
 *
 * <p>At each of several fixed arrival rates ({@code --rates=250,500,1000,2000}), three paths are loaded in turn by the
 * same generator ({@link OpenLoad}), each for {@code --warmup} seconds (not recorded) then {@code --seconds} seconds
 * (recorded):
 * <ol>
 *   <li><b>direct</b>: the client sends the hub's own SOAP request (recorded from the hub, body and headers) straight
 *       to a light population stub ({@link LightPopulationStub});</li>
 *   <li><b>nginx</b>: the same request through Debian's nginx as a reverse proxy in front of the same stub
 *       ({@link NginxProxy}); skipped, with a message, when no nginx binary is found;</li>
 *   <li><b>hub</b>: {@code POST /api/v1/citizens/verify} to the packaged hub as a process (embedded default, or with
 *       its exchange log on a fresh PostgreSQL database with {@code --store=postgres}), whose population connector
 *       calls the same stub.</li>
 * </ol>
 * The report gives, per rate, the percentiles of each path (from the intended send time) and what the hub and nginx
 * add to the direct call's p99, and the highest rate tried at which the hub added less than {@code --budget-ms}
 * (5 ms) to the p99 with no failed call and a generator that kept up. {@code --jfr=true} records each measured hub
 * phase with the flight recorder ({@code hub-<rate>.jfr} in the run directory).
 */
public final class IdentityOpenBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERIFY_URI = "/api/v1/citizens/verify";
    private static final String MATCH = "<dc:TonTai>true</dc:TonTai>";
    /** Headers the JDK client sets itself and refuses to be given. */
    private static final Set<String> NOT_REPLAYED = Set.of("connection", "content-length", "date", "expect", "from",
            "host", "upgrade", "via", "warning", "http2-settings", "keep-alive", "transfer-encoding");

    private final Options options;
    private final int[] rates;
    private final int seconds;
    private final int warmup;
    private final int maxInFlight;
    private final double budgetMs;
    private final Duration timeout;
    private final double maxLagMs;
    private final int initialWarmup;

    private IdentityOpenBench(Options options) {
        this.options = options;
        this.rates = Arrays.stream(options.get("rates", "250,500,1000,2000").split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
        this.seconds = options.getInt("seconds", 20);
        this.warmup = options.getInt("warmup", 10);
        this.maxInFlight = options.getInt("max-in-flight", 5000);
        this.budgetMs = Double.parseDouble(options.get("budget-ms", "5"));
        this.timeout = Duration.ofSeconds(options.getInt("timeout-seconds", 10));
        this.maxLagMs = Double.parseDouble(options.get("max-lag-ms", "1"));
        this.initialWarmup = options.getInt("initial-warmup", 30);
        if (rates.length == 0 || Arrays.stream(rates).anyMatch(r -> r < 1) || seconds < 1 || warmup < 0) {
            throw new IllegalArgumentException("--rates must list rates of at least 1/s, --seconds at least 1, "
                    + "--warmup at least 0");
        }
    }

    public static void main(String[] args) throws Exception {
        BenchSupport.quietSimulators();
        new IdentityOpenBench(Options.parse(args)).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path work = BenchSupport.runDirectory(options);
        String hubArgs = options.get("hub-args", "");
        String store = options.get("store", "h2");
        if (!List.of("h2", "postgres").contains(store)) {
            throw new IllegalArgumentException("--store is h2 or postgres, got " + store);
        }
        int nginxWorkers = options.getInt("nginx-workers", 1);
        String setup = "open model, rates " + Arrays.toString(rates) + " per second, each path " + warmup
                + " s warm-up then " + seconds + " s measured, after an initial warm-up of " + initialWarmup
                + " s per path at the first rate; latency from the intended send time; in-flight cap "
                + maxInFlight + ", timeout " + timeout.toSeconds() + " s; population stub: JDK HttpServer, "
                + options.getInt("stub-threads", 2) + " threads, one canned reply; nginx " + nginxWorkers
                + " worker(s); the hub's exchange log on " + ("h2".equals(store) ? "H2 (embedded default)"
                : "PostgreSQL (a fresh database)") + (hubArgs.isBlank() ? "" : "; hub arguments: " + hubArgs);
        String machineAtStart = BenchSupport.announce(setup);

        Map<String, Object> record = CitizenRegistry.load().generated().get(0);
        CitizenBench.Citizen citizen = CitizenBench.Citizen.of(record);
        LightPopulationStub stub = new LightPopulationStub(record, options.getInt("stub-threads", 2)).start();
        log("population stub: " + stub.serviceUrl());
        // the hub needs a portal address; this one stays idle (its intake list is empty) and is not on the path
        PortalSimulator portal = new PortalSimulator(0);
        portal.start();
        NginxProxy nginx = null;
        String nginxNote;
        Optional<Path> nginxBinary = NginxProxy.find(options.get("nginx", ""));
        if (options.getBoolean("skip-nginx", false)) {
            nginxNote = "nginx: skipped (--skip-nginx=true)";
        } else if (nginxBinary.isEmpty()) {
            nginxNote = "nginx: SKIPPED, no nginx binary found (apt-get install -y nginx, or --nginx=/path/to/nginx)";
        } else {
            try {
                nginx = NginxProxy.start(nginxBinary.get(), work, stub.port(), nginxWorkers);
                nginxNote = "nginx: " + version(nginxBinary.get()) + " on port " + nginx.port() + ", "
                        + nginxWorkers + " worker(s), keep-alive upstream (config " + nginx.dir().resolve("nginx.conf")
                        + ")";
            } catch (IOException e) {
                nginxNote = "nginx: SKIPPED, could not start: " + e.getMessage();
            }
        }
        log(nginxNote);

        BenchDatabase database = "postgres".equals(store) ? BenchDatabase.create(options, "bench_identity") : null;
        List<String> hubArguments = new ArrayList<>(List.of("--hub.connector.population.address="
                + stub.serviceUrl()));
        if (database != null) {
            hubArguments.addAll(database.hubArguments());
        }
        HubProcess process = BenchSupport.hubProcess(options, work, portal.baseUrl(),
                hubArguments.toArray(String[]::new));
        Map<Integer, Map<String, OpenLoad.Result>> results = new LinkedHashMap<>();
        Map<Integer, double[]> hubShares = new LinkedHashMap<>();
        try {
            BenchSupport.startHub(process);
            HttpClient probeClient = BenchSupport.httpClient();
            HttpRequest hubRequest = CitizenBench.verifyRequest(process.baseUrl(), citizen, timeout);
            stub.captureNext();
            HttpResponse<String> probe = probeClient.send(hubRequest, HttpResponse.BodyHandlers.ofString());
            if (probe.statusCode() != 200 || !JSON.readTree(probe.body()).path("match").asBoolean(false)) {
                throw new IllegalStateException("the hub's probe verification failed: " + probe.statusCode() + " "
                        + probe.body());
            }
            CitizenBench.SoapCall soap = stub.captured();
            if (soap == null) {
                throw new IllegalStateException("the stub recorded no request from the hub");
            }
            Files.write(work.resolve("population-request.xml"), soap.body());
            log("the hub's population request: " + soap.body().length + " bytes (population-request.xml)");
            Map<String, HttpRequest> paths = new LinkedHashMap<>();
            paths.put("direct", soapRequest(stub.serviceUrl(), soap));
            if (nginx != null) {
                paths.put("nginx", soapRequest("http://127.0.0.1:" + nginx.port() + LightPopulationStub.PATH, soap));
            }
            paths.put("hub", hubRequest);
            Map<String, Predicate<HttpResponse<String>>> success = Map.of(
                    "direct", r -> r.statusCode() == 200 && r.body().contains(MATCH),
                    "nginx", r -> r.statusCode() == 200 && r.body().contains(MATCH),
                    "hub", r -> r.statusCode() == 200 && r.body().contains("\"match\":true"));
            for (Map.Entry<String, HttpRequest> p : paths.entrySet()) {
                HttpResponse<String> r = probeClient.send(p.getValue(), HttpResponse.BodyHandlers.ofString());
                if (!success.get(p.getKey()).test(r)) {
                    throw new IllegalStateException(p.getKey() + ": probe answered " + r.statusCode() + " "
                            + r.body());
                }
            }
            Path histograms = Files.createDirectories(work.resolve("histograms"));
            // one client per path, kept across the rates (its connections are warmed up by each warm-up phase)
            Map<String, HttpClient> clients = new LinkedHashMap<>();
            paths.keySet().forEach(name -> clients.put(name, BenchSupport.httpClient()));
            for (Map.Entry<String, HttpRequest> p : paths.entrySet()) {
                log(String.format("%s: initial warm-up, %d s at %d/s, not recorded (load average %s)", p.getKey(),
                        initialWarmup, rates[0], loadAverage()));
                if (initialWarmup > 0) {
                    OpenLoad.Result r = OpenLoad.run(p.getKey(), clients.get(p.getKey()), rates[0], 0, initialWarmup,
                            i -> p.getValue(), success.get(p.getKey()), maxInFlight);
                    log(String.format(Locale.ROOT, "%s: initial warm-up done, p50 %.2f p99 %.2f ms, %d failed",
                            p.getKey(), r.ms(50), r.ms(99), r.errors()));
                }
            }
            for (int rate : rates) {
                Map<String, OpenLoad.Result> atRate = new LinkedHashMap<>();
                for (Map.Entry<String, HttpRequest> p : paths.entrySet()) {
                    String name = p.getKey();
                    log(String.format("%s at %d/s: %d s warm-up + %d s measured (load average %s)", name, rate,
                            warmup, seconds, loadAverage()));
                    HttpClient http = clients.get(name);
                    HttpRequest request = p.getValue();
                    boolean isHub = "hub".equals(name);
                    Map<String, Double> before = isHub ? CitizenBench.scrape(probeClient, process.baseUrl()) : null;
                    long hubCpu = isHub ? CitizenBench.cpuNanos(process.pid()) : 0;
                    Path jfr = isHub && options.getBoolean("jfr", false) ? work.resolve("hub-" + rate + ".jfr") : null;
                    if (jfr != null) {
                        BenchSupport.jcmd(process.pid(), "JFR.start", "name=bench", "settings=profile",
                                "delay=" + warmup + "s", "filename=" + jfr);
                    }
                    OpenLoad.Result r = OpenLoad.run(name, http, rate, warmup, seconds, i -> request,
                            success.get(name), maxInFlight);
                    if (jfr != null) {
                        BenchSupport.jcmd(process.pid(), "JFR.stop", "name=bench");
                        log("hub at " + rate + "/s: flight recording of the measured part " + jfr);
                    }
                    if (isHub) {
                        hubShares.put(rate, hubShare(before, CitizenBench.scrape(probeClient, process.baseUrl()),
                                CitizenBench.cpuNanos(process.pid()) - hubCpu));
                    }
                    atRate.put(name, r);
                    log(String.format(Locale.ROOT, "%s at %d/s: achieved %.0f/s, p50 %.2f p99 %.2f p99.9 %.2f max "
                                    + "%.1f ms, %d ok, %d failed, %d not sent, lag p99 %.2f ms, max in flight %d%s",
                            name, rate, r.achievedRate(), r.ms(50), r.ms(99), r.ms(99.9), r.maxMs(), r.ok(),
                            r.errors(), r.notSent(), r.lagMs(99), r.maxInFlight(), r.keptUp(maxLagMs) ? "" :
                                    " - THE GENERATOR DID NOT KEEP UP"));
                    try (PrintStream out = new PrintStream(histograms.resolve(rate + "-" + name + ".hgrm").toFile(),
                            StandardCharsets.UTF_8)) {
                        r.latency().outputPercentileDistribution(out, 1e6);
                    }
                    // a pause between paths, for the previous target's connections and garbage to settle
                    Thread.sleep(1000);
                }
                results.put(rate, atRate);
            }
        } finally {
            process.stop();
            if (nginx != null) {
                nginx.close();
            }
            portal.stop();
            stub.close();
            if (database != null) {
                database.close();
            }
        }
        BenchSupport.cleanUp(process, options);
        publish(work, machineAtStart, setup, nginxNote, results, hubShares);
    }

    /**
     * The hub's own account of a phase (warm-up and measured part together), as means per verification:
     * {@code {server ms, population route ms, exchange-log connection held ms, hub CPU ms, verifications}}, from its
     * metrics ({@code http.server.requests}, Camel's route timer, Hikari's usage) and its process's CPU time.
     */
    private static double[] hubShare(Map<String, Double> before, Map<String, Double> after, long cpuNanos) {
        double n = CitizenBench.delta(before, after, "http_server_requests_seconds_count",
                "uri=\"" + VERIFY_URI + "\"");
        return new double[] {
            CitizenBench.delta(before, after, "http_server_requests_seconds_sum", "uri=\"" + VERIFY_URI + "\"")
                    * 1e3 / n,
            CitizenBench.delta(before, after, "camel_route_policy_seconds_sum", "routeId=\"population-verify\"")
                    * 1e3 / n,
            CitizenBench.delta(before, after, "hikaricp_connections_usage_seconds_sum", "") * 1e3 / n,
            cpuNanos / 1e6 / n,
            n};
    }

    private static String version(Path nginx) {
        try {
            Process p = new ProcessBuilder(nginx.toString(), "-v").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return out.replace("nginx version: ", "");
        } catch (IOException | InterruptedException e) {
            return nginx.toString();
        }
    }

    private HttpRequest soapRequest(String url, CitizenBench.SoapCall call) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(call.body()));
        for (String[] h : call.headers()) {
            if (!NOT_REPLAYED.contains(h[0].toLowerCase(Locale.ROOT))) {
                request.header(h[0], h[1]);
            }
        }
        return request.build();
    }

    private void publish(Path work, String machineAtStart, String setup, String nginxNote,
                         Map<Integer, Map<String, OpenLoad.Result>> results, Map<Integer, double[]> hubShares)
            throws IOException {
        StringBuilder report = new StringBuilder();
        report.append("Machine: ").append(machineAtStart).append("; at the end: load average ").append(loadAverage())
                .append("\n\nLoad: ").append(setup).append("\n\n").append(nginxNote).append("\n\n");
        report.append("Added latency (ms; latency from the intended send time; \"added\" is the path's figure "
                + "minus the direct call's at the same rate):\n\n");
        report.append("| rate (/s) | direct p50 / p99 | nginx p50 / p99 | hub p50 / p99 | nginx added p50 / p99 "
                + "| hub added p50 / p99 | hub failed calls | hub added p99 < ").append(fmt(budgetMs))
                .append(" ms, no failed call | generator kept up on every path |\n");
        report.append("|---:|---:|---:|---:|---:|---:|---:|:---:|:---:|\n");
        Integer best = null;
        boolean allBelow = true;
        for (Map.Entry<Integer, Map<String, OpenLoad.Result>> e : results.entrySet()) {
            OpenLoad.Result direct = e.getValue().get("direct");
            OpenLoad.Result nginx = e.getValue().get("nginx");
            OpenLoad.Result hub = e.getValue().get("hub");
            double hubAdded = hub.ms(99) - direct.ms(99);
            boolean below = hub.errors() == 0 && hub.notSent() == 0 && direct.errors() == 0 && hubAdded < budgetMs;
            boolean keptUp = e.getValue().values().stream().allMatch(r -> r.keptUp(maxLagMs));
            if (below && keptUp && allBelow) {
                best = e.getKey();
            } else {
                allBelow = false;
            }
            report.append("| ").append(e.getKey()).append(" | ").append(pair(direct)).append(" | ")
                    .append(nginx == null ? "skipped" : pair(nginx)).append(" | ").append(pair(hub)).append(" | ")
                    .append(nginx == null ? "–" : fmt(nginx.ms(50) - direct.ms(50)) + " / "
                            + fmt(nginx.ms(99) - direct.ms(99)))
                    .append(" | ").append(fmt(hub.ms(50) - direct.ms(50))).append(" / ").append(fmt(hubAdded))
                    .append(" | ").append(hub.errors() + hub.notSent()).append(" of ").append(hub.sent() + hub.notSent())
                    .append(" | ").append(below ? "yes" : "no").append(" | ").append(keptUp ? "yes" : "no")
                    .append(" |\n");
        }
        report.append("\n").append(best == null
                ? "The hub's added p99 was not under " + fmt(budgetMs) + " ms (with no failed call and a generator "
                        + "that kept up, lag p99 < " + fmt(maxLagMs) + " ms) from the lowest rate tried on."
                : "Highest rate tried up to which the hub's added p99 stayed under " + fmt(budgetMs) + " ms, with no "
                        + "failed call and a generator that kept up: " + best + "/s.").append("\n\n");
        report.append("Each path at each rate (ms, from the intended send time unless said otherwise):\n\n");
        report.append("| rate (/s) | path | achieved (/s) | ok | failed | not sent | p50 | p90 | p99 | p99.9 | max "
                + "| p99 from the actual send | generator lag p99 / max | max in flight | generator kept up |\n");
        report.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|\n");
        for (Map.Entry<Integer, Map<String, OpenLoad.Result>> e : results.entrySet()) {
            for (OpenLoad.Result r : e.getValue().values()) {
                report.append(String.format(Locale.ROOT,
                        "| %d | %s | %.0f | %d | %d | %d | %.2f | %.2f | %.2f | %.2f | %.1f | %.2f | %.2f / %.1f "
                                + "| %d | %s |%n", r.rate(), r.target(), r.achievedRate(), r.ok(), r.errors(),
                        r.notSent(), r.ms(50), r.ms(90), r.ms(99), r.ms(99.9), r.maxMs(), r.serviceMs(99),
                        r.lagMs(99), r.maxLagMs(), r.maxInFlight(), r.keptUp(maxLagMs) ? "yes" : "NO"));
            }
        }
        report.append("\nThe hub's own account, means per verification over each hub phase (warm-up and measured part "
                + "together; from its metrics and the CPU time of its process; ms):\n\n");
        report.append("| rate (/s) | verifications | in the hub's HTTP server | of which the population route "
                + "| of which exchange-log connections held | hub CPU per verification |\n");
        report.append("|---:|---:|---:|---:|---:|---:|\n");
        hubShares.forEach((rate, h) -> report.append(String.format(Locale.ROOT,
                "| %d | %.0f | %.2f | %.2f | %.2f | %.2f |%n", rate, h[4], h[0], h[1], h[2], h[3])));
        report.append("\nFull percentile distributions (HdrHistogram, ms): histograms/<rate>-<path>.hgrm\n");
        System.out.println();
        System.out.println(report);
        Path file = work.resolve("result.md");
        Files.writeString(file, report.toString());
        log("written " + file);
    }

    private static String pair(OpenLoad.Result r) {
        return fmt(r.ms(50)) + " / " + fmt(r.ms(99));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
