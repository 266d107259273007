package vn.lgsp.hub.connector.population;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
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

class PopulationCircuitBreakerTest extends ConnectorRouteTest {

    private static final String PATH = "/ws/population";

    @RegisterExtension
    static final SimulatorExtension<StubServer> population = SimulatorExtension.of(StubServer::new);

    @DynamicPropertySource
    static void populationProperties(DynamicPropertyRegistry registry) {
        registry.add("hub.connector.population.address", () -> population.baseUrl() + PATH);
        registry.add("hub.connector.population.verify.timeout", () -> "2s");
        registry.add("hub.connector.population.verify.minimum-calls", () -> "3");
        registry.add("hub.connector.population.verify.sliding-window-size", () -> "3");
        registry.add("hub.connector.population.verify.failure-rate-threshold", () -> "50");
        registry.add("hub.connector.population.verify.wait-in-open-state", () -> "500ms");
        registry.add("hub.connector.population.verify.permitted-calls-in-half-open-state", () -> "1");
    }

    @Autowired
    private PopulationCircuitBreakers breakers;

    @BeforeEach
    void closeBreaker() {
        SampleReplies.warmUp(template, population.get().wireMock(), PATH);
        breakers.verify().reset();
    }

    private Throwable verify() {
        return catchThrowable(() -> template.requestBody(PopulationRoutes.VERIFY, SampleReplies.request(),
                VerificationResult.class));
    }

    private static ErrorCode code(Throwable thrown) {
        assertThat(thrown).isNotNull();
        assertThat(thrown.getCause()).as(String.valueOf(thrown.getCause())).isInstanceOf(HubException.class);
        return ((HubException) thrown.getCause()).errorCode();
    }

    private static void upstream(int status, String body) {
        population.get().wireMock().stubFor(post(PATH).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "text/xml; charset=UTF-8").withBody(body)));
    }

    @Test
    void opensAfterFailuresFailsFastAndClosesAgainAfterTheWait() {
        upstream(500, SampleReplies.serverFault());
        for (int i = 0; i < 3; i++) {
            assertThat(code(verify())).isEqualTo(ErrorCode.POPULATION_UNAVAILABLE);
        }
        assertThat(breakers.verify().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        population.get().wireMock().verify(3, postRequestedFor(urlEqualTo(PATH)));

        // open: refused at once, the database is not called
        long start = System.nanoTime();
        Throwable refused = verify();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(300));
        assertThat(code(refused)).isEqualTo(ErrorCode.POPULATION_UNAVAILABLE);
        assertThat(((HubException) refused.getCause()).errorCode().code()).isEqualTo("population.unavailable");
        assertThat(refused.getCause().getMessage()).contains("circuit breaker is open");
        population.get().wireMock().verify(3, postRequestedFor(urlEqualTo(PATH)));

        // the database recovers; after the wait a trial call goes through and closes the breaker
        upstream(200, SampleReplies.verified());
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> verify() == null);
        assertThat(breakers.verify().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        VerificationResult result = template.requestBody(PopulationRoutes.VERIFY, SampleReplies.request(),
                VerificationResult.class);
        assertThat(result.exists()).isTrue();
    }

    @Test
    void refusalsDoNotOpenTheBreaker() {
        upstream(500, SampleReplies.refusal());
        for (int i = 0; i < 5; i++) {
            assertThat(code(verify())).isEqualTo(ErrorCode.POPULATION_REJECTED);
        }
        assertThat(breakers.verify().getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        population.get().wireMock().verify(5, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void timeoutsCountAsFailures() {
        population.get().wireMock().stubFor(post(PATH).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/xml; charset=UTF-8").withBody(SampleReplies.verified())
                .withFixedDelay(3500)));
        for (int i = 0; i < 3; i++) {
            assertThat(code(verify())).isEqualTo(ErrorCode.POPULATION_UNAVAILABLE);
        }
        assertThat(breakers.verify().getState()).isEqualTo(CircuitBreaker.State.OPEN);
    }
}
