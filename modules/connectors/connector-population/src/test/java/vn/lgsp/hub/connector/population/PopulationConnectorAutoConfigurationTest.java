package vn.lgsp.hub.connector.population;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PopulationConnectorAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PopulationConnectorAutoConfiguration.class));

    @Test
    void wiresTheConnectorByDefault() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(PopulationMapper.class)
                    .hasSingleBean(PopulationCircuitBreakers.class)
                    .hasSingleBean(PopulationRoutes.class);
            PopulationProperties properties = context.getBean(PopulationProperties.class);
            assertThat(properties.getAddress()).isEqualTo("http://127.0.0.1:18082/ws/population");
            assertThat(properties.getIntegrationCode()).isEmpty();
            for (PopulationProperties.Operation op : new PopulationProperties.Operation[] {
                    properties.getVerify(), properties.getLookup()}) {
                assertThat(op.getTimeout()).isEqualTo(Duration.ofSeconds(5));
                assertThat(op.getFailureRateThreshold()).isEqualTo(50);
                assertThat(op.getMinimumCalls()).isEqualTo(5);
                assertThat(op.getSlidingWindowSize()).isEqualTo(10);
                assertThat(op.getWaitInOpenState()).isEqualTo(Duration.ofSeconds(30));
            }
            var breaker = context.getBean(PopulationCircuitBreakers.class).verify().getCircuitBreakerConfig();
            assertThat(breaker.getMinimumNumberOfCalls()).isEqualTo(5);
            assertThat(breaker.getSlidingWindowSize()).isEqualTo(10);
            assertThat(breaker.getFailureRateThreshold()).isEqualTo(50f);
        });
    }

    @Test
    void takesSettingsPerOperation() {
        runner.withPropertyValues("hub.connector.population.lookup.timeout=1500ms",
                        "hub.connector.population.lookup.minimum-calls=7",
                        "hub.connector.population.integration-code=037")
                .run(context -> {
                    PopulationProperties properties = context.getBean(PopulationProperties.class);
                    assertThat(properties.getLookup().getTimeout()).isEqualTo(Duration.ofMillis(1500));
                    assertThat(properties.getVerify().getTimeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(context.getBean(PopulationCircuitBreakers.class).lookup().getCircuitBreakerConfig()
                            .getMinimumNumberOfCalls()).isEqualTo(7);
                    assertThat(properties.getIntegrationCode()).isEqualTo("037");
                });
    }

    @Test
    void switchesOff() {
        runner.withPropertyValues("hub.connector.population.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(PopulationRoutes.class)
                        .doesNotHaveBean(PopulationProperties.class));
    }
}
