package vn.lgsp.hub.connector.onestop;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
@SpringBootTest(classes = OneStopRoutesTest.TestApplication.class)
class OneStopRoutesTest {

    @RegisterExtension
    static final WireMockExtension onestop = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @DynamicPropertySource
    static void onestopProperties(DynamicPropertyRegistry registry) {
        registry.add("hub.connector.onestop.base-url", onestop::baseUrl);
        registry.add("hub.connector.onestop.api-key", () -> "k1");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TestApplication {
    }

    @Autowired
    private ProducerTemplate template;

    @Autowired
    private CamelContext camel;

    @Test
    void routeIsRegisteredUnderTheConnectorsId() {
        assertThat(camel.getRoute(OneStopRoutes.DELIVER_DOSSIER_ROUTE_ID)).isNotNull();
    }

    @Test
    void deliveryReturnsTheReceipt() {
        onestop.stubFor(post(OneStopClient.DOSSIERS_PATH).willReturn(okJson("{\"receiptNumber\":\"BN-000001\"}")));

        Object receipt = template.requestBodyAndHeader(OneStopRoutes.DELIVER_DOSSIER, SampleDeliveries.verified(),
                HubHeaders.EVENT_KEY, "intake-42");

        assertThat(receipt).isEqualTo(new OneStopReceipt("BN-000001", false));
        onestop.verify(1, postRequestedFor(urlEqualTo(OneStopClient.DOSSIERS_PATH))
                .withHeader("X-Idempotency-Key", equalTo("intake-42"))
                .withHeader("X-API-Key", equalTo("k1")));
    }

    @Test
    void failureReachesTheCallerAsOneStopException() {
        onestop.stubFor(post(OneStopClient.DOSSIERS_PATH).willReturn(aResponse().withStatus(503)));

        Exchange done = template.send(OneStopRoutes.DELIVER_DOSSIER, exchange -> {
            exchange.getMessage().setBody(SampleDeliveries.verified());
            exchange.getMessage().setHeader(HubHeaders.EVENT_KEY, "intake-43");
        });

        assertThat(done.getException()).isInstanceOfSatisfying(OneStopException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.ONESTOP_UNAVAILABLE);
            assertThat(e.retryable()).isTrue();
        });
    }

    @Test
    void missingKeyIsRefusedBeforeAnyCall() {
        Exchange done = template.send(OneStopRoutes.DELIVER_DOSSIER,
                exchange -> exchange.getMessage().setBody(SampleDeliveries.verified()));

        assertThat(done.getException()).isInstanceOfSatisfying(HubException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INTERNAL));
        onestop.verify(0, postRequestedFor(urlEqualTo(OneStopClient.DOSSIERS_PATH)));
    }
}
