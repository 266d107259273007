package vn.lgsp.hub.connector.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import vn.lgsp.hub.core.model.DossierEvent.ApplicantType;
import vn.lgsp.hub.core.model.DossierEvent.Channel;

class PortalConnectorAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(PortalConnectorAutoConfiguration.class));

    @Test
    void wiresTheConnectorByDefault() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(PortalMapper.class)
                    .hasSingleBean(PortalClient.class)
                    .hasSingleBean(PortalRoutes.class)
                    .hasBean("portalHealthIndicator");
            PortalProperties properties = context.getBean(PortalProperties.class);
            assertThat(properties.getBaseUrl()).isEqualTo("http://127.0.0.1:18081");
            assertThat(properties.getAuthPath()).isEqualTo("/adapter/auth");
            assertThat(properties.getApiPath()).isEqualTo("/adapter/api");
            assertThat(properties.getUsername()).isEqualTo("hub");
            assertThat(properties.getPassword()).isEmpty();
            assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(properties.getRequestTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(properties.getSuccessCodes()).containsExactly("0", "00");
            assertThat(properties.getSessionExpiredCodes()).containsExactly("-2");
            assertThat(context.getBean(PortalHealthIndicator.class).health().getStatus()).isEqualTo(Status.UNKNOWN);
        });
    }

    @Test
    void switchesOff() {
        runner.withPropertyValues("hub.connector.portal.enabled=false").run(context -> assertThat(context)
                .doesNotHaveBean(PortalClient.class)
                .doesNotHaveBean(PortalRoutes.class)
                .doesNotHaveBean(PortalProperties.class)
                .doesNotHaveBean("portalHealthIndicator"));
    }

    @Test
    void healthIndicatorCanBeSwitchedOffAlone() {
        runner.withPropertyValues("management.health.portal.enabled=false").run(context -> assertThat(context)
                .hasSingleBean(PortalClient.class)
                .doesNotHaveBean("portalHealthIndicator"));
    }

    @Test
    void bindsSettingsAndKeepsTheOtherEnumerationDefaults() {
        runner.withPropertyValues(
                        "hub.connector.portal.base-url=https://dichvucong.example/",
                        "hub.connector.portal.request-timeout=3s",
                        "hub.connector.portal.success-codes=0,00,200",
                        "hub.connector.portal.applicant-type-codes.CITIZEN=0",
                        "hub.connector.portal.channel-codes.POSTAL=4")
                .run(context -> {
                    PortalProperties properties = context.getBean(PortalProperties.class);
                    assertThat(properties.getRequestTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(properties.getSuccessCodes()).containsExactly("0", "00", "200");
                    assertThat(properties.getApplicantTypeCodes())
                            .containsEntry(ApplicantType.CITIZEN, "0")
                            .containsEntry(ApplicantType.BUSINESS, "2")
                            .containsEntry(ApplicantType.HOUSEHOLD_BUSINESS, "3");
                    assertThat(properties.getChannelCodes())
                            .containsEntry(Channel.POSTAL, "4")
                            .containsEntry(Channel.ONLINE, "2");
                    assertThat(context.getBean(PortalMapper.class).toDossier(SampleEvents.accepted(), false)
                            .applicantType()).isEqualTo("0");
                });
    }

    @Test
    void backsOffForTheApplicationsOwnClient() {
        runner.withBean("customClient", PortalClient.class,
                        () -> new PortalClient(new PortalProperties(), new PortalMapper(new PortalProperties())))
                .run(context -> assertThat(context).hasSingleBean(PortalClient.class).hasBean("customClient"));
    }
}
