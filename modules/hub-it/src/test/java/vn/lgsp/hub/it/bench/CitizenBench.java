package vn.lgsp.hub.it.bench;

import static vn.lgsp.hub.it.bench.BenchSupport.loadAverage;
import static vn.lgsp.hub.it.bench.BenchSupport.log;
import static vn.lgsp.hub.it.bench.BenchSupport.median;
import static vn.lgsp.hub.it.bench.BenchSupport.medianRow;
import static vn.lgsp.hub.it.bench.BenchSupport.row;
import static vn.lgsp.hub.it.bench.BenchSupport.seconds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestListener;
import com.github.tomakehurst.wiremock.http.Response;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;
import vn.lgsp.hub.it.HubClient;
import vn.lgsp.hub.it.HubProcess;
import vn.lgsp.hub.it.bench.BenchSupport.Load;
import vn.lgsp.hub.it.bench.BenchSupport.Options;
import vn.lgsp.hub.it.bench.BenchSupport.Outcome;
import vn.lgsp.hub.it.bench.BenchSupport.Sender;
import vn.lgsp.hub.simulators.population.CitizenRegistry;
import vn.lgsp.hub.simulators.population.PopulationSimulator;
import vn.lgsp.hub.simulators.portal.PortalSimulator;

/**
 * Load driver for flow 3 (citizen identity, {@code POST /api/v1/citizens/verify}), run by
 * {@code scripts/bench citizens}; method and figures in {@code docs/BENCHMARKS.md}. Not a test: it asserts nothing
 * about time.
 *
 * <p>Two runs side by side on the same machine, with the same clients and the same population simulator:
 * <ol>
 *   <li><b>hub</b>: the packaged hub as a process (embedded default: Artemis and H2 under a fresh data directory,
 *       every call written to the exchange log), its population connector pointed at the simulator; the clients
 *       verify citizens of the simulator's own data through the hub's REST API, so every answer is a match;</li>
 *   <li><b>baseline</b>: the hub idle, the same clients send the very SOAP requests the simulator received from the
 *       hub in that round (body and headers, as recorded) straight to the simulator; what a hub-less direct call
 *       costs.</li>
 * </ol>
 * A synchronous call has no ordering: each call is independent and the calls are dealt out to the client threads.
 * Both runs are preceded by a warm-up (not measured). The hub's share of each call is broken down with its own
 * metrics ({@code /actuator/prometheus}: server time, the population route, the exchange log's connections) and the
 * CPU time of both processes.
 */
public final class CitizenBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROCEDURE_CODE = "1.004616";
    private static final String DOSSIER_CODE = "000.00.14.H56-261122-0001";
    private static final String OFFICER_ID = "canbo01";
    private static final String OPERATOR_KEY = "demo-operator";
    private static final String VERIFY_ROUTE = "population-verify";
    private static final String VERIFY_URI = "/api/v1/citizens/verify";
    /** Headers the JDK client sets itself and refuses to be given. */
    private static final Set<String> NOT_REPLAYED = Set.of("connection", "content-length", "date", "expect", "from",
            "host", "upgrade", "via", "warning", "http2-settings", "keep-alive", "transfer-encoding");

    private final Options options;
    private final int calls;
    private final int clients;
    private final int warmupCalls;
    private final int rounds;
    private final List<Citizen> citizens;

    private CitizenBench(Options options) {
        this.options = options;
        this.calls = options.getInt("calls", 5000);
        this.clients = options.getInt("clients", 8);
        this.warmupCalls = options.getInt("warmup", 2000);
        this.rounds = options.getInt("rounds", 1);
        if (calls < 1 || warmupCalls < 1 || rounds < 1 || clients < 1) {
            throw new IllegalArgumentException("calls, warmup, rounds and clients must be at least 1");
        }
        this.citizens = CitizenRegistry.load().generated().stream().map(Citizen::of).toList();
    }

    public static void main(String[] args) throws Exception {
        BenchSupport.quietSimulators();
        new CitizenBench(Options.parse(args)).run();
        System.exit(0);
    }

    /** A citizen of the simulator's data, as an officer would type it in. */
    record Citizen(String personalId, String fullName, LocalDate birthDate) {

        static Citizen of(Map<String, Object> record) {
            Map<?, ?> name = (Map<?, ?>) record.get("HoVaTen");
            Map<?, ?> birth = (Map<?, ?>) record.get("NgayThangNamSinh");
            return new Citizen((String) record.get("SoDinhDanh"),
                    name.get("Ho") + " " + name.get("ChuDem") + " " + name.get("Ten"),
                    LocalDate.parse((String) birth.get("NgayThangNam"), DateTimeFormatter.BASIC_ISO_DATE));
        }
    }

    /** One SOAP request as the simulator received it: the body and the headers, byte for byte. */
    record SoapCall(byte[] body, List<String[]> headers) {
    }

    /**
     * Where the hub's time goes, as means per call over one round, from the hub's own metrics and the CPU time of
     * its process. {@code routeMs} is the population route (circuit breaker, CXF, the HTTP call to the simulator,
     * reading the reply); {@code dbHeldMs} is how long the call held database connections (the exchange log).
     */
    record Breakdown(double serverMs, double routeMs, double dbHeldMs, double dbBorrowsPerCall, double dbAcquireMs,
                     double hubCpuMs) {
    }

    /** What one run measured. {@code breakdown} is null for the baseline. */
    record Result(String name, int calls, int errors, int matched, Duration sending, long[] latenciesNanos,
                  double driverCpuMs, Breakdown breakdown) {

        double callsPerSecond() {
            return calls / seconds(sending);
        }

        double percentileMillis(double p) {
            return BenchSupport.percentileMillis(latenciesNanos, p);
        }

        double meanMillis() {
            long sum = 0;
            for (long l : latenciesNanos) {
                sum += l;
            }
            return latenciesNanos.length == 0 ? 0 : sum / 1e6 / latenciesNanos.length;
        }
    }

    /** Records the population requests while {@link #recording} is on; a listener on the simulator's server. */
    static final class SoapCapture implements RequestListener {

        private final ConcurrentLinkedQueue<SoapCall> calls = new ConcurrentLinkedQueue<>();
        private volatile boolean recording;

        @Override
        public void requestReceived(Request request, Response response) {
            if (!recording || !request.getUrl().startsWith(PopulationSimulator.SERVICE_PATH)
                    || !"POST".equals(request.getMethod().getName())) {
                return;
            }
            List<String[]> headers = new ArrayList<>();
            for (HttpHeader h : request.getHeaders().all()) {
                for (String value : h.values()) {
                    headers.add(new String[] {h.key(), value});
                }
            }
            calls.add(new SoapCall(request.getBody(), headers));
        }

        void start() {
            calls.clear();
            recording = true;
        }

        List<SoapCall> stop() {
            recording = false;
            List<SoapCall> got = new ArrayList<>(calls);
            calls.clear();
            return got;
        }
    }

    private void run() throws Exception {
        Path work = BenchSupport.runDirectory(options);
        String hubArgs = options.get("hub-args", "");

        String setup = calls + " verifications per round, " + clients + " client threads, " + rounds
                + " round(s); warm-up " + warmupCalls + " calls; " + citizens.size()
                + " citizens of the population simulator, taken in turn"
                + (hubArgs.isBlank() ? "" : "; hub arguments: " + hubArgs);
        String machineAtStart = BenchSupport.announce(setup);

        PopulationSimulator population = new PopulationSimulator(0);
        SoapCapture capture = new SoapCapture();
        population.wireMock().addMockServiceRequestListener(capture);
        population.start();
        // the hub needs a portal address; this one stays idle (its intake list is empty)
        PortalSimulator portal = new PortalSimulator(0);
        portal.start();
        List<Result[]> results = new ArrayList<>();
        List<String> loads = new ArrayList<>();
        HubProcess process = BenchSupport.hubProcess(options, work, portal.baseUrl(),
                "--hub.connector.population.address=" + population.serviceUrl());
        HttpClient http = BenchSupport.httpClient();
        try {
            BenchSupport.startHub(process);
            int next = 0;
            List<SoapCall> warm = runHub("hub warm-up", bodies(next, warmupCalls), http, process, capture).calls();
            next += warmupCalls;
            describe(warm.get(0), work);
            runBaseline("baseline warm-up", warm, http, population.serviceUrl());
            for (int round = 1; round <= rounds; round++) {
                loads.add(loadAverage());
                HubRun hub = runHub("hub round " + round, bodies(next, calls), http, process, capture);
                next += calls;
                Result base = runBaseline("baseline round " + round, hub.calls(), http, population.serviceUrl());
                results.add(new Result[] {hub.result(), base});
            }
        } finally {
            process.stop();
            portal.stop();
            population.stop();
        }
        BenchSupport.cleanUp(process, options);
        BenchSupport.publish(work, machineAtStart, setup, loads,
                results.stream().map(r -> table(r[0], r[1]) + "\n" + breakdownTable(List.<Result[]>of(r))).toList(),
                medianTable(results) + "\nWhere a hub call's time goes, median of the rounds:\n\n"
                        + breakdownTable(results));
    }

    /** The JSON bodies of {@code count} verifications, citizens taken in turn from number {@code first} on. */
    private List<String> bodies(int first, int count) {
        List<String> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Citizen c = citizens.get((first + i) % citizens.size());
            bodies.add(verifyBody(c));
        }
        return bodies;
    }

    /** The body of {@code POST /api/v1/citizens/verify} for the citizen, with the benchmarks' purpose and officer. */
    static String verifyBody(Citizen c) {
        ObjectNode body = JSON.createObjectNode();
        body.put("personalId", c.personalId());
        body.put("fullName", c.fullName());
        body.put("birthDate", c.birthDate().toString());
        ObjectNode purpose = body.putObject("purpose");
        purpose.put("procedureCode", PROCEDURE_CODE);
        purpose.put("dossierCode", DOSSIER_CODE);
        body.put("officerId", OFFICER_ID);
        return body.toString();
    }

    /** A verification of the citizen by the hub at {@code baseUrl}, with the demo client's key. */
    static HttpRequest verifyRequest(String baseUrl, Citizen c, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/citizens/verify"))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("X-API-Key", HubClient.DEFAULT_API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(verifyBody(c), StandardCharsets.UTF_8))
                .build();
    }

    private record HubRun(Result result, List<SoapCall> calls) {
    }

    private HubRun runHub(String name, List<String> bodies, HttpClient http, HubProcess process, SoapCapture capture)
            throws IOException, InterruptedException {
        log(name + ": " + bodies.size() + " verifications through the hub (load average " + loadAverage() + ")");
        AtomicInteger matched = new AtomicInteger();
        Sender<String> sender = body -> verifyThroughHub(http, process.baseUrl(), body, matched);
        Map<String, Double> before = scrape(http, process.baseUrl());
        long hubCpu = cpuNanos(process.pid());
        long driverCpu = driverCpuNanos();
        capture.start();
        Load load = BenchSupport.send(clients, singletons(bodies), sender);
        List<SoapCall> sent = capture.stop();
        double driverCpuMs = (driverCpuNanos() - driverCpu) / 1e6 / bodies.size();
        double hubCpuMs = (cpuNanos(process.pid()) - hubCpu) / 1e6 / bodies.size();
        Map<String, Double> after = scrape(http, process.baseUrl());
        int n = bodies.size();
        long upgrades = sent.stream().filter(c -> c.headers().stream().anyMatch(h -> "upgrade".equalsIgnoreCase(h[0])))
                .count();
        log(name + ": " + upgrades + " of the " + sent.size() + " population requests asked to upgrade to HTTP/2");
        if (sent.size() != n + load.errors()) {
            log(name + ": the simulator saw " + sent.size() + " population calls for " + n + " verifications and "
                    + load.errors() + " failed calls");
        }
        Breakdown breakdown = new Breakdown(
                delta(before, after, "http_server_requests_seconds_sum", "uri=\"" + VERIFY_URI + "\"") * 1e3 / n,
                delta(before, after, "camel_route_policy_seconds_sum", "routeId=\"" + VERIFY_ROUTE + "\"") * 1e3 / n,
                delta(before, after, "hikaricp_connections_usage_seconds_sum", "") * 1e3 / n,
                delta(before, after, "hikaricp_connections_usage_seconds_count", "") / n,
                delta(before, after, "hikaricp_connections_acquire_seconds_sum", "") * 1e3 / n,
                hubCpuMs);
        Result result = new Result(name, n, load.errors(), matched.get(), load.sending(), load.latencies(),
                driverCpuMs, breakdown);
        log(String.format("%s: %d in %.1f s (%.0f/s), p50 %.1f ms, %d errors, %d matched", name, n,
                seconds(load.sending()), result.callsPerSecond(), result.percentileMillis(50), load.errors(),
                matched.get()));
        return new HubRun(result, sent.size() > n ? sent.subList(sent.size() - n, sent.size()) : sent);
    }

    private Result runBaseline(String name, List<SoapCall> soapCalls, HttpClient http, String serviceUrl) {
        log(name + ": " + soapCalls.size() + " SOAP calls straight to the population simulator");
        AtomicInteger matched = new AtomicInteger();
        long driverCpu = driverCpuNanos();
        Load load = BenchSupport.send(clients, singletons(soapCalls), call -> callDirect(http, serviceUrl, call,
                matched));
        double driverCpuMs = (driverCpuNanos() - driverCpu) / 1e6 / soapCalls.size();
        Result result = new Result(name, soapCalls.size(), load.errors(), matched.get(), load.sending(),
                load.latencies(), driverCpuMs, null);
        log(String.format("%s: %d in %.1f s (%.0f/s), p50 %.1f ms, %d errors, %d matched", name, soapCalls.size(),
                seconds(load.sending()), result.callsPerSecond(), result.percentileMillis(50), load.errors(),
                matched.get()));
        return result;
    }

    /** Calls are independent: each is a sequence of its own, and the sequences are dealt out to the clients. */
    private static <T> List<List<T>> singletons(List<T> items) {
        return items.stream().map(List::of).toList();
    }

    /** {@code POST /api/v1/citizens/verify} as the demo client; a 200 is a success, whatever the verdict. */
    private static Outcome verifyThroughHub(HttpClient http, String baseUrl, String body, AtomicInteger matched)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + VERIFY_URI))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-API-Key", HubClient.DEFAULT_API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        long started = System.nanoTime();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        long nanos = System.nanoTime() - started;
        if (r.statusCode() == 200 && JSON.readTree(r.body()).path("match").asBoolean(false)) {
            matched.incrementAndGet();
        }
        return new Outcome(r.statusCode() == 200, nanos, r.statusCode());
    }

    /** The hub connector's SOAP request, sent directly: the same body and headers. */
    private static Outcome callDirect(HttpClient http, String serviceUrl, SoapCall call, AtomicInteger matched)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(serviceUrl))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(call.body()));
        for (String[] h : call.headers()) {
            if (!NOT_REPLAYED.contains(h[0].toLowerCase(Locale.ROOT))) {
                request.header(h[0], h[1]);
            }
        }
        long started = System.nanoTime();
        HttpResponse<String> r = http.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        long nanos = System.nanoTime() - started;
        if (r.statusCode() == 200 && r.body().contains("<dc:TonTai>true</dc:TonTai>")) {
            matched.incrementAndGet();
        }
        return new Outcome(r.statusCode() == 200, nanos, r.statusCode());
    }

    /** Logs the headers of one recorded hub request and keeps its envelope beside the results (synthetic data). */
    private static void describe(SoapCall call, Path work) throws IOException {
        StringBuilder headers = new StringBuilder();
        for (String[] h : call.headers()) {
            headers.append(headers.isEmpty() ? "" : ", ").append(h[0]).append(": ").append(h[1])
                    .append(NOT_REPLAYED.contains(h[0].toLowerCase(Locale.ROOT)) ? " (set by the JDK client)" : "");
        }
        Path file = work.resolve("population-request.xml");
        Files.write(file, call.body());
        log("the hub's population request: " + call.body().length + " bytes (" + file.getFileName() + "), headers "
                + headers);
    }

    /** The hub's metrics in the Prometheus text format: series (name and labels) to value. */
    static Map<String, Double> scrape(HttpClient http, String baseUrl)
            throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(10)).header("X-API-Key", OPERATOR_KEY).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Map<String, Double> series = new HashMap<>();
        if (r.statusCode() != 200) {
            log("metrics: /actuator/prometheus answered " + r.statusCode() + "; no breakdown");
            return series;
        }
        for (String line : r.body().split("\n")) {
            int space = line.lastIndexOf(' ');
            if (line.isBlank() || line.startsWith("#") || space < 0) {
                continue;
            }
            try {
                series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            } catch (NumberFormatException e) {
                // a value we cannot read is not one we need
            }
        }
        return series;
    }

    /** The growth of the series named {@code name} whose labels contain {@code label}, summed; NaN if none. */
    static double delta(Map<String, Double> before, Map<String, Double> after, String name, String label) {
        double sum = 0;
        boolean found = false;
        for (Map.Entry<String, Double> e : after.entrySet()) {
            String key = e.getKey();
            boolean sameName = key.equals(name) || key.startsWith(name + "{");
            if (sameName && key.contains(label)) {
                sum += e.getValue() - before.getOrDefault(key, 0.0);
                found = true;
            }
        }
        return found ? sum : Double.NaN;
    }

    /** CPU time (user and system) of a process so far, from the operating system; 0 if it cannot be read. */
    static long cpuNanos(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
    }

    /** CPU time of this JVM: the clients and the simulator. */
    private static long driverCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0L;
    }

    private static String table(Result hub, Result base) {
        StringBuilder t = BenchSupport.tableHead("direct SOAP call");
        row(t, "calls per second (calls over the sending time)", hub.callsPerSecond(), base.callsPerSecond(),
                "%.0f");
        row(t, "latency p50 (ms)", hub.percentileMillis(50), base.percentileMillis(50), "%.1f");
        row(t, "latency p95 (ms)", hub.percentileMillis(95), base.percentileMillis(95), "%.1f");
        row(t, "latency p99 (ms)", hub.percentileMillis(99), base.percentileMillis(99), "%.1f");
        row(t, "latency mean (ms)", hub.meanMillis(), base.meanMillis(), "%.1f");
        row(t, "sending time (s)", seconds(hub.sending()), seconds(base.sending()), "%.1f");
        row(t, "CPU of the driver JVM (clients, simulator) per call (ms)", hub.driverCpuMs(), base.driverCpuMs(),
                "%.2f");
        t.append(String.format("| failed calls (repeated) | %d | %d | |%n", hub.errors(), base.errors()));
        t.append(String.format("| answers that matched | %d of %d | %d of %d | |%n", hub.matched(), hub.calls(),
                base.matched(), base.calls()));
        return t.toString();
    }

    private static String medianTable(List<Result[]> results) {
        StringBuilder t = BenchSupport.tableHead("direct SOAP call");
        medianRow(t, "calls per second", results, Result::callsPerSecond, "%.0f");
        medianRow(t, "latency p50 (ms)", results, r -> r.percentileMillis(50), "%.1f");
        medianRow(t, "latency p95 (ms)", results, r -> r.percentileMillis(95), "%.1f");
        medianRow(t, "latency p99 (ms)", results, r -> r.percentileMillis(99), "%.1f");
        medianRow(t, "latency mean (ms)", results, Result::meanMillis, "%.1f");
        medianRow(t, "CPU of the driver JVM per call (ms)", results, Result::driverCpuMs, "%.2f");
        return t.toString();
    }

    /** The hub's share of a call, from its metrics (means per call; the median over the rounds given). */
    private static String breakdownTable(List<Result[]> results) {
        StringBuilder t = new StringBuilder();
        t.append("| part of a hub call (mean per call) | ms |\n");
        t.append("|---|---:|\n");
        double server = m(results, r -> r[0].breakdown().serverMs());
        double route = m(results, r -> r[0].breakdown().routeMs());
        double db = m(results, r -> r[0].breakdown().dbHeldMs());
        breakdownRow(t, "latency at the client, through the hub", m(results, r -> r[0].meanMillis()));
        breakdownRow(t, "in the hub's HTTP server (`http.server.requests`, security filters included)", server);
        breakdownRow(t, "- of which the population route (`" + VERIFY_ROUTE + "`: breaker, CXF, SOAP call, reply)",
                route);
        breakdownRow(t, "- of which exchange-log connections held (Hikari usage; "
                + String.format("%.1f", m(results, r -> r[0].breakdown().dbBorrowsPerCall())) + " borrows per call)",
                db);
        breakdownRow(t, "- of which waiting for a connection (Hikari acquire)",
                m(results, r -> r[0].breakdown().dbAcquireMs()));
        breakdownRow(t, "- the rest: authentication, validation, JSON, comparison, logging, threads", server - route
                - db);
        breakdownRow(t, "outside the hub's server time (HTTP to the hub, client, queueing for the CPU)",
                m(results, r -> r[0].meanMillis()) - server);
        breakdownRow(t, "latency at the client, direct SOAP call (baseline)", m(results, r -> r[1].meanMillis()));
        breakdownRow(t, "CPU of the hub process per call", m(results, r -> r[0].breakdown().hubCpuMs()));
        breakdownRow(t, "CPU of the driver JVM per call, hub run (clients, simulator)",
                m(results, r -> r[0].driverCpuMs()));
        breakdownRow(t, "CPU of the driver JVM per call, baseline (clients, simulator)",
                m(results, r -> r[1].driverCpuMs()));
        return t.toString();
    }

    private static double m(List<Result[]> results, ToDoubleFunction<Result[]> measure) {
        return median(results.stream().mapToDouble(measure).toArray());
    }

    private static void breakdownRow(StringBuilder t, String name, double ms) {
        t.append("| ").append(name).append(" | ").append(Double.isNaN(ms) ? "n/a" : String.format("%.2f", ms))
                .append(" |\n");
    }
}
