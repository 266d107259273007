package vn.lgsp.hub.connector.onestop;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.lgsp.hub.connector.testkit.ConnectorRouteTest;
import vn.lgsp.hub.connector.testkit.SimulatorExtension;
import vn.lgsp.hub.core.HubHeaders;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;
import vn.lgsp.hub.simulators.Simulator;
import vn.lgsp.hub.simulators.onestop.OneStopFault;
import vn.lgsp.hub.simulators.onestop.OneStopSimulator;

class OneStopRoutesTest extends ConnectorRouteTest {

    @RegisterExtension
    static final SimulatorExtension<OneStopSimulator> onestop = SimulatorExtension.of(OneStopSimulator::new)
            .property("hub.connector.onestop.base-url", Simulator::baseUrl)
            .property("hub.connector.onestop.api-key", "k1")
            .resetBeforeEach(simulator -> {
                simulator.reset();
                simulator.wireMock().resetRequests();
            });

    @DynamicPropertySource
    static void onestopProperties(DynamicPropertyRegistry registry) {
        onestop.register(registry);
    }

    @Test
    void routeIsRegisteredUnderTheConnectorsId() {
        assertThat(camel.getRoute(OneStopRoutes.DELIVER_DOSSIER_ROUTE_ID)).isNotNull();
    }

    @Test
    void deliveryReturnsTheReceipt() {
        Object receipt = template.requestBodyAndHeader(OneStopRoutes.DELIVER_DOSSIER, SampleDeliveries.verified(),
                HubHeaders.EVENT_KEY, "intake-42");

        assertThat(receipt).isEqualTo(new OneStopReceipt("BN-000001", false));
        onestop.get().wireMock().verify(1, postRequestedFor(urlEqualTo(OneStopClient.DOSSIERS_PATH))
                .withHeader("X-Idempotency-Key", equalTo("intake-42"))
                .withHeader("X-API-Key", equalTo("k1")));
        assertThat(onestop.get().received()).singleElement()
                .satisfies(d -> assertThat(d.dossierCode()).isEqualTo(SampleDeliveries.DOSSIER_CODE));
    }

    @Test
    void failureReachesTheCallerAsOneStopException() {
        onestop.get().injectFault(OneStopFault.HTTP_503, 1);

        Exchange done = template.send(OneStopRoutes.DELIVER_DOSSIER, exchange -> {
            exchange.getMessage().setBody(SampleDeliveries.verified());
            exchange.getMessage().setHeader(HubHeaders.EVENT_KEY, "intake-43");
        });

        assertThat(done.getException()).isInstanceOfSatisfying(OneStopException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.ONESTOP_UNAVAILABLE);
            assertThat(e.retryable()).isTrue();
        });
        assertThat(onestop.get().received()).isEmpty();
    }

    @Test
    void missingKeyIsRefusedBeforeAnyCall() {
        Exchange done = template.send(OneStopRoutes.DELIVER_DOSSIER,
                exchange -> exchange.getMessage().setBody(SampleDeliveries.verified()));

        assertThat(done.getException()).isInstanceOfSatisfying(HubException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INTERNAL));
        onestop.get().wireMock().verify(0, postRequestedFor(urlEqualTo(OneStopClient.DOSSIERS_PATH)));
        assertThat(onestop.get().callCount()).isZero();
    }
}
