package vn.lgsp.hub.app.ops.health;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import vn.lgsp.hub.core.error.HubException;

/**
 * Health of the population database from its circuit breakers (contributor {@code population}), so that a health
 * check never calls it: UNKNOWN before the first call, UP while every breaker is closed, DEGRADED while one is open
 * or half-open. Details: each operation's breaker state, failure rate and calls in its window; the last failure's
 * time and kind (an error code or an exception class, never a message, which may quote a citizen).
 */
public class PopulationHealthIndicator implements HealthIndicator {

    private record Failure(Instant at, String error) {
    }

    private final Map<String, CircuitBreaker> byOperation;
    private final AtomicReference<Failure> lastFailure = new AtomicReference<>();

    public PopulationHealthIndicator(Map<String, CircuitBreaker> byOperation, Clock clock) {
        this.byOperation = byOperation;
        byOperation.values().forEach(b -> b.getEventPublisher().onError(e -> lastFailure.set(
                new Failure(clock.instant(), kind(e.getThrowable())))));
    }

    private static String kind(Throwable t) {
        if (t instanceof HubException h) {
            return h.errorCode().code();
        }
        return t == null ? "unknown" : t.getClass().getSimpleName();
    }

    @Override
    public Health health() {
        boolean degraded = false;
        boolean called = false;
        Health.Builder builder = new Health.Builder();
        for (Map.Entry<String, CircuitBreaker> e : byOperation.entrySet()) {
            CircuitBreaker b = e.getValue();
            CircuitBreaker.State state = b.getState();
            CircuitBreaker.Metrics m = b.getMetrics();
            degraded |= state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN
                    || state == CircuitBreaker.State.HALF_OPEN;
            called |= m.getNumberOfBufferedCalls() > 0 || state != CircuitBreaker.State.CLOSED;
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("breaker", state.name());
            d.put("failureRate", m.getFailureRate());
            d.put("bufferedCalls", m.getNumberOfBufferedCalls());
            d.put("failedCalls", m.getNumberOfFailedCalls());
            d.put("notPermittedCalls", m.getNumberOfNotPermittedCalls());
            builder.withDetail(e.getKey().toLowerCase(Locale.ROOT), d);
        }
        Failure f = lastFailure.get();
        if (f != null) {
            builder.withDetail("lastFailureAt", f.at().toString()).withDetail("lastError", f.error());
        }
        if (degraded) {
            builder.status(UpstreamStatus.DEGRADED);
        } else if (called || f != null) {
            builder.up();
        } else {
            builder.unknown();
        }
        return builder.build();
    }
}
