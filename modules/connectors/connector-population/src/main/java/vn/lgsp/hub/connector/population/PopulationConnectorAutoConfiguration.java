package vn.lgsp.hub.connector.population;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Wires the population connector when {@code hub.connector.population.enabled} is true (the default). Every bean
 * backs off when the application defines its own.
 *
 * <p>No cache is wired, on purpose: citizen data is fetched for each call and forgotten after it, because the law
 * wants each use of it to have its own purpose (Nghị định 13/2023, Luật 91/2025; DOMAIN.md §4.2).
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "hub.connector.population", name = "enabled", havingValue = "true",
        matchIfMissing = true)
@EnableConfigurationProperties(PopulationProperties.class)
public class PopulationConnectorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public PopulationMapper populationMapper(PopulationProperties properties) {
        return new PopulationMapper(properties.getIntegrationCode());
    }

    @Bean
    @ConditionalOnMissingBean
    public PopulationCircuitBreakers populationCircuitBreakers(PopulationProperties properties) {
        return PopulationCircuitBreakers.from(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    public PopulationRoutes populationRoutes(PopulationProperties properties, PopulationMapper populationMapper,
            PopulationCircuitBreakers populationCircuitBreakers) {
        return new PopulationRoutes(properties, populationMapper, populationCircuitBreakers);
    }
}
