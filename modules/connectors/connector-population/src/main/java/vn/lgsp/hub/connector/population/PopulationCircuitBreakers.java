package vn.lgsp.hub.connector.population;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;

/**
 * The two circuit breakers of the connector, one per operation. They are built here rather than from the EIP's
 * own options because those count the wait in open state in whole seconds only.
 */
public record PopulationCircuitBreakers(CircuitBreaker verify, CircuitBreaker lookup) {

    public static PopulationCircuitBreakers from(PopulationProperties properties) {
        return new PopulationCircuitBreakers(
                breaker(PopulationRoutes.VERIFY_ROUTE_ID, properties.getVerify()),
                breaker(PopulationRoutes.LOOKUP_ROUTE_ID, properties.getLookup()));
    }

    static CircuitBreaker breaker(String name, PopulationProperties.Operation operation) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .failureRateThreshold(operation.getFailureRateThreshold())
                .minimumNumberOfCalls(operation.getMinimumCalls())
                .slidingWindowType(SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(operation.getSlidingWindowSize())
                .waitDurationInOpenState(operation.getWaitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(operation.getPermittedCallsInHalfOpenState())
                .writableStackTraceEnabled(false)
                .build();
        return CircuitBreaker.of(name, config);
    }
}
