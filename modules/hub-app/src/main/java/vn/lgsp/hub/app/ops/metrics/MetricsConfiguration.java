package vn.lgsp.hub.app.ops.metrics;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import vn.lgsp.hub.app.delivery.DeliveryFlow;
import vn.lgsp.hub.connector.population.PopulationCircuitBreakers;

/** The hub's gauges: broker queue depths, dead-lettered exchanges, circuit breakers. Counters live at their sites. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsConfiguration.MetricsProperties.class)
public class MetricsConfiguration {

    /**
     * @param deadLetteredRefresh how often {@code hub.exchanges.dead_lettered} is counted again in the exchange log;
     *                            default 15s. A scrape reads the last count and never queries the database.
     */
    @ConfigurationProperties("hub.metrics")
    public record MetricsProperties(Duration deadLetteredRefresh) {
        public MetricsProperties {
            deadLetteredRefresh = deadLetteredRefresh == null ? Duration.ofSeconds(15) : deadLetteredRefresh;
        }
    }

    @Bean
    QueueDepthMetrics hubQueueDepthMetrics(ObjectProvider<EmbeddedActiveMQ> broker, List<DeliveryFlow> flows) {
        return new QueueDepthMetrics(broker.getIfAvailable(), flows);
    }

    @Bean
    DeadLetterCounts hubDeadLetterCounts(NamedParameterJdbcTemplate jdbc, List<DeliveryFlow> flows,
                                         MetricsProperties props) {
        return new DeadLetterCounts(jdbc, flows.stream().map(f -> f.spec().name()).toList(),
                props.deadLetteredRefresh());
    }

    @Bean
    BreakerMetrics hubPopulationBreakerMetrics(ObjectProvider<PopulationCircuitBreakers> breakers) {
        Map<String, io.github.resilience4j.circuitbreaker.CircuitBreaker> byOperation = new LinkedHashMap<>();
        PopulationCircuitBreakers b = breakers.getIfAvailable();
        if (b != null) {
            // the operation names of hub.citizens.calls and hub.upstream.calls
            byOperation.put("VERIFY", b.verify());
            byOperation.put("LOOKUP", b.lookup());
        }
        return new BreakerMetrics("population", byOperation);
    }
}
