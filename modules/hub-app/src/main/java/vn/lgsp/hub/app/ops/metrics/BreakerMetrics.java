package vn.lgsp.hub.app.ops.metrics;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import java.util.Map;

/**
 * {@code hub.breaker.state}: for each circuit breaker (connector and operation) one series per state, 1 for the
 * current one and 0 for the others, so that a change of state never creates or drops a series; and
 * {@code hub.breaker.failure.rate}, the failure rate in percent over the breaker's window (-1 until it has seen
 * enough calls). Written here rather than with resilience4j-micrometer so that the tags are the hub's.
 */
public class BreakerMetrics implements MeterBinder {

    /** Gauge: a breaker's failure rate in percent. Tags: connector, operation. */
    public static final String FAILURE_RATE = "hub.breaker.failure.rate";

    private final String connector;
    private final Map<String, CircuitBreaker> byOperation;

    public BreakerMetrics(String connector, Map<String, CircuitBreaker> byOperation) {
        this.connector = connector;
        this.byOperation = byOperation;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        byOperation.forEach((operation, breaker) -> {
            for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
                Gauge.builder(HubMetrics.BREAKER_STATE, breaker, b -> b.getState() == state ? 1 : 0)
                        .description("1 for the circuit breaker's current state, 0 for the others")
                        .tag(HubMetrics.CONNECTOR, connector).tag(HubMetrics.OPERATION, operation)
                        .tag(HubMetrics.STATE, state.name().toLowerCase(Locale.ROOT))
                        .register(registry);
            }
            Gauge.builder(FAILURE_RATE, breaker, b -> b.getMetrics().getFailureRate())
                    .description("Failure rate over the breaker's sliding window, percent; -1 before enough calls")
                    .tag(HubMetrics.CONNECTOR, connector).tag(HubMetrics.OPERATION, operation)
                    .baseUnit("percent")
                    .register(registry);
        });
    }
}
