package vn.lgsp.hub.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.lgsp.hub.app.support.HubIntegrationTest;
import vn.lgsp.hub.audit.ExchangeEvent;
import vn.lgsp.hub.audit.ExchangeRecord;
import vn.lgsp.hub.audit.ExchangeState;
import vn.lgsp.hub.audit.ExchangeStep;

/** Refused calls are FAILED exchanges of flow "security" and counted, and no API key reaches the log or the table. */
@ExtendWith(OutputCaptureExtension.class)
class SecurityEventsIT extends HubIntegrationTest {

    private static final String READER_KEY = "reader-key";
    private static final String AGENCY11_KEY = "agency11-key";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void refusedCallsAreRecordedCountedAndNeverLogTheKey(CapturedOutput output) {
        String wrongKey = "wrong-key-" + UUID.randomUUID();
        double anonymousBefore = count("authentication_failed", "anonymous");
        double readerBefore = count("access_denied", "reader");
        double agencyBefore = count("access_denied", "agency11");

        // no key (and a query string, which is never recorded)
        String noKey = correlationId();
        assertThat(send("POST", "/api/v1/citizens/lookup?token=abc", null, noKey)).isEqualTo(401);
        ExchangeRecord missing = securityExchange(noKey);
        assertRefusal(missing, "AUTHENTICATION_FAILED", "auth.unauthenticated", "anonymous",
                "POST /api/v1/citizens/lookup");

        // a key the registry does not know
        String wrong = correlationId();
        assertThat(send("POST", "/api/v1/citizens/lookup", wrongKey, wrong)).isEqualTo(401);
        ExchangeRecord unknown = securityExchange(wrong);
        assertRefusal(unknown, "AUTHENTICATION_FAILED", "auth.unauthenticated", "anonymous",
                "POST /api/v1/citizens/lookup");

        // a known client, a service it may not call: Spring Security's access denied
        String denied = correlationId();
        assertThat(send("POST", "/api/v1/citizens/lookup", READER_KEY, denied)).isEqualTo(403);
        ExchangeRecord reader = securityExchange(denied);
        assertRefusal(reader, "ACCESS_DENIED", "auth.forbidden", "reader", "POST /api/v1/citizens/lookup");

        // the endpoint's own auth.forbidden: an inbox of an agency the client does not act for (path template)
        String inbox = correlationId();
        assertThat(send("GET", "/api/v1/documents/inbox/" + PUSH_AGENCY, AGENCY11_KEY, inbox)).isEqualTo(403);
        ExchangeRecord agency = securityExchange(inbox);
        assertRefusal(agency, "ACCESS_DENIED", "auth.forbidden", "agency11", "GET /api/v1/documents/inbox/{agencyCode}");

        assertThat(count("authentication_failed", "anonymous")).isEqualTo(anonymousBefore + 2);
        assertThat(count("access_denied", "reader")).isEqualTo(readerBefore + 1);
        assertThat(count("access_denied", "agency11")).isEqualTo(agencyBefore + 1);

        for (ExchangeRecord x : List.of(missing, unknown, reader, agency)) {
            assertThat(x.toString()).doesNotContain(wrongKey, READER_KEY, AGENCY11_KEY, "wrong-key", "token");
            for (ExchangeEvent e : exchangeLog.events(x.id())) {
                assertThat(String.valueOf(e.detail())).doesNotContain(wrongKey, READER_KEY, AGENCY11_KEY);
            }
        }
        // no meter carries a raw header value as a tag
        assertThat(meters.find(SecurityEvents.METRIC).counters()).allSatisfy(c ->
                assertThat(c.getId().getTag("client")).isIn("anonymous", "reader", "verifier", "agency11", "demo",
                        "demo-operator", "token-client", "token-operator", "slow-client", "bizreg-client",
                        "enterprises-client", "notify-client"));
        assertThat(output.getAll()).doesNotContain(wrongKey, "wrong-key", READER_KEY, AGENCY11_KEY);
    }

    private static void assertRefusal(ExchangeRecord x, String operation, String code, String client, String subject) {
        assertThat(x.flow()).isEqualTo("security");
        assertThat(x.operation()).isEqualTo(operation);
        assertThat(x.state()).isEqualTo(ExchangeState.FAILED);
        assertThat(x.lastErrorCode()).isEqualTo(code);
        assertThat(x.lastError()).isNotBlank();
        assertThat(x.clientId()).isEqualTo(client);
        assertThat(x.subjectKey()).isEqualTo(subject);
        assertThat(UUID.fromString(x.eventKey())).isNotNull();
    }

    private ExchangeRecord securityExchange(String correlationId) {
        List<String> ids = jdbc.queryForList("SELECT id FROM exchange WHERE flow = 'security' AND correlation_id = ?",
                String.class, correlationId);
        assertThat(ids).as("security exchanges of %s", correlationId).hasSize(1);
        ExchangeRecord x = exchangeLog.find(ids.get(0)).orElseThrow();
        assertThat(exchangeLog.events(x.id())).extracting(ExchangeEvent::step)
                .containsExactly(ExchangeStep.ACCEPTED, ExchangeStep.FAILED);
        return x;
    }

    private double count(String type, String client) {
        Counter c = meters.find(SecurityEvents.METRIC).tags("type", type, "client", client).counter();
        return c == null ? 0 : c.count();
    }

    private static String correlationId() {
        return "sec-" + UUID.randomUUID();
    }

    private int send(String method, String path, String apiKey, String correlationId) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("X-Correlation-Id", correlationId)
                .header("Content-Type", "application/json")
                .method(method, "GET".equals(method) ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        if (apiKey != null) {
            b.header("X-API-Key", apiKey);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
