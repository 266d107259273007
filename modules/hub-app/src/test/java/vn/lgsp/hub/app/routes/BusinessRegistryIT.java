package vn.lgsp.hub.app.routes;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import vn.lgsp.hub.app.support.HubClient;
import vn.lgsp.hub.app.support.HubIntegrationTest;
import vn.lgsp.hub.audit.ExchangeEvent;
import vn.lgsp.hub.audit.ExchangeRecord;
import vn.lgsp.hub.audit.ExchangeState;

/**
 * The worked example of routes as configuration, config/routes/business-registry.yaml, end to end: the hub over
 * HTTP, the national business registry as a WireMock server with its wire contract. Nothing here is Java of the
 * service: the file and the hub-rest-lookup template do it all.
 */
@ExtendWith(OutputCaptureExtension.class)
class BusinessRegistryIT extends HubIntegrationTest {

    private static final String CODE = "2800123456";
    private static final String BRANCH = "2800123456-001";
    private static final String REPRESENTATIVE = "Nguyễn Văn An";
    private static final String KEY = "bizreg-key";
    private static final String UPSTREAM = "/dkdn/v1/enterprises/";
    private static final String PATH = "/api/v1/business-registry/enterprises/";
    private static final String RECORD = """
            {"maSoDoanhNghiep":"%s","tenDoanhNghiep":"CÔNG TY CỔ PHẦN VẬT LIỆU XÂY DỰNG THANH HÓA",
             "tenVietTat":"VLXD THANH HOA","loaiHinh":"CONG_TY_CO_PHAN","tinhTrang":"DANG_HOAT_DONG",
             "ngayCapLanDau":"2010-04-12","diaChiTruSo":"Số 1 Lê Lợi, TP Thanh Hóa",
             "nguoiDaiDienTheoPhapLuat":"%s","vonDieuLe":5000000000}
            """;

    @Autowired
    private UpstreamBreakers breakers;

    @Autowired
    private MeterRegistry meters;

    @Autowired
    private CamelContext camel;

    private static boolean warm;

    @BeforeEach
    void freshUpstream() {
        if (!warm) {
            // the first call through a fresh HTTP client loads much; keep that out of the lookups' time limit
            answer(CODE, 200, RECORD.formatted(CODE, REPRESENTATIVE));
            lookup(CODE, KEY);
            warm = true;
        }
        BIZREG.resetAll();
        breakers.of("bizreg").reset();
    }

    @AfterEach
    void noPersonalDataInTheLog(CapturedOutput output) {
        assertThat(output.getAll()).doesNotContain(REPRESENTATIVE, "test-bizreg-key", "/enterprises/" + CODE,
                " " + CODE);
    }

    private static void answer(String code, int status, String body) {
        BIZREG.stubFor(get(urlEqualTo(UPSTREAM + code)).withHeader("X-Api-Key", equalTo("test-bizreg-key"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    private HubClient.Reply lookup(String code, String key) {
        return hub.get(PATH + code, key);
    }

    @Test
    void looksAnEnterpriseUpWithEnglishFieldNames() {
        answer(CODE, 200, RECORD.formatted(CODE, REPRESENTATIVE));
        double before = calls("ok", "none");

        HubClient.Reply r = lookup(CODE, KEY);

        assertThat(r.status()).as(r.body() + BIZREG.getAllServeEvents().stream()
                .map(e -> e.getRequest().getAbsoluteUrl() + " " + e.getRequest().getHeaders()).toList())
                .isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode body = r.json();
        assertThat(body.path("enterpriseCode").asText()).isEqualTo(CODE);
        assertThat(body.path("name").asText()).isEqualTo("CÔNG TY CỔ PHẦN VẬT LIỆU XÂY DỰNG THANH HÓA");
        assertThat(body.path("shortName").asText()).isEqualTo("VLXD THANH HOA");
        assertThat(body.path("type").asText()).isEqualTo("CONG_TY_CO_PHAN");
        assertThat(body.path("status").asText()).isEqualTo("DANG_HOAT_DONG");
        assertThat(body.path("registeredOn").asText()).isEqualTo("2010-04-12");
        assertThat(body.path("address").asText()).isEqualTo("Số 1 Lê Lợi, TP Thanh Hóa");
        assertThat(body.path("legalRepresentative").asText()).isEqualTo(REPRESENTATIVE);
        assertThat(body.path("charterCapital").asLong()).isEqualTo(5_000_000_000L);
        assertThat(body.has("maSoDoanhNghiep")).isFalse();
        // the hub's key went to the registry, the client's did not
        BIZREG.verify(1, getRequestedFor(urlEqualTo(UPSTREAM + CODE))
                .withHeader("X-Api-Key", equalTo("test-bizreg-key")));

        ExchangeRecord x = exchangeLog.find(body.path("exchangeId").asText()).orElseThrow();
        assertThat(x.flow()).isEqualTo("business-registry");
        assertThat(x.operation()).isEqualTo("lookup");
        assertThat(x.clientId()).isEqualTo("bizreg-client");
        assertThat(x.state()).isEqualTo(ExchangeState.DELIVERED);
        assertThat(x.subjectMasked()).isEqualTo("280***3456");
        assertThat(x.subjectKey()).isNull();
        assertThat(exchangeLog.events(x.id())).extracting(ExchangeEvent::detail)
                .allSatisfy(d -> assertThat(String.valueOf(d)).doesNotContain(REPRESENTATIVE, CODE));
        assertThat(calls("ok", "none")).isEqualTo(before + 1);
        assertThat(meters.find("hub.upstream.calls").tag("flow", "business-registry").tag("connector", "bizreg")
                .tag("outcome", "ok").timer()).isNotNull();
        assertThat(camel.getRoute("business-registry.lookup")).isNotNull();
        assertThat(camel.getRoute("bizreg-lookup")).isNotNull();
    }

    @Test
    void aBranchCodeIsAccepted() {
        answer(BRANCH, 200, RECORD.formatted(BRANCH, REPRESENTATIVE));

        HubClient.Reply r = lookup(BRANCH, KEY);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("enterpriseCode").asText()).isEqualTo(BRANCH);
    }

    @Test
    void anUnknownCodeIsNotFound() {
        answer(CODE, 404, "{\"maLoi\":\"KHONG_TIM_THAY\",\"thongBao\":\"Không tìm thấy doanh nghiệp\"}");

        HubClient.Reply r = lookup(CODE, KEY);

        assertThat(r.status()).as(r.body()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo("upstream.not_found");
        assertThat(r.json().path("upstream").asText()).isEqualTo("bizreg");
        ExchangeRecord x = exchangeLog.find(r.json().path("exchangeId").asText()).orElseThrow();
        assertThat(x.state()).isEqualTo(ExchangeState.FAILED);
        assertThat(x.lastErrorCode()).isEqualTo("upstream.not_found");
    }

    @Test
    void aMalformedCodeIsRefusedBeforeTheRegistryIsCalled() {
        double before = calls("error", "request.invalid_field");
        for (String bad : new String[] {"28001234", "28001234567", "2800123456-01", "280012345A", "2800123456-0011"}) {
            HubClient.Reply r = lookup(bad, KEY);

            assertThat(r.status()).as(bad + ": " + r.body()).isEqualTo(400);
            assertThat(r.code()).isEqualTo("request.invalid_field");
            assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("enterpriseCode");
        }
        BIZREG.verify(0, getRequestedFor(urlPathMatching("/dkdn/.*")));
        assertThat(calls("error", "request.invalid_field")).isEqualTo(before + 5);
    }

    @Test
    void aRegistryFaultIsUnavailableAndOpensTheBreaker() {
        answer(CODE, 503, "{\"maLoi\":\"LOI_HE_THONG\"}");

        for (int i = 0; i < 3; i++) {
            HubClient.Reply r = lookup(CODE, KEY);
            assertThat(r.status()).as(r.body()).isEqualTo(503);
            assertThat(r.code()).isEqualTo("upstream.unavailable");
            assertThat(r.json().path("upstream").asText()).isEqualTo("bizreg");
        }
        BIZREG.verify(3, getRequestedFor(urlEqualTo(UPSTREAM + CODE)));

        // open: answered at once, the registry is not called
        HubClient.Reply open = lookup(CODE, KEY);
        assertThat(open.status()).isEqualTo(503);
        assertThat(open.code()).isEqualTo("upstream.unavailable");
        BIZREG.verify(3, getRequestedFor(urlEqualTo(UPSTREAM + CODE)));
        assertThat(breakers.of("bizreg").getState().name()).isEqualTo("OPEN");
    }

    @Test
    void aSlowRegistryIsUnavailable() {
        BIZREG.stubFor(get(urlEqualTo(UPSTREAM + CODE)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(RECORD.formatted(CODE, REPRESENTATIVE))
                .withFixedDelay(6000)));

        HubClient.Reply r = lookup(CODE, KEY);

        assertThat(r.status()).as(r.body()).isEqualTo(503);
        assertThat(r.code()).isEqualTo("upstream.unavailable");
    }

    @Test
    void aMalformedReplyIsBadGateway() {
        answer(CODE, 200, "<html>maintenance</html>");
        HubClient.Reply notJson = lookup(CODE, KEY);
        assertThat(notJson.status()).as(notJson.body()).isEqualTo(502);
        assertThat(notJson.code()).isEqualTo("upstream.malformed_reply");

        answer(CODE, 200, "{\"tinhTrang\":\"DANG_HOAT_DONG\"}");
        HubClient.Reply incomplete = lookup(CODE, KEY);
        assertThat(incomplete.status()).as(incomplete.body()).isEqualTo(502);
        assertThat(incomplete.code()).isEqualTo("upstream.malformed_reply");
    }

    @Test
    void aClientWithoutTheAccessRightIsForbidden() {
        answer(CODE, 200, RECORD.formatted(CODE, REPRESENTATIVE));

        HubClient.Reply forbidden = lookup(CODE, "verifier-key");
        HubClient.Reply anonymous = lookup(CODE, null);

        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.code()).isEqualTo("auth.forbidden");
        assertThat(anonymous.status()).isEqualTo(401);
        BIZREG.verify(0, getRequestedFor(urlPathMatching("/dkdn/.*")));
    }

    @Test
    void otherMethodsAndPathsAreNotOpened() {
        HubClient.Reply post = hub.post(PATH + CODE, KEY, "application/json", "{}");
        HubClient.Reply below = lookup(CODE + "/x", KEY);

        assertThat(post.status()).isIn(403, 405);
        assertThat(below.status()).isIn(403, 404);
        BIZREG.verify(0, getRequestedFor(urlPathMatching("/dkdn/.*")));
    }

    private double calls(String outcome, String code) {
        Counter c = meters.find(RestLookup.CALLS).tag("flow", "business-registry").tag("connector", "bizreg")
                .tag("operation", "lookup").tag("outcome", outcome).tag("code", code).tag("client", "bizreg-client")
                .counter();
        return c == null ? 0 : c.count();
    }
}
