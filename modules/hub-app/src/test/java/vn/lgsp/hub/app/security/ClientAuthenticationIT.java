package vn.lgsp.hub.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.lgsp.hub.app.support.AuthorizationServer;
import vn.lgsp.hub.app.support.HubIntegrationTest;

/**
 * Credentials other than a plain API key: bearer tokens mapped to registry clients, per-client rate limits, and the
 * registry file edited while the hub runs (a key rotation).
 */
class ClientAuthenticationIT extends HubIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Authenticated and allowed, this answers 404 exchange.not_found; a refusal answers 401, 403 or 429. */
    private static final String SOME_EXCHANGE = "/api/v1/exchanges/" + UUID.randomUUID();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    ClientRegistry registry;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${hub.security.registry.location}")
    Resource registryFile;

    @Test
    void aBearerTokenActsAsItsRegistryClientWithinItsScopes() {
        String token = AUTH.token("hub-test-client", "exchanges.read citizens.verify");
        Answer allowed = send(SOME_EXCHANGE, Map.of("Authorization", "Bearer " + token));
        assertThat(allowed.status()).isEqualTo(404);
        assertThat(allowed.code()).isEqualTo("exchange.not_found");

        // the registry allows exchanges.read, but this token's scopes do not include it
        String narrow = AUTH.token("hub-test-client", "citizens.verify");
        assertThat(send(SOME_EXCHANGE, Map.of("Authorization", "Bearer " + narrow)).code()).isEqualTo("auth.forbidden");
        // a scope the registry does not give the client grants nothing
        String wide = AUTH.token("hub-test-client", "citizens.lookup exchanges.read");
        Answer lookup = post("/api/v1/citizens/lookup", Map.of("Authorization", "Bearer " + wide));
        assertThat(lookup.status()).isEqualTo(403);
    }

    @Test
    void badTokensAreRefusedAsUnauthenticated() {
        Map<String, String> tokens = Map.of(
                "forged", AuthorizationServer.forgedToken("hub-test-client", "exchanges.read"),
                "expired", AUTH.token(AuthorizationServer.ISSUER,
                        Map.of("client_id", "hub-test-client", "scope", "exchanges.read"),
                        Instant.now().minus(Duration.ofHours(1))),
                "other issuer", AUTH.token("https://evil.example/realms/lgsp",
                        Map.of("client_id", "hub-test-client", "scope", "exchanges.read"),
                        Instant.now().plus(Duration.ofMinutes(5))),
                "unregistered client", AUTH.token("someone-else", "exchanges.read"),
                "no client", AUTH.token(AuthorizationServer.ISSUER, Map.of("scope", "exchanges.read"),
                        Instant.now().plus(Duration.ofMinutes(5))),
                "not a token", "abc.def.ghi");
        tokens.forEach((what, token) -> {
            Answer answer = send(SOME_EXCHANGE, Map.of("Authorization", "Bearer " + token));
            assertThat(answer.status()).as(what).isEqualTo(401);
            assertThat(answer.code()).as(what).isEqualTo("auth.unauthenticated");
            assertThat(answer.headers().firstValue("WWW-Authenticate")).as(what).hasValue("Bearer error=\"invalid_token\"");
        });
    }

    @Test
    void anOperatorTokenOpensTheOperatorApiAndAClientTokenDoesNot() {
        String ops = AUTH.token("hub-test-ops", "");
        assertThat(send("/actuator/prometheus", Map.of("Authorization", "Bearer " + ops)).status()).isEqualTo(200);
        String client = AUTH.token("hub-test-client", "exchanges.read citizens.verify");
        assertThat(send("/actuator/prometheus", Map.of("Authorization", "Bearer " + client)).status()).isEqualTo(403);
    }

    @Test
    void aClientOverItsRateLimitGets429WithRetryAfterAndTheEventIsRecorded() {
        double before = count();
        String correlationId = "rate-" + UUID.randomUUID();
        Map<String, String> headers = Map.of("X-API-Key", "slow-key", "X-Correlation-Id", correlationId);
        // burst 2, one a second: of five calls made at once, at least the last ones are refused
        List<Answer> answers = java.util.stream.IntStream.range(0, 5).mapToObj(i -> send(SOME_EXCHANGE, headers))
                .toList();
        assertThat(answers.subList(0, 2)).extracting(Answer::status).containsOnly(404);
        Answer refused = answers.get(answers.size() - 1);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("request.rate_limited");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 2L);
        assertThat(count()).isGreaterThan(before);
        assertThat(jdbc.queryForList("SELECT last_error_code FROM exchange WHERE flow = 'security' AND operation = "
                + "'RATE_LIMITED' AND client_id = 'slow-client' AND correlation_id = ?", String.class, correlationId))
                .isNotEmpty().containsOnly("request.rate_limited");
        // other clients are not slowed by it
        assertThat(send(SOME_EXCHANGE, Map.of("X-API-Key", "reader-key")).status()).isEqualTo(404);
    }

    @Test
    void aKeyRotatesByEditingTheRegistryWhileTheHubRuns() throws IOException {
        Path file = registryFile.getFile().toPath();
        String original = Files.readString(file);
        String readerHash = ClientRegistry.sha256("reader-key");
        String newHash = ClientRegistry.sha256("reader-key-2027");
        try {
            // both keys valid during the rotation
            edit(file, original.replace("[" + readerHash + "]", "[" + readerHash + ", " + newHash + "]"), 1);
            assertThat(send(SOME_EXCHANGE, Map.of("X-API-Key", "reader-key")).status()).isEqualTo(404);
            assertThat(send(SOME_EXCHANGE, Map.of("X-API-Key", "reader-key-2027")).status()).isEqualTo(404);
            // then the old one withdrawn
            edit(file, original.replace("[" + readerHash + "]", "[" + newHash + "]"), 2);
            assertThat(send(SOME_EXCHANGE, Map.of("X-API-Key", "reader-key")).status()).isEqualTo(401);
            assertThat(send(SOME_EXCHANGE, Map.of("X-API-Key", "reader-key-2027")).status()).isEqualTo(404);
            // a broken edit changes nothing
            edit(file, original.replace("[" + readerHash + "]", "[reader-key]"), 3);
            assertThat(send(SOME_EXCHANGE, Map.of("X-API-Key", "reader-key-2027")).status()).isEqualTo(404);
        } finally {
            edit(file, original, 4);
        }
        assertThat(send(SOME_EXCHANGE, Map.of("X-API-Key", "reader-key")).status()).isEqualTo(404);
    }

    private void edit(Path file, String content, int version) throws IOException {
        Files.writeString(file, content);
        // a distinct last-modified time, as an edit gives it; then read at once instead of waiting for the interval
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(version)));
        registry.reloadIfChanged();
    }

    private double count() {
        Counter c = meters.find(SecurityEvents.METRIC).tags("type", "rate_limited", "client", "slow-client").counter();
        return c == null ? 0 : c.count();
    }

    private record Answer(int status, String body, java.net.http.HttpHeaders headers) {
        String code() {
            try {
                JsonNode code = JSON.readTree(body).get("code");
                return code == null ? null : code.asText();
            } catch (IOException e) {
                return null;
            }
        }
    }

    private Answer send(String path, Map<String, String> headers) {
        return exchange(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET(), headers);
    }

    private Answer post(String path, Map<String, String> headers) {
        return exchange(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")), headers);
    }

    private Answer exchange(HttpRequest.Builder b, Map<String, String> headers) {
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
