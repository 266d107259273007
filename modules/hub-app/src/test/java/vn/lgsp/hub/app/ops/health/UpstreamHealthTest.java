package vn.lgsp.hub.app.ops.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class UpstreamHealthTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneOffset.UTC);

    @Test
    void aConnectorThatIsDownIsReportedDegradedWithItsDetails() {
        Health h = new DegradedWhenDown(() -> Health.down().withDetail("lastErrorCode", "portal.unavailable").build())
                .health();
        assertThat(h.getStatus()).isEqualTo(UpstreamStatus.DEGRADED);
        assertThat(h.getDetails()).containsEntry("lastErrorCode", "portal.unavailable");

        assertThat(new DegradedWhenDown(() -> Health.up().build()).health().getStatus()).isEqualTo(Status.UP);
        assertThat(new DegradedWhenDown(() -> Health.unknown().build()).health().getStatus())
                .isEqualTo(Status.UNKNOWN);
    }

    @Test
    void populationFollowsItsBreakers() {
        CircuitBreaker verify = CircuitBreaker.of("population-verify", CircuitBreakerConfig.custom()
                .minimumNumberOfCalls(2).slidingWindowSize(2).build());
        CircuitBreaker lookup = CircuitBreaker.ofDefaults("population-lookup");
        Map<String, CircuitBreaker> breakers = new LinkedHashMap<>();
        breakers.put("VERIFY", verify);
        breakers.put("LOOKUP", lookup);
        PopulationHealthIndicator indicator = new PopulationHealthIndicator(breakers, CLOCK);

        assertThat(indicator.health().getStatus()).as("before the first call").isEqualTo(Status.UNKNOWN);

        verify.onSuccess(10, TimeUnit.MILLISECONDS);
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

        // the message of a failure is never shown: it may quote the citizen asked about
        verify.onError(10, TimeUnit.MILLISECONDS, new SocketTimeoutException("038095123456 Nguyễn Văn An"));
        verify.onError(10, TimeUnit.MILLISECONDS, new SocketTimeoutException("038095123456 Nguyễn Văn An"));
        Health h = indicator.health();
        assertThat(h.getStatus()).isEqualTo(UpstreamStatus.DEGRADED);
        assertThat(h.getDetails()).containsEntry("lastError", "SocketTimeoutException")
                .containsEntry("lastFailureAt", "2026-11-22T02:00:00Z");
        assertThat(h.getDetails().get("verify")).asString().contains("breaker=OPEN");
        assertThat(h.getDetails().get("lookup")).asString().contains("breaker=CLOSED");
        assertThat(h.getDetails().toString()).doesNotContain("038095123456", "Nguyễn");

        verify.transitionToHalfOpenState();
        assertThat(indicator.health().getStatus()).isEqualTo(UpstreamStatus.DEGRADED);
        verify.transitionToClosedState();
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }
}
