package vn.lgsp.hub.connector.business;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import vn.lgsp.hub.connector.testkit.ConnectorSwitch;
import vn.lgsp.hub.core.error.ErrorCode;

class BusinessConnectorAutoConfigurationTest {

    private final ApplicationContextRunner runner = ConnectorSwitch.runner(BusinessConnectorAutoConfiguration.class);

    @Test
    void wiresTheConnectorWithItsDefaults() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(BusinessRoutes.class).hasBean("businessHealthIndicator");
            BusinessProperties properties = context.getBean(BusinessProperties.class);
            assertThat(properties.getUrl()).isEqualTo("http://127.0.0.1:18086");
            assertThat(properties.getApiKey()).isEmpty();
            assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(properties.getReadTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(context.getBean(BusinessHealthIndicator.class).health().getStatus()).isEqualTo(Status.UNKNOWN);
        });
    }

    @Test
    void theSwitchRemovesEveryBean() {
        ConnectorSwitch.assertSwitchesOff(runner, "business", BusinessRoutes.class, BusinessProperties.class,
                BusinessHealthIndicator.class, BusinessCallStatus.class);
    }

    @Test
    void healthIndicatorCanBeSwitchedOffAlone() {
        runner.withPropertyValues("management.health.business.enabled=false").run(context -> assertThat(context)
                .hasSingleBean(BusinessRoutes.class)
                .doesNotHaveBean("businessHealthIndicator"));
    }

    @Test
    void healthIsDegradedWithoutAnAnswerAndUpOnceTheSystemAnswersEvenNotFound() {
        BusinessCallStatus status =
                new BusinessCallStatus(Clock.fixed(Instant.parse("2026-11-22T02:15:00Z"), ZoneOffset.UTC));
        BusinessHealthIndicator indicator = new BusinessHealthIndicator(status);

        status.record(BusinessException.unavailable("no answer", null));
        assertThat(indicator.health().getStatus()).isEqualTo(BusinessHealthIndicator.DEGRADED);
        assertThat(indicator.health().getDetails()).containsEntry("consecutiveFailures", 1)
                .containsEntry("lastErrorCode", ErrorCode.UPSTREAM_UNAVAILABLE.code());

        status.record(BusinessException.notFound("no such record"));
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }
}
