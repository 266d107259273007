package vn.lgsp.hub.connector.portal;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the portal connector when {@code hub.connector.portal.enabled} is true (the default). Every bean backs
 * off when the application defines its own.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "hub.connector.portal", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(PortalProperties.class)
public class PortalConnectorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public PortalMapper portalMapper(PortalProperties properties) {
        return new PortalMapper(properties);
    }

    /** For a flow that receives dossiers pushed by the portal; the client maps what it fetches itself. */
    @Bean
    @ConditionalOnMissingBean
    public PortalIntakeMapper portalIntakeMapper(PortalMapper portalMapper) {
        return new PortalIntakeMapper(portalMapper);
    }

    @Bean
    @ConditionalOnMissingBean
    public PortalClient portalClient(PortalProperties properties, PortalMapper portalMapper) {
        return new PortalClient(properties, portalMapper);
    }

    @Bean
    @ConditionalOnMissingBean
    public PortalRoutes portalRoutes(PortalClient portalClient) {
        return new PortalRoutes(portalClient);
    }

    /** Only with actuator on the classpath; the bean name makes the contributor show as "portal". */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    @ConditionalOnProperty(prefix = "management.health.portal", name = "enabled", havingValue = "true",
            matchIfMissing = true)
    static class PortalHealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "portalHealthIndicator")
        public PortalHealthIndicator portalHealthIndicator(PortalClient portalClient) {
            return new PortalHealthIndicator(portalClient.status());
        }
    }
}
