package vn.lgsp.hub.connector.onestop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import vn.lgsp.hub.core.error.ErrorCode;

class OneStopConnectorAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OneStopConnectorAutoConfiguration.class));

    @Test
    void wiresTheConnectorWithItsDefaults() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(OneStopClient.class)
                    .hasSingleBean(OneStopRoutes.class)
                    .hasBean("onestopHealthIndicator");
            OneStopProperties properties = context.getBean(OneStopProperties.class);
            assertThat(properties.getBaseUrl()).isEqualTo("http://127.0.0.1:18083");
            assertThat(properties.getApiKey()).isEmpty();
            assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(properties.getReadTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(context.getBean(OneStopHealthIndicator.class).health().getStatus()).isEqualTo(Status.UNKNOWN);
        });
    }

    @Test
    void bindsSettings() {
        runner.withPropertyValues("hub.connector.onestop.base-url=https://motcua.example/",
                        "hub.connector.onestop.api-key=k", "hub.connector.onestop.read-timeout=3s")
                .run(context -> {
                    OneStopProperties properties = context.getBean(OneStopProperties.class);
                    assertThat(properties.getBaseUrl()).isEqualTo("https://motcua.example/");
                    assertThat(properties.getApiKey()).isEqualTo("k");
                    assertThat(properties.getReadTimeout()).isEqualTo(Duration.ofSeconds(3));
                });
    }

    @Test
    void switchesOff() {
        runner.withPropertyValues("hub.connector.onestop.enabled=false").run(context -> assertThat(context)
                .doesNotHaveBean(OneStopClient.class)
                .doesNotHaveBean(OneStopRoutes.class)
                .doesNotHaveBean(OneStopProperties.class)
                .doesNotHaveBean("onestopHealthIndicator"));
    }

    @Test
    void healthIndicatorCanBeSwitchedOffAlone() {
        runner.withPropertyValues("management.health.onestop.enabled=false").run(context -> assertThat(context)
                .hasSingleBean(OneStopClient.class)
                .doesNotHaveBean("onestopHealthIndicator"));
    }

    @Test
    void healthIsDownAfterAFailureAndUpOnceTheOneStopShopAnswersEvenWithARefusal() {
        OneStopCallStatus status =
                new OneStopCallStatus(Clock.fixed(Instant.parse("2026-11-22T02:15:00Z"), ZoneOffset.UTC));
        OneStopHealthIndicator indicator = new OneStopHealthIndicator(status);

        status.record(OneStopException.unavailable("no reply", null));
        status.record(OneStopException.unavailable("no reply", null));
        Health down = indicator.health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails()).containsEntry("consecutiveFailures", 2)
                .containsEntry("lastErrorCode", ErrorCode.ONESTOP_UNAVAILABLE.code())
                .containsEntry("lastCallAt", "2026-11-22T02:15:00Z");

        status.record(OneStopException.rejected("HTTP 422"));
        Health up = indicator.health();
        assertThat(up.getStatus()).isEqualTo(Status.UP);
        assertThat(up.getDetails()).containsEntry("consecutiveFailures", 0)
                .containsEntry("lastErrorCode", ErrorCode.ONESTOP_REJECTED.code());
    }

    @Test
    void backsOffForTheApplicationsOwnClient() {
        runner.withBean("customClient", OneStopClient.class, () -> new OneStopClient(new OneStopProperties()))
                .run(context -> assertThat(context).hasSingleBean(OneStopClient.class).hasBean("customClient"));
    }
}
