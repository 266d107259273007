package vn.lgsp.hub.app.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.lgsp.hub.app.support.HubClient;
import vn.lgsp.hub.app.support.HubIntegrationTest;
import vn.lgsp.hub.audit.ExchangeRecord;
import vn.lgsp.hub.audit.ExchangeState;
import vn.lgsp.hub.simulators.StandardFault;
import vn.lgsp.hub.simulators.business.BusinessSimulator;

/**
 * The worked example done as a module, end to end: connector-business's route file (classpath
 * {@code hub-routes/business.yaml}) exposes its {@code business-lookup} route through the hub-rest-lookup template,
 * against the business registration simulator. The YAML-only version of the same lookup is {@link BusinessRegistryIT}.
 */
class EnterprisesModuleIT extends HubIntegrationTest {

    private static final String KEY = "enterprises-key";
    private static final String PATH = "/api/v1/enterprises/";
    private static final String CODE = "2800123456";

    @Autowired
    private UpstreamBreakers breakers;

    @BeforeEach
    void freshRegistry() {
        BUSINESS.reset();
        breakers.of("business").reset();
    }

    @Test
    void looksAnEnterpriseUpThroughTheModulesRoute() {
        HubClient.Reply r = hub.get(PATH + CODE, KEY);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.path("enterpriseCode").asText()).isEqualTo(CODE);
        assertThat(body.path("name").asText()).isEqualTo("CÔNG TY CỔ PHẦN ĐẦU TƯ XÂY DỰNG LAM SƠN XANH");
        assertThat(body.path("status").asText()).isEqualTo("ACTIVE");
        ExchangeRecord x = exchangeLog.find(body.path("exchangeId").asText()).orElseThrow();
        assertThat(x.flow()).isEqualTo("enterprises");
        assertThat(x.operation()).isEqualTo("lookup");
        assertThat(x.clientId()).isEqualTo("enterprises-client");
        assertThat(x.state()).isEqualTo(ExchangeState.DELIVERED);
        assertThat(x.subjectMasked()).doesNotContain(CODE);
    }

    @Test
    void anUnknownEnterpriseIsNotFoundAndNamesTheUpstream() {
        HubClient.Reply r = hub.get(PATH + BusinessSimulator.UNKNOWN_CODE, KEY);

        assertThat(r.status()).as(r.body()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo("upstream.not_found");
        assertThat(r.json().path("upstream").asText()).isEqualTo("business");
    }

    @Test
    void aMalformedCodeIsRefusedBeforeAnyCall() {
        int calls = BUSINESS.callCount();

        HubClient.Reply r = hub.get(PATH + "28001234", KEY);

        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("request.invalid_field");
        assertThat(BUSINESS.callCount()).isEqualTo(calls);
    }

    @Test
    void aRegistryFaultIsUnavailable() {
        BUSINESS.injectFault(StandardFault.HTTP_503, 1);

        HubClient.Reply r = hub.get(PATH + CODE, KEY);

        assertThat(r.status()).as(r.body()).isEqualTo(503);
        assertThat(r.code()).isEqualTo("upstream.unavailable");
    }

    @Test
    void onlyClientsHoldingTheAccessRightMayCallOrSeeIt() {
        assertThat(hub.get(PATH + CODE, "bizreg-key").status()).isEqualTo(403);

        List<String> seen = names(hub.get("/api/v1/services", KEY));
        assertThat(seen).containsExactly("enterprises");
        assertThat(names(hub.get("/api/v1/services", HubClient.DEMO_KEY)))
                .contains("enterprises", "business-registry", "citizens", "dossiers", "documents");
    }

    private static List<String> names(HubClient.Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return StreamSupport.stream(r.json().spliterator(), false).map(s -> s.path("name").asText()).toList();
    }
}
