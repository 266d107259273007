package vn.lgsp.hub.app.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.lgsp.hub.app.support.HubClient;
import vn.lgsp.hub.app.support.HubIntegrationTest;
import vn.lgsp.hub.audit.ExchangeRecord;
import vn.lgsp.hub.audit.ExchangeState;

/**
 * The asynchronous template end to end, through config/routes/business-notifications.yaml: a notification is
 * accepted durably (202), delivered to the registry (WireMock) with its idempotency key, retried, kept in order per
 * enterprise, dead-lettered when refused and replayable by an operator; bad input never reaches the queue.
 */
@ExtendWith(OutputCaptureExtension.class)
class AsyncRouteIT extends HubIntegrationTest {

    private static final String PATH = "/api/v1/business-registry/notifications";
    private static final String UPSTREAM = "/dkdn/v1/notifications";
    private static final String KEY = "notify-key";
    private static final String JSON = "application/json";
    private static final String FLOW = "business-registry.notify";
    private static final String HOLDER = "Trần Thị Bích";

    @Autowired
    private JdbcTemplate jdbc;

    private String code;

    @AfterEach
    void noPersonalDataInTheLog(CapturedOutput output) {
        assertThat(output.getAll()).doesNotContain(HOLDER, "test-bizreg-key");
    }

    private static String newCode() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }

    private static String notification(String code, String decision) {
        return """
                {"enterpriseCode":"%s","decisionNo":"%s","decision":"LICENCE_GRANTED","holder":"%s"}
                """.formatted(code, decision, HOLDER);
    }

    private HubClient.Reply notify(String body) {
        return hub.post(PATH, KEY, JSON, body);
    }

    private static void answer(String decision, int status) {
        BIZREG.stubFor(post(urlEqualTo(UPSTREAM)).withRequestBody(matchingJsonPath("$.decisionNo", equalTo(decision)))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", JSON).withBody("{}")));
    }

    private ExchangeRecord awaitState(String id, ExchangeState state) {
        await().atMost(Duration.ofSeconds(30)).until(() -> exchangeLog.find(id).map(ExchangeRecord::state)
                .orElse(null) == state);
        return exchangeLog.find(id).orElseThrow();
    }

    /** The registry's requests for one decision, oldest first. */
    private static List<ServeEvent> received(String decision) {
        return BIZREG.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().equals(UPSTREAM)
                        && e.getRequest().getBodyAsString().contains("\"" + decision + "\""))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate())).toList();
    }

    private int exchangesOfTheFlow() {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM exchange WHERE flow = ?", Integer.class, FLOW);
        return n == null ? 0 : n;
    }

    @Test
    void anAcceptedNotificationIsDeliveredOnceWithItsIdempotencyKeyEvenIfSentTwice() {
        code = newCode();
        String decision = "QD-" + code + "-1";
        answer(decision, 200);

        HubClient.Reply first = notify(notification(code, decision));
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        String id = first.json().path("exchangeId").asText();
        assertThat(first.json().path("status").asText()).isEqualTo("ACCEPTED");
        assertThat(first.json().has("duplicate")).isFalse();

        ExchangeRecord delivered = awaitState(id, ExchangeState.DELIVERED);
        assertThat(delivered.flow()).isEqualTo(FLOW);
        assertThat(delivered.subjectKey()).isEqualTo(code);

        // the same event again (another spelling of the body): the first one's exchange, nothing new queued
        HubClient.Reply again = notify("{ \"decisionNo\" : \"" + decision + "\", \"enterpriseCode\": \"" + code
                + "\", \"decision\":\"LICENCE_GRANTED\"}");
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().path("exchangeId").asText()).isEqualTo(id);
        assertThat(again.json().path("duplicate").asBoolean()).isTrue();

        List<ServeEvent> calls = received(decision);
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).getRequest().getHeader("X-Idempotency-Key")).isEqualTo(delivered.eventKey());
        assertThat(calls.get(0).getRequest().getHeader("X-Api-Key")).isEqualTo("test-bizreg-key");
        assertThat(calls.get(0).getRequest().getHeader("X-API-Key")).isNotEqualTo(KEY);
        assertThat(calls.get(0).getRequest().getBodyAsString()).contains("\"holder\"");
        // only what the route file sends: none of the hub's internal headers
        assertThat(calls.get(0).getRequest().getAllHeaderKeys()).noneMatch(h -> h.startsWith("hub"));
    }

    @Test
    void aTransientFailureIsRetriedAndALaterEventOfTheSameEnterpriseWaitsForIt() {
        code = newCode();
        String first = "QD-" + code + "-1";
        String second = "QD-" + code + "-2";
        BIZREG.stubFor(post(urlEqualTo(UPSTREAM)).withRequestBody(matchingJsonPath("$.decisionNo", equalTo(first)))
                .inScenario(first).whenScenarioStateIs(STARTED).willSetStateTo("once")
                .willReturn(aResponse().withStatus(503)));
        BIZREG.stubFor(post(urlEqualTo(UPSTREAM)).withRequestBody(matchingJsonPath("$.decisionNo", equalTo(first)))
                .inScenario(first).whenScenarioStateIs("once").willSetStateTo("up")
                .willReturn(aResponse().withStatus(503)));
        BIZREG.stubFor(post(urlEqualTo(UPSTREAM)).withRequestBody(matchingJsonPath("$.decisionNo", equalTo(first)))
                .inScenario(first).whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withBody("{}")));
        answer(second, 200);

        String id1 = notify(notification(code, first)).json().path("exchangeId").asText();
        String id2 = notify(notification(code, second)).json().path("exchangeId").asText();

        awaitState(id1, ExchangeState.DELIVERED);
        awaitState(id2, ExchangeState.DELIVERED);
        List<ServeEvent> ones = received(first);
        List<ServeEvent> twos = received(second);
        assertThat(ones).extracting(e -> e.getResponse().getStatus()).containsExactly(503, 503, 200);
        assertThat(twos).hasSize(1);
        assertThat(twos.get(0).getRequest().getLoggedDate())
                .isAfterOrEqualTo(ones.get(2).getRequest().getLoggedDate());
        assertThat(exchangeLog.find(id2).orElseThrow().sequence()).isEqualTo(2L);
    }

    @Test
    void aRefusedNotificationIsDeadLetteredListedAndReplayable() {
        code = newCode();
        String decision = "QD-" + code + "-9";
        answer(decision, 422);

        String id = notify(notification(code, decision)).json().path("exchangeId").asText();
        ExchangeRecord failed = awaitState(id, ExchangeState.FAILED);
        assertThat(failed.lastErrorCode()).isEqualTo("upstream.rejected");
        assertThat(received(decision)).hasSize(1);

        HubClient.Reply list = hub.get("/api/v1/ops/dead-letters?flow=" + FLOW, HubClient.OPERATOR_KEY);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(StreamSupport.stream(list.json().path("items").spliterator(), false)
                .map(i -> i.path("exchangeId").asText())).as(list.body()).contains(id);

        // the registry fixed: the operator replays it
        BIZREG.resetAll();
        answer(decision, 200);
        HubClient.Reply replay = hub.post("/api/v1/ops/dead-letters/" + id + "/replay", HubClient.OPERATOR_KEY,
                JSON, "{\"reason\":\"registry fixed its validation\"}");
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        awaitState(id, ExchangeState.DELIVERED);
        assertThat(received(decision)).hasSize(1);
    }

    @Test
    void badInputIsRefusedWithAStableCodeAndNothingIsQueued() {
        code = newCode();
        int before = exchangesOfTheFlow();

        HubClient.Reply malformed = notify("{\"enterpriseCode\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.code()).isEqualTo("request.malformed_json");
        assertThat(notify("[{\"enterpriseCode\":\"" + code + "\"}]").code()).isEqualTo("request.malformed_json");
        assertThat(notify("").status()).isEqualTo(400);

        HubClient.Reply missing = notify("{\"decisionNo\":\"QD-1\",\"holder\":\"" + HOLDER + "\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("request.missing_field");
        assertThat(missing.body()).contains("/enterpriseCode");
        assertThat(notify("{\"enterpriseCode\":\"  \",\"decisionNo\":\"QD-1\"}").code())
                .isEqualTo("request.missing_field");
        assertThat(notify("{\"enterpriseCode\":\"" + code + "\"}").code()).isEqualTo("request.missing_field");
        HubClient.Reply notText = notify("{\"enterpriseCode\":{\"a\":1},\"decisionNo\":\"QD-1\"}");
        assertThat(notText.status()).isEqualTo(400);
        assertThat(notText.code()).isEqualTo("request.invalid_field");

        assertThat(exchangesOfTheFlow()).isEqualTo(before);
        assertThat(BIZREG.getAllServeEvents()).noneMatch(e -> e.getRequest().getBodyAsString().contains(code));
    }

    @Test
    void aClientWithoutTheRightIsRefused() {
        code = newCode();
        int before = exchangesOfTheFlow();

        HubClient.Reply lookupOnly = hub.post(PATH, "bizreg-key", JSON, notification(code, "QD-" + code));
        assertThat(lookupOnly.status()).isEqualTo(403);
        assertThat(hub.post(PATH, null, JSON, notification(code, "QD-" + code)).status()).isEqualTo(401);
        // the right covers POST only: any other method is refused before the route
        assertThat(hub.get(PATH, KEY).status()).isEqualTo(403);
        assertThat(exchangesOfTheFlow()).isEqualTo(before);
    }

    @Test
    void theCatalogueListsTheOperation() {
        HubClient.Reply catalogue = hub.get("/api/v1/services/business-registry", HubClient.DEMO_KEY);
        assertThat(catalogue.body()).contains("business-registry.notify").contains(PATH);
    }
}
