package vn.lgsp.hub.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import vn.lgsp.hub.app.support.HubClient;
import vn.lgsp.hub.app.support.HubInstance;
import vn.lgsp.hub.app.support.HubIntegrationTest;
import vn.lgsp.hub.connector.population.PopulationCircuitBreakers;

/**
 * Readiness follows what the hub needs to accept (its broker and database); an upstream that is away, or whose
 * circuit breaker is open, shows in {@code /actuator/health/upstreams} as DEGRADED and leaves the hub ready.
 */
class HealthIT extends HubIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    private PopulationCircuitBreakers breakers;

    @Test
    void anOpenBreakerDegradesItsUpstreamButTheHubStaysReady() {
        breakers.verify().transitionToOpenState();
        try {
            HubClient.Reply upstreams = hub.get("/actuator/health/upstreams", HubClient.OPERATOR_KEY);
            assertThat(upstreams.status()).as(upstreams.body()).isEqualTo(200);
            JsonNode body = upstreams.json();
            assertThat(body.path("status").asText()).isEqualTo("DEGRADED");
            JsonNode population = body.path("components").path("population");
            assertThat(population.path("status").asText()).isEqualTo("DEGRADED");
            assertThat(population.path("details").path("verify").path("breaker").asText()).isEqualTo("OPEN");
            assertThat(population.path("details").path("lookup").path("breaker").asText()).isEqualTo("CLOSED");
            assertThat(body.path("components").fieldNames()).toIterable()
                    .containsExactlyInAnyOrder("portal", "population", "onestop", "docexAxis");

            // anyone may see the status, only an operator the details
            HubClient.Reply anonymous = hub.get("/actuator/health/upstreams", null);
            assertThat(anonymous.status()).isEqualTo(200);
            assertThat(anonymous.json().path("status").asText()).isEqualTo("DEGRADED");
            assertThat(anonymous.json().has("components")).isFalse();

            HubClient.Reply readiness = hub.get("/actuator/health/readiness", null);
            assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
            assertThat(readiness.json().path("status").asText()).isEqualTo("UP");
            assertThat(hub.get("/actuator/health/liveness", null).status()).isEqualTo(200);
            // the whole hub: degraded, not dead
            HubClient.Reply whole = hub.get("/actuator/health", null);
            assertThat(whole.status()).isEqualTo(200);
            assertThat(whole.json().path("status").asText()).isEqualTo("DEGRADED");

            assertThat(MetricsIT.parse(hub.get("/actuator/prometheus", HubClient.OPERATOR_KEY).body()))
                    .filteredOn(s -> s.name().equals("hub_breaker_state") && s.value() == 1.0
                            && "population".equals(s.tags().get("connector")))
                    .extracting(s -> s.tags().get("operation") + "=" + s.tags().get("state"))
                    .containsExactlyInAnyOrder("VERIFY=open", "LOOKUP=closed");
        } finally {
            breakers.verify().transitionToClosedState();
            breakers.verify().reset();
        }
        assertThat(hub.get("/actuator/health/upstreams", null).json().path("status").asText())
                .isNotEqualTo("DEGRADED");
    }

    @Test
    void readinessGoesDownWithoutTheBrokerAndWithoutTheDatabase(@TempDir Path data) throws Exception {
        try (HubInstance instance = HubInstance.start(data, "http://127.0.0.1:9")) {
            HubClient client = instance.client();
            awaitReadiness(client, 200, "UP");

            EmbeddedActiveMQ broker = instance.bean(EmbeddedActiveMQ.class);
            broker.stop();
            awaitReadiness(client, 503, "DOWN");
            // alive all the same: a restart would not bring the broker back
            assertThat(client.get("/actuator/health/liveness", null).status()).isEqualTo(200);

            broker.start();
            awaitReadiness(client, 200, "UP");

            instance.bean(HikariDataSource.class).close();
            awaitReadiness(client, 503, "DOWN");
            assertThat(client.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        }
    }

    private static void awaitReadiness(HubClient client, int status, String state) {
        await().atMost(WAIT).untilAsserted(() -> {
            HubClient.Reply r = client.get("/actuator/health/readiness", null);
            assertThat(r.status()).as(r.body()).isEqualTo(status);
            assertThat(r.json().path("status").asText()).isEqualTo(state);
        });
    }
}
