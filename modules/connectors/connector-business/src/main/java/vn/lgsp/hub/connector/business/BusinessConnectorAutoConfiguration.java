package vn.lgsp.hub.connector.business;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the national business registration connector when {@code hub.connector.business.enabled} is true (the default). Every bean backs off
 * when the application defines its own. No circuit breaker here: the {@code hub-rest-lookup} route template that
 * exposes the route has one per operation.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "hub.connector.business", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(BusinessProperties.class)
public class BusinessConnectorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public BusinessCallStatus businessCallStatus() {
        return new BusinessCallStatus(java.time.Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    public BusinessRoutes businessRoutes(BusinessProperties properties, BusinessCallStatus businessCallStatus) {
        return new BusinessRoutes(properties, new BusinessReplies(), businessCallStatus);
    }

    /** Only with actuator on the classpath; the bean name makes the contributor show as "business". */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    @ConditionalOnProperty(prefix = "management.health.business", name = "enabled", havingValue = "true",
            matchIfMissing = true)
    static class BusinessHealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "businessHealthIndicator")
        public BusinessHealthIndicator businessHealthIndicator(BusinessCallStatus businessCallStatus) {
            return new BusinessHealthIndicator(businessCallStatus);
        }
    }
}
