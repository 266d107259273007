package vn.lgsp.hub.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.lgsp.hub.app.support.Events;
import vn.lgsp.hub.app.support.HubClient;
import vn.lgsp.hub.app.support.HubInstance;
import vn.lgsp.hub.app.support.HubIntegrationTest;
import vn.lgsp.hub.app.support.PopulationStub;
import vn.lgsp.hub.core.HubHeaders;

/**
 * Request body limits per endpoint ({@code hub.limits.body.*}) and the bound on requests in progress
 * ({@code hub.limits.max-in-flight}). The shared hub runs with the defaults (256KB); a hub of its own, started here
 * over its own data, has a per-path override and room for two requests at once.
 */
class RequestLimitsIT extends HubIntegrationTest {

    private static final int LIMIT = 256 * 1024;
    private static final String EVENTS = "/api/v1/dossiers/events";
    private static final String VERIFY = "/api/v1/citizens/verify";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeAnythingElse() throws Exception {
        String correlationId = "limits-" + UUID.randomUUID();
        String body = padded(Events.event(Events.newDossierCode(), 2, 0), LIMIT + 1);

        HttpResponse<String> r = send(EVENTS, HubClient.DEMO_KEY, correlationId, declared(body));

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(code(r)).isEqualTo("request.payload_too_large");
        assertThat(r.headers().firstValue(HubHeaders.CORRELATION_ID_HTTP)).hasValue(correlationId);
        // nothing was accepted, and nothing about the refusal was recorded
        assertThat(recorded(correlationId)).isZero();

        // before authentication: no key gets the same 413, not a 401 recorded as a security event
        String anonymous = "limits-" + UUID.randomUUID();
        HttpResponse<String> noKey = send(EVENTS, null, anonymous, declared(body));
        assertThat(noKey.statusCode()).isEqualTo(413);
        assertThat(code(noKey)).isEqualTo("request.payload_too_large");
        assertThat(recorded(anonymous)).isZero();
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimit() throws Exception {
        String correlationId = "limits-" + UUID.randomUUID();
        String body = padded(Events.event(Events.newDossierCode(), 2, 0), LIMIT + 64 * 1024);

        HttpResponse<String> r = send(EVENTS, HubClient.DEMO_KEY, correlationId, chunked(body));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(code(r)).isEqualTo("request.payload_too_large");
        assertThat(recorded(correlationId)).isZero();
    }

    @Test
    void aBodyAtTheLimitPasses() throws Exception {
        for (boolean chunked : new boolean[] {false, true}) {
            String correlationId = "limits-" + UUID.randomUUID();
            String body = padded(Events.event(Events.newDossierCode(), 2, 0), LIMIT);

            HttpResponse<String> r = send(EVENTS, HubClient.DEMO_KEY, correlationId,
                    chunked ? chunked(body) : declared(body));

            assertThat(r.statusCode()).as("chunked=%s: %s", chunked, r.body()).isEqualTo(202);
            assertThat(recorded(correlationId)).isEqualTo(1);
        }
    }

    @Test
    void aSoapCallerGetsAFault() throws Exception {
        String envelope = padded("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soap:Body><c:verify xmlns:c=\"urn:lgsp-hub:citizens:v1\"/></soap:Body></soap:Envelope>", LIMIT + 1);
        for (boolean chunked : new boolean[] {false, true}) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ws/citizens"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "text/xml; charset=UTF-8")
                    .header("X-API-Key", HubClient.DEMO_KEY)
                    .POST(chunked ? chunked(envelope) : declared(envelope)).build();

            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());

            assertThat(r.statusCode()).as("chunked=%s", chunked).isEqualTo(500);
            assertThat(r.body()).as("chunked=%s", chunked)
                    .contains("<faultcode>soap:Client</faultcode>", "<hubFault xmlns=\"urn:lgsp-hub:citizens:v1\">",
                            "<code>request.payload_too_large</code>")
                    .doesNotContain("malformed_xml");
        }
    }

    @Test
    void aPerPathOverrideAndTheInFlightBound(@TempDir Path data) throws Exception {
        PopulationStub slow = new PopulationStub();
        slow.start();
        try (HubInstance own = HubInstance.start(data, PORTAL.baseUrl(),
                "--hub.limits.max-in-flight=2",
                "--hub.limits.body.paths[0].pattern=/api/v1/citizens/**",
                "--hub.limits.body.paths[0].max-size=1KB",
                "--hub.connector.population.address=" + slow.address(),
                "--hub.connector.onestop.base-url=" + ONESTOP.baseUrl(),
                "--hub.connector.docex.axis.base-url=" + AXIS.baseUrl(),
                "--hub.flow.intake.poll.enabled=false",
                "--hub.flow.document.poll.enabled=false")) {
            String base = "http://127.0.0.1:" + own.bean(Environment.class).getProperty("local.server.port");

            // the override: 1KB on the citizens API, while dossier events keep the default
            HttpResponse<String> big = send(base, VERIFY, HubClient.DEMO_KEY, null, declared(padded(verify(), 2048)));
            assertThat(big.statusCode()).isEqualTo(413);
            assertThat(code(big)).isEqualTo("request.payload_too_large");
            HttpResponse<String> event = send(base, EVENTS, HubClient.DEMO_KEY, null,
                    declared(padded(Events.event(Events.newDossierCode(), 2, 0), 2048)));
            assertThat(event.statusCode()).as(event.body()).isEqualTo(202);

            // two verifications held by a slow population database fill the hub
            slow.answerAfter("XacThuc", PopulationStub.verified(), Duration.ofSeconds(3));
            List<CompletableFuture<HttpResponse<String>>> held = List.of(sendAsync(base, verify()),
                    sendAsync(base, verify()));
            await().atMost(Duration.ofSeconds(10)).until(() -> slow.requests().size() == 2);

            HttpResponse<String> busy = send(base, EVENTS, HubClient.DEMO_KEY, null,
                    declared(Events.event(Events.newDossierCode(), 2, 0)));
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(code(busy)).isEqualTo("hub.busy");
            // its probes still answer
            HttpResponse<String> live = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/liveness"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(live.statusCode()).isEqualTo(200);

            // once they are answered, the hub takes requests again
            for (CompletableFuture<HttpResponse<String>> h : held) {
                assertThat(h.get().statusCode()).isEqualTo(200);
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(send(base, EVENTS,
                    HubClient.DEMO_KEY, null, declared(Events.event(Events.newDossierCode(), 2, 0))).statusCode())
                    .isEqualTo(202));
        } finally {
            slow.stop();
        }
    }

    private static String verify() {
        return """
                {"personalId":"%s","fullName":"Nguyễn Văn An","birthDate":"1995-03-07",
                 "purpose":{"procedureCode":"1.004616","dossierCode":"%s"},"officerId":"canbo01"}
                """.formatted(PopulationStub.ID, Events.newDossierCode());
    }

    /**
     * {@code text} with spaces up to exactly {@code size} bytes, inside its last JSON object or XML element, so that
     * the endpoint's parser must read them all (a JSON parser stops at the end of the document).
     */
    private static String padded(String text, int size) {
        int length = text.getBytes(StandardCharsets.UTF_8).length;
        int at = text.lastIndexOf('}') >= 0 ? text.lastIndexOf('}') : text.lastIndexOf('<');
        return text.substring(0, at) + " ".repeat(size - length) + text.substring(at);
    }

    private static HttpRequest.BodyPublisher declared(String body) {
        return HttpRequest.BodyPublishers.ofString(body);
    }

    /** No declared length: the JDK client sends a stream of unknown length chunked. */
    private static HttpRequest.BodyPublisher chunked(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
    }

    private HttpResponse<String> send(String path, String apiKey, String correlationId,
                                      HttpRequest.BodyPublisher body) throws Exception {
        return send("http://127.0.0.1:" + port, path, apiKey, correlationId, body);
    }

    private HttpResponse<String> send(String base, String path, String apiKey, String correlationId,
                                      HttpRequest.BodyPublisher body) throws Exception {
        return http.send(request(base, path, apiKey, correlationId, body), HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> sendAsync(String base, String json) {
        return http.sendAsync(request(base, VERIFY, HubClient.DEMO_KEY, null, declared(json)),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(String base, String path, String apiKey, String correlationId,
                                       HttpRequest.BodyPublisher body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(body);
        if (apiKey != null) {
            b.header("X-API-Key", apiKey);
        }
        if (correlationId != null) {
            b.header(HubHeaders.CORRELATION_ID_HTTP, correlationId);
        }
        return b.build();
    }

    private static String code(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).path("code").asText();
    }

    private int recorded(String correlationId) {
        return jdbc.queryForObject("SELECT count(*) FROM exchange WHERE correlation_id = ?", Integer.class,
                correlationId);
    }
}
