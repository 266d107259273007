package vn.lgsp.hub.app.flow.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import vn.lgsp.hub.app.support.Events;
import vn.lgsp.hub.app.support.HubClient;
import vn.lgsp.hub.app.support.HubIntegrationTest;
import vn.lgsp.hub.simulators.portal.PortalFault;
import vn.lgsp.hub.simulators.portal.ReceivedCall;

/** Guaranteed delivery to the portal: the happy path, each transient fault, rejections, exhaustion and order. */
class DossierDeliveryIT extends HubIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private String accept(String body) {
        HubClient.Reply r = hub.postEvent(body);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        assertThat(r.json().path("status").asText()).isEqualTo("ACCEPTED");
        return r.json().path("exchangeId").asText();
    }

    private void awaitState(String exchangeId, String state) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(hub.state(exchangeId)).isEqualTo(state));
    }

    private List<ReceivedCall> receivedFor(String dossierCode) {
        return PORTAL.received().stream().filter(c -> dossierCode.equals(c.dossierCode())).toList();
    }

    @Test
    void dossierIsSyncedThenProgressIsUpdatedInThePortalsWireFormat() {
        String code = Events.newDossierCode();
        String first = accept(Events.event(code, 2, 0));
        awaitState(first, "DELIVERED");
        String progress = accept(Events.event(code, 2, 5));
        String next = accept(Events.event(code, 4, 10));
        awaitState(next, "DELIVERED");
        awaitState(progress, "DELIVERED");

        List<ReceivedCall> calls = receivedFor(code);
        assertThat(calls).extracting(ReceivedCall::service)
                .containsExactly("DongBoHoSoMC", "CapNhatTienDoHoSoMC", "DongBoHoSoMC");
        assertThat(calls).extracting(ReceivedCall::updating).containsExactly(false, false, true);
        Map<String, Object> item = calls.get(0).item();
        assertThat(item).containsEntry("MaHoSo", code).containsEntry("MaTTHC", "1.004616")
                .containsEntry("ChuHoSo", "Nguyễn Văn An")
                // 08:00 in Asia/Ho_Chi_Minh, the occurredAt of the first event
                .containsEntry("NgayTiepNhan", "20261120080000");
        assertThat(String.valueOf(item.get("TrangThaiHoSo"))).isEqualTo("2");
        assertThat(calls.get(1).item()).containsEntry("ThoiDiemXuLy", "20261120080500")
                .containsEntry("NguoiXuLy", "canbo01");
        assertThat(calls).extracting(ReceivedCall::idempotencyKey).doesNotContainNull().doesNotHaveDuplicates();

        JsonNode view = hub.exchange(first);
        // the correlation id of the acceptance travelled on to the portal
        String correlationId = view.path("correlationId").asText();
        assertThat(correlationId).isNotBlank();
        assertThat(PORTAL.wireMock().findAll(postRequestedFor(urlEqualTo("/adapter/api"))
                .withHeader("X-Correlation-Id", equalTo(correlationId)))).isNotEmpty();
        assertThat(view.path("attempts").asInt()).isEqualTo(1);
        assertThat(view.path("sequence").asLong()).isEqualTo(1);
        assertThat(steps(view)).containsExactly("ACCEPTED", "ATTEMPT", "DELIVERED");
    }

    @Test
    void anExpiredPortalSessionIsRenewedAndTheEventDelivered() {
        String code = Events.newDossierCode();
        awaitState(accept(Events.event(code, 2, 0)), "DELIVERED");
        int logins = PORTAL.loginCount();
        PORTAL.expireSessions();
        String id = accept(Events.event(code, 4, 5));
        awaitState(id, "DELIVERED");
        assertThat(PORTAL.loginCount()).isEqualTo(logins + 1);
        assertThat(hub.exchange(id).path("attempts").asInt()).isEqualTo(1);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void noLogLineCarriesThePersonalIdOrTheName(CapturedOutput output) {
        PORTAL.rejectNext(1);
        String code = Events.newDossierCode();
        String id = accept(Events.event(code, 2, 0));
        awaitState(id, "FAILED");
        hub.post("/api/v1/ops/dead-letters/" + id + "/replay", HubClient.OPERATOR_KEY, "application/json", "{}");
        awaitState(id, "DELIVERED");
        assertThat(output.getAll()).contains(id).doesNotContain("038095123456", "Nguyễn Văn An", "0912345678");
        assertThat(hub.exchange(id).toString()).doesNotContain("038095123456", "Nguyễn Văn An");
    }

    @Test
    void theSameEventSentAgainGetsTheSameExchangeAndIsDeliveredOnce() {
        String code = Events.newDossierCode();
        String body = Events.event(code, 2, 0);
        String id = accept(body);
        HubClient.Reply again = hub.postEvent(body);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().path("exchangeId").asText()).isEqualTo(id);
        assertThat(again.json().path("duplicate").asBoolean()).isTrue();
        awaitState(id, "DELIVERED");
        // same instant written with another offset: still the same event
        String sameInstant = body.replace("2026-11-20T08:00+07:00", "2026-11-20T01:00Z");
        assertThat(hub.postEvent(sameInstant).json().path("exchangeId").asText()).isEqualTo(id);
        assertThat(receivedFor(code)).hasSize(1);
        assertThat(PORTAL.duplicateCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(PortalFault.class)
    void eachTransientFaultIsRetriedAndDeliveredExactlyOnce(PortalFault fault) {
        PORTAL.injectFault(fault, 3);
        String code = Events.newDossierCode();
        String id = accept(Events.event(code, 2, 0));
        awaitState(id, "DELIVERED");

        assertThat(receivedFor(code)).hasSize(1);
        JsonNode view = hub.exchange(id);
        assertThat(view.path("attempts").asInt()).isEqualTo(4);
        List<JsonNode> failed = attempts(view, "FAILED");
        assertThat(failed).hasSize(3);
        String expected = fault == PortalFault.MALFORMED_REPLY || fault == PortalFault.EMPTY_REPLY
                ? "portal.malformed_reply" : "portal.unavailable";
        if (fault == PortalFault.EMPTY_REPLY) {
            // an empty reply is a dropped connection to some HTTP clients and an empty body to others
            assertThat(failed).allSatisfy(a -> assertThat(a.path("errorCode").asText())
                    .isIn("portal.malformed_reply", "portal.unavailable"));
        } else {
            assertThat(failed).allSatisfy(a -> assertThat(a.path("errorCode").asText()).isEqualTo(expected));
        }
        // two in-place attempts, then a round re-scheduled through the broker
        assertThat(steps(view)).contains("RETRY_SCHEDULED");
    }

    @Test
    void aReplySlowerThanTheTimeoutIsRetriedAndThePortalRecognisesTheKey() {
        // a first delivery gives the hub a valid portal session, so that the slow call below is really processed
        String code = Events.newDossierCode();
        awaitState(accept(Events.event(code, 2, 0)), "DELIVERED");
        PORTAL.reset();
        awaitState(accept(Events.event(code, 4, 5)), "DELIVERED");
        PORTAL.injectDelay(Duration.ofMillis(1500), 1);
        String id = accept(Events.event(code, 4, 10));
        awaitState(id, "DELIVERED");
        // the slow call is processed by the portal too; whichever of the two copies comes second carries the same key
        // and is recognised, so the portal holds the event once
        await().atMost(WAIT).untilAsserted(() -> assertThat(PORTAL.duplicateCount()).isEqualTo(1));
        assertThat(receivedFor(code)).hasSize(2);
        assertThat(attempts(hub.exchange(id), "FAILED")).extracting(a -> a.path("errorCode").asText())
                .containsExactly("portal.unavailable");
    }

    @Test
    void aRejectionIsDeadLetteredAtOnceAndHoldsTheDossierUntilReplayed() {
        String a = Events.newDossierCode();
        String b = Events.newDossierCode();
        PORTAL.rejectNext(1);
        String a1 = accept(Events.event(a, 2, 0));
        awaitState(a1, "FAILED");
        JsonNode failed = hub.exchange(a1);
        assertThat(failed.path("attempts").asInt()).isEqualTo(1);
        assertThat(failed.path("lastErrorCode").asText()).isEqualTo("portal.rejected");

        String a2 = accept(Events.event(a, 4, 10));
        String b1 = accept(Events.event(b, 2, 0));
        awaitState(b1, "DELIVERED");
        awaitState(a2, "HELD");
        assertThat(receivedFor(a)).isEmpty();

        HubClient.Reply notOperator = hub.post("/api/v1/ops/dead-letters/" + a1 + "/replay", HubClient.DEMO_KEY,
                "application/json", "{}");
        assertThat(notOperator.status()).isEqualTo(403);
        HubClient.Reply replay = hub.post("/api/v1/ops/dead-letters/" + a1 + "/replay", HubClient.OPERATOR_KEY,
                "application/json", "{}");
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        awaitState(a2, "DELIVERED");
        assertThat(hub.state(a1)).isEqualTo("DELIVERED");
        assertThat(receivedFor(a)).extracting(ReceivedCall::status).containsExactly(2, 4);
        assertThat(steps(hub.exchange(a1))).contains("FAILED", "REPLAYED", "DELIVERED");

        HubClient.Reply twice = hub.post("/api/v1/ops/dead-letters/" + a1 + "/replay", HubClient.OPERATOR_KEY,
                "application/json", "{}");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("exchange.not_replayable");
    }

    @Test
    void aDiscardNeedsAReasonAndLetsTheDossiersLaterEventsThrough() {
        String a = Events.newDossierCode();
        PORTAL.rejectNext(1);
        String a1 = accept(Events.event(a, 2, 0));
        awaitState(a1, "FAILED");
        String a2 = accept(Events.event(a, 4, 10));
        String a3 = accept(Events.event(a, 9, 20));
        awaitState(a3, "HELD");

        HubClient.Reply noReason = hub.post("/api/v1/ops/dead-letters/" + a1 + "/discard", HubClient.OPERATOR_KEY,
                "application/json", "{}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(hub.state(a1)).isEqualTo("FAILED");

        HubClient.Reply discard = hub.post("/api/v1/ops/dead-letters/" + a1 + "/discard", HubClient.OPERATOR_KEY,
                "application/json", "{\"reason\":\"sent again by the one-stop-shop under a new code\"}");
        assertThat(discard.status()).as(discard.body()).isEqualTo(200);
        assertThat(discard.json().path("state").asText()).isEqualTo("DISCARDED");
        awaitState(a3, "DELIVERED");
        assertThat(hub.state(a2)).isEqualTo("DELIVERED");
        assertThat(receivedFor(a)).extracting(ReceivedCall::status).containsExactly(4, 9);
        assertThat(hub.exchange(a1).path("timeline").toString()).contains("demo-operator", "new code");
    }

    @Test
    void retriesStopAfterTheConfiguredAttemptsAndTheEventIsDeadLettered() {
        PORTAL.injectFault(PortalFault.HTTP_503, 1000);
        String code = Events.newDossierCode();
        String id = accept(Events.event(code, 2, 0));
        awaitState(id, "FAILED");
        JsonNode view = hub.exchange(id);
        assertThat(view.path("attempts").asInt()).isEqualTo(6);
        assertThat(view.path("lastErrorCode").asText()).isEqualTo("portal.unavailable");
        assertThat(view.path("lastError").asText()).contains("gave up after 6 attempts");

        PORTAL.reset();
        hub.post("/api/v1/ops/dead-letters/" + id + "/replay", HubClient.OPERATOR_KEY, "application/json", "{}");
        awaitState(id, "DELIVERED");
        assertThat(receivedFor(code)).hasSize(1);
    }

    @Test
    void orderPerDossierHoldsUnderRetriesWithInterleavedDossiers() {
        List<String> dossiers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            dossiers.add(Events.newDossierCode());
        }
        int[] statuses = {2, 4, 4, 4, 9, 10};
        PORTAL.injectFault(PortalFault.HTTP_503, 4);
        PORTAL.injectFault(PortalFault.CONNECTION_RESET, 3);
        PORTAL.injectFault(PortalFault.MALFORMED_REPLY, 3);
        List<String> ids = new ArrayList<>();
        for (int step = 0; step < statuses.length; step++) {
            for (String d : dossiers) {
                ids.add(accept(Events.event(d, statuses[step], step * 10)));
            }
        }
        for (String id : ids) {
            awaitState(id, "DELIVERED");
        }
        for (String d : dossiers) {
            List<ReceivedCall> calls = receivedFor(d);
            assertThat(calls).extracting(ReceivedCall::status).containsExactly(2, 4, 4, 4, 9, 10);
            // the three progress steps of status 4 carry their own times: they arrived in the order they happened
            assertThat(calls.stream().filter(c -> c.service().equals("CapNhatTienDoHoSoMC"))
                    .map(c -> String.valueOf(c.item().get("ThoiDiemXuLy"))).toList())
                    .hasSize(2).isSorted();
        }
        assertThat(PORTAL.received().stream().map(ReceivedCall::idempotencyKey).collect(Collectors.toSet()))
                .hasSize(30);
    }

    private static List<String> steps(JsonNode view) {
        return StreamSupport.stream(view.path("timeline").spliterator(), false)
                .map(s -> s.path("step").asText()).toList();
    }

    private static List<JsonNode> attempts(JsonNode view, String outcome) {
        return StreamSupport.stream(view.path("timeline").spliterator(), false)
                .filter(s -> "ATTEMPT".equals(s.path("step").asText()) && outcome.equals(s.path("outcome").asText()))
                .toList();
    }
}
