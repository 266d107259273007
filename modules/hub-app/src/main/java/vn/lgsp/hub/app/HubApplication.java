package vn.lgsp.hub.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.integration.IntegrationAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The LGSP Hub application: wiring only; flows live in {@code flow.*}, connectors in their own modules. Spring
 * Integration is on the class path for its JDBC lock only (leadership of the polling routes, {@code cluster}); its
 * messaging infrastructure is not wanted.
 */
@SpringBootApplication(exclude = IntegrationAutoConfiguration.class)
@ConfigurationPropertiesScan
public class HubApplication {

    public static void main(String[] args) {
        SpringApplication.run(HubApplication.class, args);
    }
}
