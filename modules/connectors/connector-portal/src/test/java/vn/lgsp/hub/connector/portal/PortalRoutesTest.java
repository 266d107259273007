package vn.lgsp.hub.connector.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.lgsp.hub.core.HubHeaders;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;

@CamelSpringBootTest
@SpringBootTest(classes = PortalRoutesTest.TestApplication.class)
class PortalRoutesTest {

    @RegisterExtension
    static final WireMockExtension portal = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @DynamicPropertySource
    static void portalProperties(DynamicPropertyRegistry registry) {
        registry.add("hub.connector.portal.base-url", portal::baseUrl);
        registry.add("hub.connector.portal.password", () -> "secret");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TestApplication {
    }

    @Autowired
    private ProducerTemplate template;

    @Autowired
    private CamelContext camel;

    @BeforeEach
    void portalAnswers() {
        portal.stubFor(post("/adapter/auth").willReturn(okJson("{\"session\":\"s1\",\"error_code\":0}")));
        portal.stubFor(post("/adapter/api").willReturn(okJson("{\"error_code\":\"0\"}")));
    }

    @Test
    void routesAreRegisteredUnderTheConnectorsIds() {
        assertThat(camel.getRoute(PortalRoutes.SYNC_DOSSIER_ROUTE_ID)).isNotNull();
        assertThat(camel.getRoute(PortalRoutes.UPDATE_PROGRESS_ROUTE_ID)).isNotNull();
    }

    @Test
    void syncDossierReachesThePortalWithTheEventKey() {
        Exchange done = template.send(PortalRoutes.SYNC_DOSSIER, exchange -> {
            exchange.getMessage().setBody(SampleEvents.accepted());
            exchange.getMessage().setHeader(HubHeaders.EVENT_KEY, "evt-42");
            exchange.getMessage().setHeader(PortalRoutes.UPDATING, true);
        });

        assertThat(done.getException()).isNull();
        portal.verify(1, postRequestedFor(urlEqualTo("/adapter/api"))
                .withHeader("X-Idempotency-Key", equalTo("evt-42"))
                .withHeader("session", equalTo("s1"))
                .withRequestBody(matchingJsonPath("$.service", equalTo("DongBoHoSoMC")))
                .withRequestBody(matchingJsonPath("$.isUpdating", equalTo("True")))
                .withRequestBody(matchingJsonPath("$.data[0].MaHoSo", equalTo(SampleEvents.DOSSIER_CODE))));
        assertThat(done.getMessage().getBody()).isEqualTo(SampleEvents.accepted());
    }

    @Test
    void updateProgressReachesThePortal() {
        template.sendBodyAndHeader(PortalRoutes.UPDATE_PROGRESS, SampleEvents.withStatus(4),
                HubHeaders.EVENT_KEY, "evt-43");

        portal.verify(1, postRequestedFor(urlEqualTo("/adapter/api"))
                .withHeader("X-Idempotency-Key", equalTo("evt-43"))
                .withRequestBody(matchingJsonPath("$.service", equalTo("CapNhatTienDoHoSoMC"))));
    }

    @Test
    void portalFailureReachesTheCallerAsPortalException() {
        portal.stubFor(post("/adapter/api").willReturn(okJson("{\"error_code\":\"-1\",\"message\":\"Sai mã TTHC\"}")));

        Exchange done = template.send(PortalRoutes.SYNC_DOSSIER, exchange -> {
            exchange.getMessage().setBody(SampleEvents.accepted());
            exchange.getMessage().setHeader(HubHeaders.EVENT_KEY, "evt-44");
            exchange.getMessage().setHeader(PortalRoutes.UPDATING, "false");
        });

        assertThat(done.getException()).isInstanceOfSatisfying(PortalException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.PORTAL_REJECTED);
            assertThat(e.retryable()).isFalse();
        });
    }

    @Test
    void fetchIntakeTakesACursorOrNothingAndAnswersWithAPage() {
        portal.stubFor(post("/adapter/api").willReturn(okJson("{\"error_code\":0,\"data\":[]}")));

        Object page = template.requestBody(PortalRoutes.FETCH_INTAKE, (Object) null);
        Exchange wrongBody = template.send(PortalRoutes.FETCH_INTAKE,
                exchange -> exchange.getMessage().setBody("20261122091500"));

        assertThat(camel.getRoute(PortalRoutes.FETCH_INTAKE_ROUTE_ID)).isNotNull();
        assertThat(page).isEqualTo(new IntakePage(java.util.List.of(), false));
        portal.verify(1, postRequestedFor(urlEqualTo("/adapter/api"))
                .withRequestBody(matchingJsonPath("$.service", equalTo("LayDanhSachHoSoTrucTuyen")))
                .withRequestBody(matchingJsonPath("$.soLuong", equalTo("100"))));
        assertThat(wrongBody.getException()).isInstanceOfSatisfying(HubException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INTERNAL));
    }

    @Test
    void missingHeadersAreRefusedBeforeAnyCall() {
        Exchange noUpdating = template.send(PortalRoutes.SYNC_DOSSIER, exchange -> {
            exchange.getMessage().setBody(SampleEvents.accepted());
            exchange.getMessage().setHeader(HubHeaders.EVENT_KEY, "evt-45");
        });
        Exchange noKey = template.send(PortalRoutes.UPDATE_PROGRESS,
                exchange -> exchange.getMessage().setBody(SampleEvents.accepted()));

        assertThat(noUpdating.getException()).isInstanceOfSatisfying(HubException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INTERNAL));
        assertThat(noKey.getException()).isInstanceOfSatisfying(HubException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INTERNAL));
        portal.verify(0, postRequestedFor(urlEqualTo("/adapter/api")));
    }
}
