package vn.lgsp.hub.app.flow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.lgsp.hub.app.support.HubClient;
import vn.lgsp.hub.app.support.HubIntegrationTest;
import vn.lgsp.hub.app.support.PopulationStub;
import vn.lgsp.hub.audit.ExchangeEvent;
import vn.lgsp.hub.audit.ExchangeRecord;
import vn.lgsp.hub.audit.ExchangeState;
import vn.lgsp.hub.audit.ExchangeStep;
import vn.lgsp.hub.connector.population.PopulationCircuitBreakers;

/**
 * Flow 3 end to end: the hub over HTTP, the population database as a WireMock SOAP endpoint. Every test also checks
 * that nothing it did put a full personal ID or a citizen's name into the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class CitizenIdentityIT extends HubIntegrationTest {

    private static final String ID = PopulationStub.ID;
    private static final String NAME = "Nguyễn Văn An";
    private static final String VERIFY = "/api/v1/citizens/verify";
    private static final String LOOKUP = "/api/v1/citizens/lookup";
    private static boolean warm;

    @Autowired
    private PopulationCircuitBreakers breakers;

    @Autowired
    private JdbcTemplate jdbc;

    private String dossier;

    @BeforeEach
    void freshUpstream() {
        if (!warm) {
            // the first call through a fresh CXF client loads much; keep that out of the tests' time limits
            POPULATION.answer("XacThuc", PopulationStub.verified());
            POPULATION.answer("TraCuu", PopulationStub.lookedUp());
            hub.post(VERIFY, HubClient.DEMO_KEY, "application/json", body(ID, NAME, "1995-03-07", newDossier()));
            hub.post(LOOKUP, HubClient.DEMO_KEY, "application/json", body(ID, NAME, "1995-03-07", newDossier()));
            warm = true;
        }
        POPULATION.reset();
        breakers.verify().reset();
        breakers.lookup().reset();
        dossier = newDossier();
    }

    @AfterEach
    void noPersonalDataInTheLog(CapturedOutput output) {
        assertThat(output.getAll()).doesNotContain(ID, NAME, "Nguyen Van An", "Nguyễn Văn Bình", "038065000111",
                "Lê Thị Cúc", "173456789", Normalizer.normalize(NAME, Normalizer.Form.NFD));
    }

    private static String newDossier() {
        return String.format("000.00.14.H56-261120-%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    private static String body(String id, String name, String birthDate, String dossierCode) {
        return """
                {"personalId":"%s","fullName":"%s","birthDate":"%s",
                 "purpose":{"procedureCode":"1.004616","dossierCode":"%s"},"officerId":"canbo01"}
                """.formatted(id, name, birthDate, dossierCode);
    }

    private HubClient.Reply verify(String name, String birthDate) {
        return hub.post(VERIFY, HubClient.DEMO_KEY, "application/json", body(ID, name, birthDate, dossier));
    }

    private List<ExchangeRecord> exchanges() {
        return jdbc.queryForList("SELECT id FROM exchange WHERE flow = ? AND subject_key = ?", String.class,
                CitizenIdentityService.FLOW, dossier).stream().map(id -> exchangeLog.find(id).orElseThrow()).toList();
    }

    /** The refused calls' exchanges: the FAILED ones of this flow with a validation code, ids only. */
    private List<String> refusedIds() {
        return jdbc.queryForList("SELECT id FROM exchange WHERE flow = ? AND state = 'FAILED'"
                + " AND last_error_code IN ('request.missing_field', 'personal_id.invalid', 'request.invalid_field')",
                String.class, CitizenIdentityService.FLOW);
    }

    /** The exchanges recorded since {@code before} was taken with {@link #refusedIds}, by operation. */
    private List<ExchangeRecord> refusedSince(List<String> before) {
        return refusedIds().stream().filter(id -> !before.contains(id)).map(id -> exchangeLog.find(id).orElseThrow())
                .sorted(Comparator.comparing(x -> x.operation().equals("VERIFY") ? 0 : 1)).toList();
    }

    private ExchangeRecord onlyExchange() {
        assertThat(exchanges()).hasSize(1);
        return exchanges().get(0);
    }

    @Test
    void matchingDetailsMatch(CapturedOutput output) {
        POPULATION.answer("XacThuc", PopulationStub.verified());

        HubClient.Reply r = verify(NAME, "1995-03-07");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("match").asBoolean()).isTrue();
        assertThat(r.json().path("found").asBoolean()).isTrue();
        assertThat(r.json().path("differences")).isEmpty();
        assertThat(r.body()).doesNotContain(ID, "Nguy", "1995-03");
        // the purpose and the officer travel to the database
        assertThat(POPULATION.requests()).singleElement().satisfies(q -> assertThat(q.getBodyAsString())
                .contains(">1.004616</", ">canbo01</", ">" + ID + "</", ">19950307</"));

        ExchangeRecord x = onlyExchange();
        assertThat(x.id()).isEqualTo(r.json().path("exchangeId").asText());
        assertThat(x.operation()).isEqualTo("VERIFY");
        assertThat(x.clientId()).isEqualTo("demo");
        assertThat(x.subjectMasked()).isEqualTo("038*****3456");
        assertThat(x.state()).isEqualTo(ExchangeState.DELIVERED);
        // who asked and why, in columns of their own
        assertThat(x.officerId()).isEqualTo("canbo01");
        assertThat(x.purpose()).isEqualTo("1.004616/" + dossier);
        assertThat(jdbc.queryForMap("SELECT officer_id, purpose FROM exchange WHERE id = ?", x.id()).values())
                .containsExactly("canbo01", "1.004616/" + dossier);
        List<ExchangeEvent> events = exchangeLog.events(x.id());
        assertThat(events).extracting(ExchangeEvent::step)
                .containsExactly(ExchangeStep.ACCEPTED, ExchangeStep.ATTEMPT, ExchangeStep.DELIVERED);
        ExchangeEvent attempt = events.get(1);
        assertThat(attempt.outcome()).isEqualTo("OK");
        assertThat(attempt.durationMs()).isNotNull();
        assertThat(attempt.detail()).contains("result=match").doesNotContain("canbo01");
        assertThat(events).allSatisfy(e -> assertThat(String.valueOf(e.detail())).doesNotContain(ID, "Nguy", "An"));
        // the capture works: the hub logged the call, with the masked ID only
        assertThat(output.getAll()).contains(x.id(), "038*****3456");
    }

    @Test
    void caseSpacingAndUnicodeFormDoNotMatter() {
        POPULATION.answer("XacThuc", PopulationStub.verified());

        HubClient.Reply r = verify(Normalizer.normalize("  NGUYỄN   văn an ", Normalizer.Form.NFD), "1995-03-07");

        assertThat(r.json().path("match").asBoolean()).as(r.body()).isTrue();
    }

    @Test
    void aNameDifferingOnlyInDiacriticsIsReportedAsSuch() {
        POPULATION.answer("XacThuc", PopulationStub.verified());

        HubClient.Reply r = verify("Nguyen Van An", "1995-03-07");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("match").asBoolean()).isFalse();
        assertThat(r.json().path("found").asBoolean()).isTrue();
        assertThat(r.json().path("differences")).singleElement().satisfies(d -> {
            assertThat(d.path("field").asText()).isEqualTo("fullName");
            assertThat(d.path("kind").asText()).isEqualTo("DIACRITICS_ONLY");
        });
        assertThat(r.body()).doesNotContain("Nguyễn", ID, "1995-03");
        assertThat(exchangeLog.events(onlyExchange().id()).get(1).detail()).contains("fullName:DIACRITICS_ONLY");
    }

    @Test
    void aDifferentBirthDateIsReported() {
        POPULATION.answer("XacThuc", PopulationStub.verified());

        HubClient.Reply r = verify(NAME, "1995-03-12");

        assertThat(r.json().path("match").asBoolean()).as(r.body()).isFalse();
        assertThat(r.json().path("differences")).singleElement().satisfies(d -> {
            assertThat(d.path("field").asText()).isEqualTo("birthDate");
            assertThat(d.path("kind").asText()).isEqualTo("DIFFERENT");
        });
        assertThat(r.body()).doesNotContain("03-07", "1995-03-12");
    }

    @Test
    void anUnknownIdIsNotFound() {
        POPULATION.answer("XacThuc", PopulationStub.notVerified());

        HubClient.Reply r = verify(NAME, "1995-03-07");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("found").asBoolean()).isFalse();
        assertThat(r.json().path("match").asBoolean()).isFalse();
        assertThat(r.json().path("differences")).isEmpty();
        assertThat(onlyExchange().state()).isEqualTo(ExchangeState.DELIVERED);
    }

    @Test
    void lookupReturnsTheRecord() {
        POPULATION.answer("TraCuu", PopulationStub.lookedUp());

        String request = """
                {"personalId":"%s","purpose":{"procedureCode":"1.004616","dossierCode":"%s"},"officerId":"canbo01"}
                """.formatted(ID, dossier);
        HubClient.Reply r = hub.post(LOOKUP, HubClient.DEMO_KEY, "application/json", request);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("personalId").asText()).isEqualTo(ID);
        assertThat(r.json().path("familyName").asText()).isEqualTo("Nguyễn");
        assertThat(r.json().path("givenName").asText()).isEqualTo("An");
        assertThat(r.json().path("birthDate").asText()).isEqualTo("1995-03-07");
        assertThat(r.json().path("permanentResidence").path("detail").asText()).isEqualTo("Số 12 phố Lê Lợi");
        ExchangeRecord x = onlyExchange();
        assertThat(r.json().path("exchangeId").asText()).isEqualTo(x.id());
        assertThat(x.operation()).isEqualTo("LOOKUP");
        assertThat(x.subjectMasked()).isEqualTo("038*****3456");
        assertThat(x.officerId()).isEqualTo("canbo01");
        assertThat(x.purpose()).isEqualTo("1.004616/" + dossier);
        assertThat(exchangeLog.events(x.id())).allSatisfy(e -> assertThat(String.valueOf(e.detail()))
                .doesNotContain(ID, "Nguy", "Lê Lợi"));
    }

    @Test
    void lookupOfAnUnknownCitizenIsNotFound() {
        POPULATION.answer("TraCuu", PopulationStub.nobody());

        HubClient.Reply r = hub.post(LOOKUP, HubClient.DEMO_KEY, "application/json",
                body(ID, NAME, "1995-03-07", dossier));

        assertThat(r.status()).as(r.body()).isEqualTo(404);
        assertThat(r.code()).isEqualTo("citizen.not_found");
        assertThat(onlyExchange().state()).isEqualTo(ExchangeState.DELIVERED);
    }

    @Test
    void aClientAllowedOnlyToVerifyMayNotLookUp() {
        POPULATION.answer("XacThuc", PopulationStub.verified());
        POPULATION.answer("TraCuu", PopulationStub.lookedUp());

        HubClient.Reply lookup = hub.post(LOOKUP, "verifier-key", "application/json",
                body(ID, NAME, "1995-03-07", dossier));
        assertThat(lookup.status()).isEqualTo(403);
        assertThat(lookup.code()).isEqualTo("auth.forbidden");
        assertThat(POPULATION.requests()).isEmpty();
        assertThat(exchanges()).isEmpty();

        HubClient.Reply verify = hub.post(VERIFY, "verifier-key", "application/json",
                body(ID, NAME, "1995-03-07", dossier));
        assertThat(verify.status()).as(verify.body()).isEqualTo(200);
        assertThat(onlyExchange().clientId()).isEqualTo("verifier");
        assertThat(hub.post(VERIFY, "reader-key", "application/json", body(ID, NAME, "1995-03-07", dossier))
                .status()).isEqualTo(403);
    }

    @Test
    void aCallWithoutPurposeOrOfficerIsRefusedBeforeTheDatabaseAndRecorded() {
        POPULATION.answer("XacThuc", PopulationStub.verified());
        List<String> before = refusedIds();
        String noPurpose = """
                {"personalId":"%s","fullName":"%s","birthDate":"1995-03-07"}
                """.formatted(ID, NAME);

        HubClient.Reply r = hub.post(VERIFY, HubClient.DEMO_KEY, "application/json", noPurpose);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo("request.missing_field");
        assertThat(r.json().path("errors")).hasSize(2);
        assertThat(r.body()).contains("\"purpose\"", "\"officerId\"").doesNotContain(ID, "Nguy");

        String noDossier = body(ID, NAME, "1995-03-07", dossier).replace("\"dossierCode\":\"" + dossier + "\"",
                "\"dossierCode\":\" \"");
        HubClient.Reply r2 = hub.post(LOOKUP, HubClient.DEMO_KEY, "application/json", noDossier);
        assertThat(r2.status()).isEqualTo(400);
        assertThat(r2.code()).isEqualTo("request.missing_field");
        assertThat(r2.body()).contains("purpose.dossierCode");

        assertThat(POPULATION.requests()).isEmpty();
        // both refusals are in the exchange log, FAILED with the refusal's code and what could be read of the call
        List<ExchangeRecord> refused = refusedSince(before);
        assertThat(refused).hasSize(2).allSatisfy(x -> {
            assertThat(x.state()).isEqualTo(ExchangeState.FAILED);
            assertThat(x.lastErrorCode()).isEqualTo("request.missing_field");
            assertThat(x.clientId()).isEqualTo("demo");
            assertThat(x.subjectMasked()).isEqualTo("038*****3456");
            assertThat(x.attempts()).isZero();
            assertThat(exchangeLog.events(x.id())).extracting(ExchangeEvent::step)
                    .containsExactly(ExchangeStep.ACCEPTED, ExchangeStep.FAILED);
            assertThat(exchangeLog.events(x.id())).allSatisfy(e -> assertThat(String.valueOf(e.detail()))
                    .doesNotContain(ID, "Nguy"));
        });
        ExchangeRecord withoutPurpose = refused.get(0);
        assertThat(withoutPurpose.operation()).isEqualTo("VERIFY");
        assertThat(withoutPurpose.officerId()).isNull();
        assertThat(withoutPurpose.purpose()).isNull();
        assertThat(withoutPurpose.subjectKey()).isNull();
        assertThat(withoutPurpose.lastError()).contains("purpose:request.missing_field",
                "officerId:request.missing_field");
        ExchangeRecord withoutDossier = refused.get(1);
        assertThat(withoutDossier.operation()).isEqualTo("LOOKUP");
        assertThat(withoutDossier.officerId()).isEqualTo("canbo01");
        assertThat(withoutDossier.purpose()).isEqualTo("1.004616/");
        // the exchange view shows them
        assertThat(hub.exchange(withoutDossier.id()).path("officerId").asText()).isEqualTo("canbo01");
        assertThat(hub.exchange(withoutDossier.id()).path("state").asText()).isEqualTo("FAILED");
    }

    @Test
    void aMalformedPersonalIdIsRefusedBeforeTheDatabaseAndRecordedMasked() {
        POPULATION.answer("XacThuc", PopulationStub.verified());
        POPULATION.answer("TraCuu", PopulationStub.lookedUp());
        String absurd = "0380951234567890".repeat(40);

        for (String bad : new String[] {"03809512345", "003095123456", "038299123456", "03809512345x"}) {
            HubClient.Reply r = hub.post(VERIFY, HubClient.DEMO_KEY, "application/json",
                    body(bad, NAME, "1995-03-07", dossier));
            assertThat(r.status()).as(bad + ": " + r.body()).isEqualTo(400);
            assertThat(r.code()).isEqualTo("personal_id.invalid");
            assertThat(r.body()).contains("\"personalId\"").doesNotContain(bad);
        }
        HubClient.Reply lookup = hub.post(LOOKUP, HubClient.DEMO_KEY, "application/json",
                body("12345", NAME, "1995-03-07", dossier));
        assertThat(lookup.code()).isEqualTo("personal_id.invalid");
        HubClient.Reply tooLong = hub.post(VERIFY, HubClient.DEMO_KEY, "application/json",
                body(absurd, NAME, "1995-03-07", dossier));
        assertThat(tooLong.status()).as(tooLong.body()).isEqualTo(400);

        assertThat(POPULATION.requests()).isEmpty();
        // each refusal is recorded, FAILED, with the dossier as subject and the ID masked, never in full
        List<ExchangeRecord> refused = exchanges();
        assertThat(refused).hasSize(6).allSatisfy(x -> {
            assertThat(x.state()).isEqualTo(ExchangeState.FAILED);
            assertThat(x.lastErrorCode()).isEqualTo("personal_id.invalid");
            assertThat(x.officerId()).isEqualTo("canbo01");
            assertThat(x.purpose()).isEqualTo("1.004616/" + dossier);
            assertThat(x.subjectMasked()).isNotNull().contains("*").hasSizeLessThanOrEqualTo(20);
        });
        List<String> stored = jdbc.queryForList(
                "SELECT subject_masked FROM exchange WHERE flow = ? AND subject_key = ?", String.class,
                CitizenIdentityService.FLOW, dossier);
        assertThat(stored).hasSize(6).allSatisfy(m -> assertThat(m)
                .doesNotContain("03809512345", "003095123456", "038299123456", "03809512345x", "12345",
                        absurd.substring(0, 20)));
        assertThat(stored).contains("038****2345", "003*****3456", "038*****3456", "038*****345x", "*****");
    }

    @Test
    void anUpstreamOutageIsUnavailable() {
        POPULATION.failWith(503);

        HubClient.Reply r = verify(NAME, "1995-03-07");

        assertThat(r.status()).as(r.body()).isEqualTo(503);
        assertThat(r.code()).isEqualTo("population.unavailable");
        assertThat(r.body()).doesNotContain(ID, "Exception", "\tat ");
        ExchangeRecord x = onlyExchange();
        assertThat(x.state()).isEqualTo(ExchangeState.FAILED);
        assertThat(x.lastErrorCode()).isEqualTo("population.unavailable");
        ExchangeEvent attempt = exchangeLog.events(x.id()).get(1);
        assertThat(attempt.outcome()).isEqualTo("FAILED");
        assertThat(attempt.errorCode()).isEqualTo("population.unavailable");
        assertThat(attempt.detail()).startsWith("error=").doesNotContain(ID);
        assertThat(x.officerId()).isEqualTo("canbo01");
        assertThat(x.purpose()).isEqualTo("1.004616/" + dossier);
    }

    @Test
    void theOpenBreakerAnswersAtOnceWithoutCallingTheDatabase() {
        POPULATION.failWith(503);
        for (int i = 0; i < 3; i++) {
            assertThat(verify(NAME, "1995-03-07").code()).isEqualTo("population.unavailable");
        }
        assertThat(POPULATION.requests()).hasSize(3);

        long start = System.nanoTime();
        HubClient.Reply r = verify(NAME, "1995-03-07");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.code()).isEqualTo("population.unavailable");
        assertThat(millis).isLessThan(1000);
        assertThat(POPULATION.requests()).hasSize(3);
        assertThat(exchanges()).hasSize(4).allSatisfy(x -> assertThat(x.state()).isEqualTo(ExchangeState.FAILED));
    }
}
