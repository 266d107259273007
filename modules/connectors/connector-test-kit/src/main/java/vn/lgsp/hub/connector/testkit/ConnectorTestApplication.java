package vn.lgsp.hub.connector.testkit;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The whole application of a connector's route test: Spring Boot's auto-configuration, so that the connector is wired
 * by its own {@code AutoConfiguration.imports} exactly as in the hub, and nothing else.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ConnectorTestApplication {
}
