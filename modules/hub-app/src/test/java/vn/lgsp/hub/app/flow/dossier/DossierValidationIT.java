package vn.lgsp.hub.app.flow.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.lgsp.hub.app.support.Events;
import vn.lgsp.hub.app.support.HubClient;
import vn.lgsp.hub.app.support.HubIntegrationTest;

/** Bad input and bad credentials get a clear 4xx problem document, and nothing is recorded or delivered. */
class DossierValidationIT extends HubIntegrationTest {

    private static final String CODE = "000.00.14.H56-261120-9001";

    static Stream<Arguments> badEvents() {
        String ok = Events.event(CODE, 2, 0);
        return Stream.of(
                Arguments.of("malformed JSON", "{\"dossierCode\": ", 400, "request.malformed_json", null),
                Arguments.of("not an object", "[1,2,3]", 400, "request.invalid_field", null),
                Arguments.of("empty body", "", 400, "request.malformed_json", null),
                Arguments.of("missing dossier code", ok.replace("\"dossierCode\":\"" + CODE + "\",", ""), 400,
                        "request.missing_field", "dossierCode"),
                Arguments.of("status as text", ok.replace("\"status\":2", "\"status\":\"abc\""), 400,
                        "request.invalid_field", "status"),
                Arguments.of("status as a string number", ok.replace("\"status\":2", "\"status\":\"2\""), 400,
                        "request.invalid_field", "status"),
                Arguments.of("status as a fraction", ok.replace("\"status\":2", "\"status\":2.5"), 400,
                        "request.invalid_field", "status"),
                Arguments.of("unknown status", ok.replace("\"status\":2", "\"status\":11"), 400,
                        "dossier.unknown_status", "status"),
                Arguments.of("date not a date", ok.replace("2026-12-06T17:00:00+07:00", "next week"), 400,
                        "request.invalid_field", "dueAt"),
                Arguments.of("unknown channel", ok.replace("\"ONLINE\"", "\"FAX\""), 400,
                        "request.invalid_field", "channel"),
                Arguments.of("bad dossier code", ok.replace(CODE, "HS-2026-1"), 400, "dossier.invalid_code",
                        "dossierCode"),
                Arguments.of("bad agency code", ok.replace("\"agencyCode\":\"000.00.14.H56\"",
                        "\"agencyCode\":\"sở xây dựng\""), 400, "agency.invalid_code", "agencyCode"),
                Arguments.of("bad procedure code", ok.replace("\"1.004616\"", "\"TT-01\""), 400,
                        "procedure.invalid_code", "procedureCode"),
                Arguments.of("personal ID too short", ok.replace("038095123456", "03809512345"), 400,
                        "personal_id.invalid", "applicant.personalId"),
                Arguments.of("personal ID unknown province", ok.replace("038095123456", "003095123456"), 400,
                        "personal_id.invalid", "applicant.personalId"),
                Arguments.of("personal ID born in the future", ok.replace("038095123456", "038299123456"), 400,
                        "personal_id.invalid", "applicant.personalId"));
    }

    @AfterEach
    void nothingWasRecordedOrDelivered() {
        assertThat(exchangeLog.findBySubject(DossierAcceptService.FLOW, CODE, 0)).isEmpty();
        assertThat(PORTAL.received()).noneMatch(c -> CODE.equals(c.dossierCode()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEvents")
    void badEventsAreRefusedWithAStableCode(String name, String body, int status, String code, String field) {
        HubClient.Reply r = hub.postEvent(body);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo(code);
        assertThat(r.json().path("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(r.body()).contains("\"" + field);
        }
        assertThat(r.body()).doesNotContain("Exception", "\tat ", "038095123456", "trace");
    }

    @Test
    void severalProblemsAreReportedTogether() {
        String body = Events.event(CODE, 11, 0).replace("\"1.004616\"", "\"TT-01\"")
                .replace("\"procedureName\":\"Cấp giấy phép xây dựng\",", "");
        HubClient.Reply r = hub.postEvent(body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors")).hasSize(3);
        assertThat(r.body()).contains("procedure.invalid_code", "request.missing_field", "dossier.unknown_status");
    }

    @Test
    void aStatusTheLifecycleDoesNotAllowIsRefused() {
        String other = Events.newDossierCode();
        assertThat(hub.postEvent(Events.event(other, 4, 0)).code()).isEqualTo("dossier.transition_not_allowed");
        assertThat(hub.postEvent(Events.event(other, 2, 0)).status()).isEqualTo(202);
        assertThat(hub.postEvent(Events.event(other, 10, 5)).code()).isEqualTo("dossier.transition_not_allowed");
        assertThat(hub.postEvent(Events.event(other, 7, 6)).status()).isEqualTo(202);
        // 7 (withdrawn by the applicant) is terminal: nothing moves the dossier out of it
        HubClient.Reply r = hub.postEvent(Events.event(other, 4, 7));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("dossier.transition_not_allowed");
        assertThat(r.json().path("detail").asText()).contains("closed");
        // the refusals above left nothing behind: two exchanges, the accepted ones
        assertThat(exchangeLog.findBySubject(DossierAcceptService.FLOW, other, 0)).hasSize(2);
    }

    @Test
    void wrongContentTypeAndMethodAreRefused() {
        HubClient.Reply xml = hub.post("/api/v1/dossiers/events", HubClient.DEMO_KEY, "application/xml", "<a/>");
        assertThat(xml.status()).isEqualTo(415);
        assertThat(xml.code()).isEqualTo("request.unsupported_media_type");
        HubClient.Reply get = hub.get("/api/v1/dossiers/events", HubClient.DEMO_KEY);
        assertThat(get.status()).isIn(403, 405);
    }

    @Test
    void callersMustAuthenticateAndMayCallOnlyTheirServices() {
        String body = Events.event(CODE, 2, 0);
        HubClient.Reply none = hub.post("/api/v1/dossiers/events", null, "application/json", body);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.code()).isEqualTo("auth.unauthenticated");
        HubClient.Reply wrong = hub.post("/api/v1/dossiers/events", "not-a-key", "application/json", body);
        assertThat(wrong.status()).isEqualTo(401);
        HubClient.Reply reader = hub.post("/api/v1/dossiers/events", "reader-key", "application/json", body);
        assertThat(reader.status()).isEqualTo(403);
        assertThat(reader.code()).isEqualTo("auth.forbidden");
        HubClient.Reply ops = hub.get("/actuator/prometheus", HubClient.DEMO_KEY);
        assertThat(ops.status()).isEqualTo(403);
        assertThat(hub.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(hub.get("/actuator/prometheus", HubClient.OPERATOR_KEY).body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void aClientSeesOnlyItsOwnExchanges() {
        String other = Events.newDossierCode();
        String id = hub.postEvent(Events.event(other, 2, 0)).json().path("exchangeId").asText();
        assertThat(hub.get("/api/v1/exchanges/" + id, HubClient.DEMO_KEY).status()).isEqualTo(200);
        HubClient.Reply notYours = hub.get("/api/v1/exchanges/" + id, "reader-key");
        assertThat(notYours.status()).isEqualTo(404);
        assertThat(notYours.code()).isEqualTo("exchange.not_found");
        assertThat(hub.get("/api/v1/exchanges/no-such-id", HubClient.DEMO_KEY).status()).isEqualTo(404);
    }
}
