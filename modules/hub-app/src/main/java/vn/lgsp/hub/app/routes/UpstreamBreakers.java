package vn.lgsp.hub.app.routes;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One circuit breaker per upstream of the route files (by its connector code), shared by every route that calls it:
 * when the business registry is down, all its operations stop calling it. Built here rather than from the EIP's own
 * options, which count the wait in open state in whole seconds only (as connector-population does).
 */
public class UpstreamBreakers {

    private final RoutesProperties.Breaker settings;
    private final Map<String, CircuitBreaker> byUpstream = new ConcurrentHashMap<>();

    public UpstreamBreakers(RoutesProperties.Breaker settings) {
        this.settings = settings;
    }

    public CircuitBreaker of(String upstream) {
        return byUpstream.computeIfAbsent(upstream, u -> CircuitBreaker.of("route-" + u, CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .minimumNumberOfCalls(settings.minimumCalls())
                .slidingWindowType(SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .waitDurationInOpenState(settings.waitInOpenState())
                .writableStackTraceEnabled(false)
                .build()));
    }

    /** The breakers made so far, by upstream code. */
    public Map<String, CircuitBreaker> all() {
        return Map.copyOf(byUpstream);
    }
}
