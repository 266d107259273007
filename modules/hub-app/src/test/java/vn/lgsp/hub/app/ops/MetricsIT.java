package vn.lgsp.hub.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.lgsp.hub.app.flow.intake.IntakePoller;
import vn.lgsp.hub.app.ops.metrics.DeadLetterCounts;
import vn.lgsp.hub.app.support.EdxmlPackages;
import vn.lgsp.hub.app.support.Events;
import vn.lgsp.hub.app.support.HubClient;
import vn.lgsp.hub.app.support.HubIntegrationTest;
import vn.lgsp.hub.app.support.PopulationStub;
import vn.lgsp.hub.simulators.portal.PortalFault;

/**
 * After traffic through the dossier, identity and document flows, {@code /actuator/prometheus} has the hub's meters
 * with their documented tags, every tag bounded (no dossier code, personal ID, exchange id or URI), and every hub
 * metric that docker/monitoring's alerts and dashboard use.
 */
class MetricsIT extends HubIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path MONITORING = Path.of("../../docker/monitoring");

    /** Tag keys a hub meter may carry; {@code le} is a histogram bucket's bound, {@code type} a security event's. */
    private static final Set<String> TAG_KEYS = Set.of("application", "flow", "connector", "operation", "outcome",
            "code", "client", "queue", "state", "type", "role", "le");
    /** Shapes a tag value must never have. */
    private static final List<Pattern> UNBOUNDED = List.of(
            Pattern.compile("\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}-\\d{6}-\\d{4}"),   // a dossier code
            Pattern.compile("(?<![\\d.])\\d{9}(\\d{3})?(?![\\d.])"),                     // a personal ID (9 or 12 digits)
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), // an exchange id
            Pattern.compile("/|://"),                                                    // a path or URI
            Pattern.compile("\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}"));                   // an agency code

    private static boolean trafficSent;

    @Autowired
    private DeadLetterCounts deadLetters;

    @Autowired
    private IntakePoller intakePoller;

    /** One sample of the exposition: its name, tags and value. */
    record Sample(String name, Map<String, String> tags, double value) {
        boolean has(Map<String, String> wanted) {
            return tags.entrySet().containsAll(wanted.entrySet());
        }
    }

    @BeforeEach
    void traffic() {
        if (trafficSent) {
            return;
        }
        // dossier-sync: one delivered at once, one after a retry, one rejected by the portal and dead-lettered
        awaitState(accept(Events.event(Events.newDossierCode(), 2, 0)), "DELIVERED");
        PORTAL.injectFault(PortalFault.HTTP_503, 2);
        awaitState(accept(Events.event(Events.newDossierCode(), 2, 0)), "DELIVERED");
        PORTAL.rejectNext(1);
        awaitState(accept(Events.event(Events.newDossierCode(), 2, 0)), "FAILED");

        // citizen-identity: a verification answered by the population database
        POPULATION.answer("XacThuc", PopulationStub.verified());
        HubClient.Reply verified = hub.post("/api/v1/citizens/verify", HubClient.DEMO_KEY, "application/json", """
                {"personalId":"%s","fullName":"Nguyễn Văn An","birthDate":"1995-03-07",
                 "purpose":{"procedureCode":"1.004616","dossierCode":"%s"},"officerId":"canbo01"}
                """.formatted(PopulationStub.ID, Events.newDossierCode()));
        assertThat(verified.status()).as(verified.body()).isEqualTo(200);

        // document-exchange: a letter pushed to a provincial agency
        String doc = EdxmlPackages.newDocumentId(OFFICE);
        HubClient.Reply sent = hub.post("/api/v1/documents", HubClient.DEMO_KEY, "application/xml",
                EdxmlPackages.letter(doc, OFFICE, PUSH_AGENCY));
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        awaitState(sent.json().path("deliveries").get(0).path("exchangeId").asText(), "DELIVERED");

        // a refused key (a security event) and one poll of the portal's intake list
        assertThat(hub.get("/api/v1/exchanges/x", "not-a-key").status()).isEqualTo(401);
        intakePoller.poll();
        deadLetters.refresh();
        trafficSent = true;
    }

    private String accept(String event) {
        HubClient.Reply r = hub.postEvent(event);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json().path("exchangeId").asText();
    }

    private void awaitState(String exchangeId, String state) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(hub.state(exchangeId)).isEqualTo(state));
    }

    private List<Sample> scrape() {
        HubClient.Reply r = hub.get("/actuator/prometheus", HubClient.OPERATOR_KEY);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return parse(r.body());
    }

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+).*$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    static List<Sample> parse(String exposition) {
        List<Sample> samples = new ArrayList<>();
        for (String line : exposition.split("\n")) {
            Matcher m = LINE.matcher(line);
            if (line.startsWith("#") || !m.matches()) {
                continue;
            }
            Map<String, String> tags = new LinkedHashMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    tags.put(l.group(1), l.group(2));
                }
            }
            samples.add(new Sample(m.group(1), tags, Double.parseDouble(m.group(3))));
        }
        return samples;
    }

    private static List<Sample> named(List<Sample> samples, String name, Map<String, String> tags) {
        return samples.stream().filter(s -> s.name().equals(name) && s.has(tags)).toList();
    }

    private static void assertPresent(List<Sample> samples, String name, Map<String, String> tags) {
        assertThat(named(samples, name, tags)).as("%s%s", name, tags).isNotEmpty();
    }

    @Test
    void theFlowsMetersHaveTheirDocumentedTags() {
        List<Sample> s = scrape();
        for (String flow : List.of("dossier-sync", "document-exchange")) {
            assertPresent(s, "hub_exchanges_accepted_total", Map.of("flow", flow, "client", "demo"));
            assertPresent(s, "hub_exchanges_delivered_total", Map.of("flow", flow));
            assertPresent(s, "hub_delivery_latency_seconds_bucket", Map.of("flow", flow, "le", "+Inf"));
        }
        assertPresent(s, "hub_exchanges_retried_total", Map.of("flow", "dossier-sync", "code", "portal.unavailable"));
        assertPresent(s, "hub_exchanges_failed_total", Map.of("flow", "dossier-sync", "code", "portal.rejected"));
        assertPresent(s, "hub_upstream_calls_seconds_count", Map.of("flow", "dossier-sync", "connector", "portal",
                "outcome", "ok", "code", "none"));
        assertPresent(s, "hub_upstream_calls_seconds_count", Map.of("flow", "dossier-sync", "connector", "portal",
                "outcome", "error", "code", "portal.unavailable"));
        assertPresent(s, "hub_upstream_calls_seconds_bucket", Map.of("flow", "citizen-identity",
                "connector", "population", "operation", "VERIFY", "outcome", "ok"));
        assertPresent(s, "hub_upstream_calls_seconds_count", Map.of("flow", "document-exchange"));
        assertPresent(s, "hub_citizens_calls_total", Map.of("operation", "VERIFY", "outcome", "ok", "code", "none"));
        assertPresent(s, "hub_intake_polls_total", Map.of("outcome", "ok", "code", "none"));
        assertPresent(s, "hub_security_events_total", Map.of("type", "authentication_failed"));

        // gauges: every flow's queues, the exchange log's dead letters, the population breakers
        for (String flow : List.of("dossier-sync", "online-intake", "document-exchange")) {
            for (String queue : List.of("events", "parked", "dead_letter")) {
                assertPresent(s, "hub_queue_depth", Map.of("flow", flow, "queue", queue));
            }
            assertPresent(s, "hub_exchanges_dead_lettered", Map.of("flow", flow));
        }
        assertPresent(s, "hub_queue_depth", Map.of("flow", "document-exchange", "queue", "inbox"));
        assertThat(named(s, "hub_queue_depth", Map.of("flow", "dossier-sync", "queue", "dead_letter")))
                .singleElement().satisfies(q -> assertThat(q.value()).isGreaterThanOrEqualTo(1));
        assertThat(named(s, "hub_exchanges_dead_lettered", Map.of("flow", "dossier-sync")))
                .singleElement().satisfies(q -> assertThat(q.value()).isGreaterThanOrEqualTo(1));
        for (String op : List.of("VERIFY", "LOOKUP")) {
            assertThat(named(s, "hub_breaker_state", Map.of("connector", "population", "operation", op)))
                    .extracting(x -> x.tags().get("state"))
                    .contains("closed", "open", "half_open", "forced_open", "disabled", "metrics_only");
            assertThat(named(s, "hub_breaker_state", Map.of("connector", "population", "operation", op)).stream()
                    .mapToDouble(Sample::value).sum()).as("exactly one state is current").isEqualTo(1.0);
            assertPresent(s, "hub_breaker_failure_rate_percent", Map.of("connector", "population", "operation", op));
        }
    }

    @Test
    void everyHubTagIsBounded() {
        List<Sample> hubSamples = scrape().stream().filter(x -> x.name().startsWith("hub_")).toList();
        assertThat(hubSamples).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (Sample x : hubSamples) {
            x.tags().forEach((k, v) -> {
                if (!TAG_KEYS.contains(k)) {
                    problems.add(x.name() + ": tag " + k);
                }
                if (k.equals("le")) {
                    return;
                }
                if (v.length() > 64 || UNBOUNDED.stream().anyMatch(p -> p.matcher(v).find())) {
                    problems.add(x.name() + ": " + k + "=" + v);
                }
            });
        }
        assertThat(problems).isEmpty();
        // and no free text either: values are lower-case codes, flow names, client ids or upper-case operations
        assertThat(hubSamples.stream().flatMap(x -> x.tags().entrySet().stream())
                .filter(e -> !e.getKey().equals("le")).map(Map.Entry::getValue))
                .allMatch(v -> v.matches("[A-Za-z0-9_.+-]+"));
    }

    @Test
    void everyHubMetricTheMonitoringFilesUseExists() throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        JsonNode prometheus = yaml.readTree(MONITORING.resolve("prometheus.yml").toFile());
        JsonNode job = prometheus.path("scrape_configs").get(0);
        assertThat(job.path("metrics_path").asText()).isEqualTo("/actuator/prometheus");
        assertThat(job.path("http_headers").has("X-API-Key")).isTrue();
        assertThat(prometheus.path("rule_files").toString()).contains("alerts.yml");

        List<String> expressions = new ArrayList<>();
        JsonNode alerts = yaml.readTree(MONITORING.resolve("alerts.yml").toFile());
        alerts.path("groups").forEach(g -> g.path("rules").forEach(r -> {
            assertThat(r.path("alert").asText()).isNotBlank();
            assertThat(r.path("expr").asText()).isNotBlank();
            expressions.add(r.path("expr").asText());
        }));
        assertThat(alerts.path("groups").get(0).path("rules")).extracting(r -> r.path("alert").asText())
                .contains("HubDown", "HubDeadLettersPresent", "HubCircuitBreakerOpen", "HubDeliveryLatencyHigh",
                        "HubBacklogHigh", "HubSecurityEventsSpike");

        JsonNode dashboard = new ObjectMapper().readTree(MONITORING.resolve("grafana/lgsp-hub-dashboard.json").toFile());
        assertThat(dashboard.path("uid").asText()).isEqualTo("lgsp-hub");
        dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> expressions.add(t.path("expr").asText())));
        dashboard.path("templating").path("list").forEach(v -> expressions.add(v.path("definition").asText()));
        assertThat(expressions).hasSizeGreaterThan(20);

        Set<String> used = new TreeSet<>();
        Matcher m = Pattern.compile("\\bhub_[a-z0-9_]+").matcher(String.join("\n", expressions));
        while (m.find()) {
            used.add(m.group());
        }
        Set<String> exposed = scrape().stream().map(Sample::name).collect(Collectors.toSet());
        assertThat(used).as("hub metrics the monitoring files use").hasSizeGreaterThan(10);
        assertThat(used).as("used but not exposed after traffic").allMatch(exposed::contains);

        // each file has the shape its tool wants: checked further by promtool and Grafana when they load it
        assertThat(Files.readString(MONITORING.resolve("alerts.yml"))).doesNotContain("\t");
    }
}
