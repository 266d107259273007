package vn.lgsp.hub.connector.docex;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.actuate.health.Status;
import org.springframework.util.unit.DataSize;
import vn.lgsp.hub.connector.docex.agency.AgencyPushClient;
import vn.lgsp.hub.connector.docex.attachment.AttachmentStore;
import vn.lgsp.hub.connector.docex.axis.AxisClient;
import vn.lgsp.hub.connector.docex.axis.AxisHealthIndicator;
import vn.lgsp.hub.connector.docex.directory.AgencyDirectory;
import vn.lgsp.hub.connector.docex.directory.Route;
import vn.lgsp.hub.connector.docex.routes.DocexRoutes;
import vn.lgsp.hub.connector.docex.signature.SignatureVerifier;
import vn.lgsp.hub.connector.docex.validation.EdxmlValidator;
import vn.lgsp.hub.connector.docex.xml.EdxmlReader;
import vn.lgsp.hub.connector.docex.xml.EdxmlWriter;

class DocexConnectorAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DocexConnectorAutoConfiguration.class));

    @Test
    void wiresTheConnectorWithItsDefaults() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(EdxmlReader.class).hasSingleBean(EdxmlWriter.class)
                    .hasSingleBean(EdxmlValidator.class).hasSingleBean(SignatureVerifier.class)
                    .hasSingleBean(AttachmentStore.class);
            DocexProperties p = context.getBean(DocexProperties.class);
            assertThat(p).isEqualTo(DocexProperties.defaults());
            assertThat(p.maxPackageSize()).isEqualTo(DataSize.ofMegabytes(100));
            assertThat(p.maxDepth()).isEqualTo(64);
            assertThat(p.maxElements()).isEqualTo(100_000);
            assertThat(p.maxAttributeLength()).isEqualTo(8192);
            assertThat(p.maxTextLength()).isEqualTo(1024 * 1024);
            assertThat(p.attachmentDir()).isEqualTo(Path.of(System.getProperty("java.io.tmpdir")));
            assertThat(p.strictAgencyCodes()).isFalse();
        });
    }

    @Test
    void bindsItsSettings() {
        runner.withPropertyValues("hub.connector.docex.max-package-size=20MB", "hub.connector.docex.max-depth=32",
                "hub.connector.docex.attachment-dir=/var/lib/lgsp/attachments",
                "hub.connector.docex.strict-agency-codes=true").run(context -> {
                    DocexProperties p = context.getBean(DocexProperties.class);
                    assertThat(p.maxPackageSize()).isEqualTo(DataSize.ofMegabytes(20));
                    assertThat(p.maxDepth()).isEqualTo(32);
                    assertThat(p.attachmentDir()).isEqualTo(Path.of("/var/lib/lgsp/attachments"));
                    assertThat(p.strictAgencyCodes()).isTrue();
                });
    }

    @Test
    void wiresTheTransportWithItsDefaults() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(AxisClient.class).hasSingleBean(AgencyPushClient.class)
                    .hasSingleBean(AgencyDirectory.class).hasSingleBean(DocexRoutes.class)
                    .hasBean("docexAxisHealthIndicator");
            DocexProperties p = context.getBean(DocexProperties.class);
            assertThat(p.axis().baseUrl()).isEqualTo("http://127.0.0.1:18084");
            assertThat(p.axis().systemId()).isEqualTo("lgsp-h56");
            assertThat(p.axis().secret()).isEqualTo("axis-secret");
            assertThat(p.axis().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(p.axis().readTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(p.axis().toString()).doesNotContain("axis-secret");
            assertThat(p.agency().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(p.agency().readTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(p.directoryLocation().getDescription()).contains("config/agencies.yml");
            assertThat(p.reloadInterval()).isEqualTo(Duration.ofSeconds(10));
            assertThat(context.getBean(AgencyDirectory.class).route("000.00.14.H56").kind())
                    .isEqualTo(Route.Kind.LOCAL_PUSH);
            assertThat(context.getBean(AxisHealthIndicator.class).health().getStatus()).isEqualTo(Status.UNKNOWN);
        });
    }

    @Test
    void bindsTheTransportSettings() {
        runner.withPropertyValues("hub.connector.docex.axis.base-url=https://truc.example/",
                "hub.connector.docex.axis.system-id=h56", "hub.connector.docex.axis.secret=x",
                "hub.connector.docex.axis.read-timeout=2m", "hub.connector.docex.agency.connect-timeout=1s",
                "hub.connector.docex.reload-interval=1m").run(context -> {
                    DocexProperties p = context.getBean(DocexProperties.class);
                    assertThat(p.axis().baseUrl()).isEqualTo("https://truc.example/");
                    assertThat(p.axis().systemId()).isEqualTo("h56");
                    assertThat(p.axis().secret()).isEqualTo("x");
                    assertThat(p.axis().readTimeout()).isEqualTo(Duration.ofMinutes(2));
                    assertThat(p.axis().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(p.agency().connectTimeout()).isEqualTo(Duration.ofSeconds(1));
                    assertThat(p.reloadInterval()).isEqualTo(Duration.ofMinutes(1));
                });
    }

    @Test
    void anInvalidAgencyDirectoryStopsStartUpNamingTheFile() {
        runner.withPropertyValues("hub.connector.docex.directory-location=classpath:config/no-such-agencies.yml")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("no-such-agencies.yml"));
    }

    @Test
    void theAxisHealthIndicatorCanBeSwitchedOffAlone() {
        runner.withPropertyValues("management.health.docex-axis.enabled=false").run(context -> assertThat(context)
                .hasSingleBean(AxisClient.class).doesNotHaveBean("docexAxisHealthIndicator"));
    }

    @Test
    void canBeSwitchedOff() {
        runner.withPropertyValues("hub.connector.docex.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(EdxmlReader.class)
                        .doesNotHaveBean(AxisClient.class).doesNotHaveBean(DocexRoutes.class));
    }
}
