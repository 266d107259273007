package vn.lgsp.hub.connector.population;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.lgsp.hub.connector.testkit.ConnectorRouteTest;
import vn.lgsp.hub.connector.testkit.SimulatorExtension;
import vn.lgsp.hub.connector.testkit.StubServer;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;

class PopulationRoutesTest extends ConnectorRouteTest {

    private static final String PATH = "/ws/population";

    // every reply is stubbed here (exact SOAP faults and replies), so a bare WireMock rather than the simulator
    @RegisterExtension
    static final SimulatorExtension<StubServer> population = SimulatorExtension.of(StubServer::new);

    @DynamicPropertySource
    static void populationProperties(DynamicPropertyRegistry registry) {
        registry.add("hub.connector.population.address", () -> population.baseUrl() + PATH);
        registry.add("hub.connector.population.integration-code", () -> "037");
        for (String op : new String[] {"verify", "lookup"}) {
            registry.add("hub.connector.population." + op + ".timeout", () -> "2s");
            // the breaker has its own test; here it must stay closed whatever fails
            registry.add("hub.connector.population." + op + ".minimum-calls", () -> "1000");
            registry.add("hub.connector.population." + op + ".sliding-window-size", () -> "1000");
        }
    }

    @Autowired
    private PopulationCircuitBreakers breakers;

    @BeforeEach
    void closeBreakers() {
        SampleReplies.warmUp(template, population.get().wireMock(), PATH);
        breakers.verify().reset();
        breakers.lookup().reset();
    }

    private void answer(String soapAction, String xml) {
        population.get().wireMock().stubFor(post(PATH).withHeader("SOAPAction", containing(soapAction))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml; charset=UTF-8")
                        .withBody(xml)));
    }

    private HubException failure(String uri) {
        Throwable thrown = failure(uri, SampleReplies.request(), Map.of());
        assertThat(thrown).isInstanceOf(HubException.class);
        return (HubException) thrown;
    }

    @Test
    void routesAreRegisteredUnderTheConnectorsIds() {
        assertThat(camel.getRoute(PopulationRoutes.VERIFY_ROUTE_ID)).isNotNull();
        assertThat(camel.getRoute(PopulationRoutes.LOOKUP_ROUTE_ID)).isNotNull();
    }

    @Test
    void verifySendsThePurposeAndMapsTheMatchedCitizen() {
        answer("XacThucThongTinCongDan", SampleReplies.verified());

        VerificationResult result = template.requestBody(PopulationRoutes.VERIFY, SampleReplies.request(),
                VerificationResult.class);

        assertThat(result.exists()).isTrue();
        CitizenRecord citizen = result.matched();
        assertThat(citizen.personalId()).isEqualTo(SampleReplies.ID);
        assertThat(citizen.fullName()).isEqualTo("Nguyễn Văn An");
        assertThat(citizen.birthDate()).isEqualTo(LocalDate.of(1995, 3, 7));
        assertThat(citizen.permanentResidence().detail()).isEqualTo("Số 12 phố Lê Lợi");
        assertThat(citizen.householdHead().relationship()).isEqualTo("Con");
        population.get().wireMock().verify(1, postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(containing("XacThucThongTinCongDan"))
                .withRequestBody(containing("<MaYeuCau>req-0001</MaYeuCau>").or(containing(">req-0001</")))
                .withRequestBody(containing(">1.004616</"))
                .withRequestBody(containing(">037</"))
                .withRequestBody(containing(">canbo01</"))
                .withRequestBody(containing(">038095123456</"))
                .withRequestBody(containing(">19950307</")));
    }

    @Test
    void callsAreHttp11KeepAliveWithoutAnUpgradeAttempt() {
        // the JDK HttpClient conduit asked for an h2c upgrade on every call and completed it through a new thread
        // on small machines (see PopulationCxfConfigurer); the HttpURLConnection conduit keeps the connection alive
        answer("XacThucThongTinCongDan", SampleReplies.verified());

        template.requestBody(PopulationRoutes.VERIFY, SampleReplies.request(), VerificationResult.class);

        population.get().wireMock().verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Connection", equalTo("keep-alive"))
                .withoutHeader("Upgrade"));
    }

    @Test
    void verifyAnswersNoWhenTheDatabaseSaysNo() {
        answer("XacThucThongTinCongDan", SampleReplies.notVerified());

        VerificationResult result = template.requestBody(PopulationRoutes.VERIFY, SampleReplies.request(),
                VerificationResult.class);

        assertThat(result.exists()).isFalse();
        assertThat(result.matched()).isNull();
    }

    @Test
    void lookupMapsTheCollection() {
        answer("TraCuuThongTinCongDan", SampleReplies.lookedUp());

        LookupResult result = template.requestBody(PopulationRoutes.LOOKUP, SampleReplies.request(),
                LookupResult.class);

        assertThat(result.found()).isTrue();
        assertThat(result.citizens()).singleElement().satisfies(c -> {
            assertThat(c.givenName()).isEqualTo("An");
            assertThat(c.father().personalId()).isEqualTo("038065000111");
            assertThat(c.mother().oldIdNumber()).isEqualTo("171234567");
        });
        population.get().wireMock().verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("SOAPAction", containing("TraCuuThongTinCongDan"))
                .withRequestBody(containing("TraCuuThongTinCongDan")));
    }

    @Test
    void aDeclaredRefusalIsRejectedAndDoesNotCountAgainstTheBreaker() {
        population.get().wireMock().stubFor(post(PATH).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "text/xml; charset=UTF-8").withBody(SampleReplies.refusal())));

        HubException e = failure(PopulationRoutes.VERIFY);

        assertThat(e.errorCode()).isEqualTo(ErrorCode.POPULATION_REJECTED);
        assertThat(e.getMessage()).contains("E403").doesNotContain(SampleReplies.ID);
        assertThat(breakers.verify().getMetrics().getNumberOfFailedCalls()).isZero();
        assertThat(breakers.verify().getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(1);
    }

    @Test
    void aServerFaultIsUnavailable() {
        population.get().wireMock().stubFor(post(PATH).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "text/xml; charset=UTF-8").withBody(SampleReplies.serverFault())));

        assertThat(failure(PopulationRoutes.LOOKUP).errorCode()).isEqualTo(ErrorCode.POPULATION_UNAVAILABLE);
        assertThat(breakers.lookup().getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
    }

    @Test
    void anHttp500WithoutSoapIsUnavailable() {
        population.get().wireMock().stubFor(post(PATH).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Bad gateway</body></html>")));

        assertThat(failure(PopulationRoutes.VERIFY).errorCode()).isEqualTo(ErrorCode.POPULATION_UNAVAILABLE);
    }

    @Test
    void anHttp503WithoutBodyIsUnavailable() {
        population.get().wireMock().stubFor(post(PATH).willReturn(aResponse().withStatus(503)));

        assertThat(failure(PopulationRoutes.VERIFY).errorCode()).isEqualTo(ErrorCode.POPULATION_UNAVAILABLE);
    }

    @Test
    void aConnectionResetIsUnavailable() {
        population.get().wireMock().stubFor(post(PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThat(failure(PopulationRoutes.LOOKUP).errorCode()).isEqualTo(ErrorCode.POPULATION_UNAVAILABLE);
    }

    @Test
    void aSlowReplyTimesOutAsUnavailable() {
        population.get().wireMock().stubFor(post(PATH).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/xml; charset=UTF-8").withBody(SampleReplies.verified())
                .withFixedDelay(5000)));

        long start = System.nanoTime();
        HubException e = failure(PopulationRoutes.VERIFY);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(e.errorCode()).isEqualTo(ErrorCode.POPULATION_UNAVAILABLE);
        assertThat(e.getMessage()).contains("in time");
        assertThat(took).isLessThan(Duration.ofMillis(4000));
    }

    @Test
    void malformedXmlIsAMalformedReply() {
        answer("XacThucThongTinCongDan", "<?xml version=\"1.0\"?><soap:Envelope xmlns:soap="
                + "\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><dc:KetQua");

        HubException e = failure(PopulationRoutes.VERIFY);

        assertThat(e.errorCode()).isEqualTo(ErrorCode.POPULATION_MALFORMED_REPLY);
    }

    @Test
    void aReplyWithoutVerdictIsAMalformedReply() {
        answer("XacThucThongTinCongDan", SampleReplies.verdictMissing());

        assertThat(failure(PopulationRoutes.VERIFY).errorCode()).isEqualTo(ErrorCode.POPULATION_MALFORMED_REPLY);
    }

    @Test
    void aReplyOfTheWrongElementIsAMalformedReply() {
        answer("XacThucThongTinCongDan", SampleReplies.envelope("<x:Other xmlns:x=\"urn:other\">1</x:Other>"));

        assertThat(failure(PopulationRoutes.VERIFY).errorCode()).isEqualTo(ErrorCode.POPULATION_MALFORMED_REPLY);
    }
}
