package vn.lgsp.hub.connector.onestop;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the one-stop-shop connector when {@code hub.connector.onestop.enabled} is true (the default). Every bean
 * backs off when the application defines its own.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "hub.connector.onestop", name = "enabled", havingValue = "true",
        matchIfMissing = true)
@EnableConfigurationProperties(OneStopProperties.class)
public class OneStopConnectorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public OneStopClient oneStopClient(OneStopProperties properties) {
        return new OneStopClient(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    public OneStopRoutes oneStopRoutes(OneStopClient oneStopClient) {
        return new OneStopRoutes(oneStopClient);
    }

    /** Only with actuator on the classpath; the bean name makes the contributor show as "onestop". */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    @ConditionalOnProperty(prefix = "management.health.onestop", name = "enabled", havingValue = "true",
            matchIfMissing = true)
    static class OneStopHealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "onestopHealthIndicator")
        public OneStopHealthIndicator onestopHealthIndicator(OneStopClient oneStopClient) {
            return new OneStopHealthIndicator(oneStopClient.status());
        }
    }
}
