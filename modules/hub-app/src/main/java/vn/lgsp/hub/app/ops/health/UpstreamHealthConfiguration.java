package vn.lgsp.hub.app.ops.health;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.lgsp.hub.connector.docex.axis.AxisClient;
import vn.lgsp.hub.connector.docex.axis.AxisHealthIndicator;
import vn.lgsp.hub.connector.onestop.OneStopClient;
import vn.lgsp.hub.connector.onestop.OneStopHealthIndicator;
import vn.lgsp.hub.connector.population.PopulationCircuitBreakers;
import vn.lgsp.hub.connector.portal.PortalClient;
import vn.lgsp.hub.connector.portal.PortalHealthIndicator;

/**
 * One health contributor per upstream system: {@code portal}, {@code population}, {@code onestop},
 * {@code docexAxis}, grouped as {@code /actuator/health/upstreams} and kept out of readiness and liveness. Each
 * reports from the traffic it has seen, never by calling the upstream. The connectors' own indicators are replaced
 * (same bean names, so theirs back off) by the same ones with DOWN turned into DEGRADED: an upstream away degrades
 * the hub, whose deliveries wait and retry, and leaves it in the load balancer. Each can be switched off as the
 * connectors' own could, with {@code management.health.<portal|onestop|docex-axis|population>.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
public class UpstreamHealthConfiguration {

    /** What a contributor says when its connector is switched off. */
    private static final HealthIndicator NOT_CONFIGURED =
            () -> Health.unknown().withDetail("connector", "disabled").build();

    @Bean
    @ConditionalOnEnabledHealthIndicator("portal")
    HealthIndicator portalHealthIndicator(ObjectProvider<PortalClient> portal) {
        PortalClient client = portal.getIfAvailable();
        return client == null ? NOT_CONFIGURED : new DegradedWhenDown(new PortalHealthIndicator(client.status()));
    }

    @Bean
    @ConditionalOnEnabledHealthIndicator("onestop")
    HealthIndicator onestopHealthIndicator(ObjectProvider<OneStopClient> onestop) {
        OneStopClient client = onestop.getIfAvailable();
        return client == null ? NOT_CONFIGURED : new DegradedWhenDown(new OneStopHealthIndicator(client.status()));
    }

    @Bean
    @ConditionalOnEnabledHealthIndicator("docex-axis")
    HealthIndicator docexAxisHealthIndicator(ObjectProvider<AxisClient> axis) {
        AxisClient client = axis.getIfAvailable();
        return client == null ? NOT_CONFIGURED : new DegradedWhenDown(new AxisHealthIndicator(client.status()));
    }

    @Bean
    @ConditionalOnEnabledHealthIndicator("population")
    HealthIndicator populationHealthIndicator(ObjectProvider<PopulationCircuitBreakers> breakers, Clock clock) {
        PopulationCircuitBreakers b = breakers.getIfAvailable();
        if (b == null) {
            return NOT_CONFIGURED;
        }
        Map<String, CircuitBreaker> byOperation = new LinkedHashMap<>();
        byOperation.put("VERIFY", b.verify());
        byOperation.put("LOOKUP", b.lookup());
        return new PopulationHealthIndicator(byOperation, clock);
    }
}
