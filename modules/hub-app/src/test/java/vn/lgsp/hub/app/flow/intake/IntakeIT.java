package vn.lgsp.hub.app.flow.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.lgsp.hub.app.support.Events;
import vn.lgsp.hub.app.support.HubClient;
import vn.lgsp.hub.app.support.HubIntegrationTest;
import vn.lgsp.hub.app.support.PopulationStub;
import vn.lgsp.hub.audit.ExchangeRecord;
import vn.lgsp.hub.audit.ExchangeState;
import vn.lgsp.hub.audit.ExchangeStep;
import vn.lgsp.hub.connector.population.PopulationCircuitBreakers;
import vn.lgsp.hub.simulators.onestop.OneStopFault;
import vn.lgsp.hub.simulators.onestop.ReceivedDossier;
import vn.lgsp.hub.simulators.portal.PortalFault;

/**
 * Flow 2 end to end: dossiers pushed by (or polled from) the portal simulator, the applicant verified against the
 * population database stub, delivered to the one-stop-shop simulator. The population database is held unavailable
 * for at most 3s in these tests ({@code hub.flow.intake.verification.max-delay}).
 */
@ExtendWith(OutputCaptureExtension.class)
class IntakeIT extends HubIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PUSH = "/api/v1/intake/dossiers";
    private static final String ID = PopulationStub.ID;
    private static final String NAME = "Nguyễn Văn An";
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    private IntakePoller poller;

    @Autowired
    private PopulationCircuitBreakers breakers;

    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void freshUpstreams() {
        POPULATION.reset();
        POPULATION.answer("XacThuc", PopulationStub.verified());
        breakers.verify().reset();
        ONESTOP.reset();
        ONESTOP.setDown(false);
    }

    @AfterEach
    void noPersonalDataInTheLog(CapturedOutput output) {
        assertThat(output.getAll()).doesNotContain(ID).doesNotContain(NAME).doesNotContain("Nguyen Van An");
    }

    // ------------------------------------------------------------------------------------------------------- push

    @Test
    void aPushedDossierIsVerifiedAndDeliveredOnceWithTheVerdict() {
        String code = Events.newDossierCode();
        String body = item(code, NAME, ID, now(0));
        String id = accepted(body);
        awaitState(id, "DELIVERED");

        HubClient.Reply again = hub.post(PUSH, HubClient.DEMO_KEY, "application/json", body);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().path("exchangeId").asText()).isEqualTo(id);
        assertThat(again.json().path("duplicate").asBoolean()).isTrue();

        List<ReceivedDossier> received = receivedFor(code);
        assertThat(received).singleElement().satisfies(r -> {
            assertThat(r.verificationOutcome()).isEqualTo("VERIFIED");
            assertThat(r.idempotencyKey()).isNotBlank();
        });
        Map<?, ?> dossier = (Map<?, ?>) received.get(0).delivery().get("dossier");
        assertThat(dossier.get("procedureCode")).isEqualTo("1.004616");
        assertThat(((Map<?, ?>) dossier.get("applicant")).get("birthDate")).isEqualTo("1995-03-07");

        // the population call is an identity exchange of its own, made for this dossier by the hub's intake account
        String identityId = (String) ((Map<?, ?>) received.get(0).delivery().get("verification")).get("exchangeId");
        ExchangeRecord identity = exchangeLog.find(identityId).orElseThrow();
        assertThat(identity.officerId()).isEqualTo("lgsp-intake");
        assertThat(identity.clientId()).isEqualTo("hub-intake");
        assertThat(identity.purpose()).isEqualTo("1.004616/" + code);
        assertThat(identity.subjectMasked()).isEqualTo("038*****3456");
        assertThat(steps(id)).containsSubsequence("ACCEPTED", "VERIFIED", "ATTEMPT", "DELIVERED");
        assertThat(POPULATION.requests()).hasSize(1);
    }

    @Test
    void aNameThatDiffersOnlyInDiacriticsIsAMismatchSaidSo() {
        String code = Events.newDossierCode();
        awaitState(accepted(item(code, "Nguyen Van An", ID, now(0))), "DELIVERED");
        ReceivedDossier r = receivedFor(code).get(0);
        assertThat(r.verificationOutcome()).isEqualTo("MISMATCH");
        assertThat(r.differingFields()).containsExactly("fullName");
        assertThat(((Map<?, ?>) r.delivery().get("verification")).get("diacriticsOnly")).isEqualTo(true);
    }

    @Test
    void anApplicantTheDatabaseDoesNotKnowIsNotFound() {
        POPULATION.reset();
        POPULATION.answer("XacThuc", PopulationStub.notVerified());
        String code = Events.newDossierCode();
        awaitState(accepted(item(code, NAME, ID, now(0))), "DELIVERED");
        assertThat(receivedFor(code)).extracting(ReceivedDossier::verificationOutcome).containsExactly("NOT_FOUND");
    }

    @Test
    void anInvalidDossierIsRefusedWithNothingQueuedAndNoUpstreamCall() {
        String code = Events.newDossierCode();
        HubClient.Reply badId = hub.post(PUSH, HubClient.DEMO_KEY, "application/json",
                item(code, NAME, "038095123", now(0)));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.code()).isEqualTo("personal_id.invalid");
        HubClient.Reply badDate = hub.post(PUSH, HubClient.DEMO_KEY, "application/json",
                item(code, NAME, ID, now(0)).replace("\"NgaySinhChuHoSo\":\"19950307\"", "\"NgaySinhChuHoSo\":\"7/3/95\""));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body()).contains("NgaySinhChuHoSo").doesNotContain("7/3/95");
        HubClient.Reply noKey = hub.post(PUSH, null, "application/json", item(code, NAME, ID, now(0)));
        assertThat(noKey.status()).isEqualTo(401);
        HubClient.Reply notAllowed = hub.post(PUSH, "reader-key", "application/json", item(code, NAME, ID, now(0)));
        assertThat(notAllowed.status()).isEqualTo(403);

        assertThat(recorded(code)).isEmpty();
        assertThat(POPULATION.requests()).isEmpty();
        assertThat(receivedFor(code)).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ upstream outages

    @Test
    void aShortPopulationOutageDelaysTheDossierWhichIsThenVerified() {
        POPULATION.reset();
        POPULATION.failWith(503);
        String code = Events.newDossierCode();
        String id = accepted(item(code, NAME, ID, now(0)));
        await().atMost(WAIT).until(() -> steps(id).contains("RETRY_SCHEDULED"));
        assertThat(receivedFor(code)).isEmpty();

        POPULATION.reset();
        POPULATION.answer("XacThuc", PopulationStub.verified());
        breakers.verify().reset();
        awaitState(id, "DELIVERED");
        assertThat(receivedFor(code)).extracting(ReceivedDossier::verificationOutcome).containsExactly("VERIFIED");
    }

    @Test
    void aLongPopulationOutageDelaysTheDossierAtMostTheConfiguredTimeThenItGoesOnUnverified() {
        POPULATION.reset();
        POPULATION.failWith(503);
        String code = Events.newDossierCode();
        String id = accepted(item(code, NAME, ID, now(0)));
        awaitState(id, "DELIVERED");

        ReceivedDossier r = receivedFor(code).get(0);
        assertThat(r.verificationOutcome()).isEqualTo("UNAVAILABLE");
        assertThat(((Map<?, ?>) r.delivery().get("verification")).get("reason")).isEqualTo("population.unavailable");
        Instant accepted = exchangeLog.find(id).orElseThrow().createdAt();
        assertThat(r.receivedAt()).as("held back for the configured 3s, not less")
                .isAfterOrEqualTo(accepted.plusSeconds(3));
        assertThat(steps(id)).contains("RETRY_SCHEDULED");
        assertThat(exchangeLog.find(id).orElseThrow().attempts())
                .as("waiting for the database is bounded by max-delay, not by max-attempts (8 here)").isGreaterThan(8);
    }

    @Test
    void aOneStopShopOutageIsRetriedWithoutAskingThePopulationDatabaseAgain() {
        ONESTOP.setDown(true);
        String code = Events.newDossierCode();
        String id = accepted(item(code, NAME, ID, now(0)));
        await().atMost(WAIT).until(() -> exchangeLog.find(id).orElseThrow().attempts() >= 3);
        assertThat(exchangeLog.find(id).orElseThrow().state()).isIn(ExchangeState.RETRYING, ExchangeState.IN_PROGRESS);

        ONESTOP.setDown(false);
        awaitState(id, "DELIVERED");
        assertThat(receivedFor(code)).hasSize(1);
        assertThat(POPULATION.requests()).as("verified once, the verdict kept across attempts").hasSize(1);
        assertThat(exchangeLog.events(id)).filteredOn(e -> e.step() == ExchangeStep.VERIFIED).hasSize(1);
    }

    @Test
    void aRejectionIsDeadLetteredAndAnOperatorsReplayDeliversIt() {
        ONESTOP.injectFault(OneStopFault.REJECT, 1);
        String code = Events.newDossierCode();
        String id = accepted(item(code, NAME, ID, now(0)));
        awaitState(id, "FAILED");
        assertThat(exchangeLog.find(id).orElseThrow().lastErrorCode()).isEqualTo("onestop.rejected");

        HubClient.Reply replay = hub.post("/api/v1/ops/dead-letters/" + id + "/replay", HubClient.OPERATOR_KEY,
                "application/json", "{}");
        assertThat(replay.status()).as(replay.body()).isEqualTo(200);
        awaitState(id, "DELIVERED");
        assertThat(receivedFor(code)).hasSize(1);
    }

    @Test
    void versionsOfOneDossierReachTheOneStopShopInOrderThroughFaults() {
        ONESTOP.injectFault(OneStopFault.HTTP_503, 3);
        String code = Events.newDossierCode();
        List<String> ids = new ArrayList<>();
        for (int v = 0; v < 4; v++) {
            ids.add(accepted(item(code, NAME, ID, now(v))));
        }
        ids.forEach(id -> awaitState(id, "DELIVERED"));
        List<ReceivedDossier> received = receivedFor(code);
        assertThat(received).hasSize(4);
        assertThat(received).extracting(ReceivedDossier::version).isSorted();
    }

    // ------------------------------------------------------------------------------------------------------- poll

    @Test
    void pollingTakesEveryDossierOnceAcrossPagesFaultsAndRepeatedPolls() {
        List<String> codes = new ArrayList<>();
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String code = Events.newDossierCode();
            codes.add(code);
            // five dossiers share each second: pages must break ties by code
            items.add(itemMap(code, NAME, ID, now(i / 5)));
        }
        PORTAL.addIntake(items);

        PORTAL.injectFault(PortalFault.HTTP_503, 1);
        assertThat(poller.poll()).as("a failed listing takes nothing").isZero();
        int taken = poller.poll();
        assertThat(taken).isGreaterThanOrEqualTo(25);
        await().atMost(WAIT).untilAsserted(() -> codes.forEach(c -> assertThat(receivedFor(c)).hasSize(1)));

        // polling again reads the overlap again, and takes nothing new
        poller.poll();
        List<Map<String, Object>> more = List.of(itemMap(Events.newDossierCode(), NAME, ID, now(10)));
        PORTAL.addIntake(more);
        poller.poll();
        String last = (String) more.get(0).get("MaHoSo");
        await().atMost(WAIT).untilAsserted(() -> assertThat(receivedFor(last)).hasSize(1));
        codes.forEach(c -> assertThat(receivedFor(c)).as(c).hasSize(1));
        codes.forEach(c -> assertThat(exchangeLog.findBySubject(IntakeAcceptService.FLOW, c, 0)).hasSize(1));
    }

    @Test
    void aPolledDossierTheHubCannotAcceptIsRecordedAsFailedAndPassedOver() {
        String bad = Events.newDossierCode();
        String good = Events.newDossierCode();
        PORTAL.addIntake(List.of(itemMap(bad, NAME, "038095123", now(0)), itemMap(good, NAME, ID, now(0))));
        poller.poll();
        await().atMost(WAIT).untilAsserted(() -> assertThat(receivedFor(good)).hasSize(1));
        assertThat(receivedFor(bad)).isEmpty();
        assertThat(recorded(bad)).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo(ExchangeState.FAILED);
            assertThat(r.lastErrorCode()).isEqualTo("personal_id.invalid");
        });
        poller.poll();
        assertThat(recorded(bad)).as("recorded once").hasSize(1);
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private String accepted(String body) {
        HubClient.Reply r = hub.post(PUSH, HubClient.DEMO_KEY, "application/json", body);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json().path("exchangeId").asText();
    }

    private void awaitState(String exchangeId, String state) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(hub.state(exchangeId)).isEqualTo(state));
    }

    private List<String> steps(String exchangeId) {
        List<String> steps = new ArrayList<>();
        for (JsonNode e : hub.exchange(exchangeId).path("timeline")) {
            steps.add(e.path("step").asText());
        }
        return steps;
    }

    /** Every intake exchange of the dossier, refused ones (which have no sequence number) included. */
    private List<ExchangeRecord> recorded(String dossierCode) {
        return jdbc.queryForList("SELECT id FROM exchange WHERE flow = ? AND subject_key = ?", String.class,
                IntakeAcceptService.FLOW, dossierCode).stream().map(id -> exchangeLog.find(id).orElseThrow()).toList();
    }

    private static List<ReceivedDossier> receivedFor(String code) {
        return ONESTOP.received().stream().filter(r -> code.equals(r.dossierCode())).toList();
    }

    /** A moment shortly after now, in the portal's time zone and format; versions of a dossier differ by seconds. */
    private static String now(int plusSeconds) {
        return LocalDateTime.now(VIETNAM).plusSeconds(plusSeconds).format(COMPACT);
    }

    private static Map<String, Object> itemMap(String code, String name, String personalId, String updatedAt) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("MaHoSo", code);
        m.put("MaTTHC", "1.004616");
        m.put("TenTTHC", "Cấp giấy phép xây dựng");
        m.put("MaCoQuan", "000.00.14.H56");
        m.put("NgayNopHoSo", updatedAt);
        m.put("NgayCapNhat", updatedAt);
        m.put("TrichYeuHoSo", "Đề nghị cấp giấy phép xây dựng nhà ở riêng lẻ");
        m.put("ChuHoSo", name);
        m.put("LoaiDoiTuong", "1");
        m.put("SoGiayToChuHoSo", personalId);
        m.put("NgaySinhChuHoSo", "19950307");
        m.put("SoDienThoai", "0912345678");
        m.put("TaiLieuNop", List.of(Map.of("TepDinhKemId", code + "-01", "TenTepDinhKem", "Đơn đề nghị",
                "DuongDanTaiTepTin", "https://dichvucong.gov.vn/files/" + code + "/01.pdf")));
        return m;
    }

    private static String item(String code, String name, String personalId, String updatedAt) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .writeValueAsString(itemMap(code, name, personalId, updatedAt));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
