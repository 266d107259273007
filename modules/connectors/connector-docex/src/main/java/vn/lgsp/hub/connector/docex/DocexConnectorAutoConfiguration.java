package vn.lgsp.hub.connector.docex;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.lgsp.hub.connector.docex.agency.AgencyPushClient;
import vn.lgsp.hub.connector.docex.attachment.AttachmentStore;
import vn.lgsp.hub.connector.docex.attachment.TempFileAttachmentStore;
import vn.lgsp.hub.connector.docex.axis.AxisClient;
import vn.lgsp.hub.connector.docex.axis.AxisHealthIndicator;
import vn.lgsp.hub.connector.docex.directory.AgencyDirectory;
import vn.lgsp.hub.connector.docex.routes.DocexRoutes;
import vn.lgsp.hub.connector.docex.signature.SignatureVerifier;
import vn.lgsp.hub.connector.docex.validation.EdxmlValidator;
import vn.lgsp.hub.connector.docex.xml.EdxmlReader;
import vn.lgsp.hub.connector.docex.xml.EdxmlWriter;

/**
 * Wires the edXML reader, writer, validator and signature verifier, and the transport (axis client, agency push
 * client, agency directory, Camel routes, axis health indicator) when {@code hub.connector.docex.enabled} is true
 * (the default). Every bean backs off when the application defines its own, e.g. an {@link AttachmentStore} that
 * keeps attachments somewhere shared by several hub instances.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "hub.connector.docex", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(DocexProperties.class)
public class DocexConnectorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public AttachmentStore docexAttachmentStore(DocexProperties properties) {
        return new TempFileAttachmentStore(properties.attachmentDir());
    }

    @Bean
    @ConditionalOnMissingBean
    public SignatureVerifier docexSignatureVerifier() {
        return new SignatureVerifier();
    }

    @Bean
    @ConditionalOnMissingBean
    public EdxmlReader edxmlReader(DocexProperties properties, AttachmentStore store, SignatureVerifier verifier) {
        return new EdxmlReader(properties, store, verifier);
    }

    @Bean
    @ConditionalOnMissingBean
    public EdxmlWriter edxmlWriter(AttachmentStore store) {
        return new EdxmlWriter(store);
    }

    @Bean
    @ConditionalOnMissingBean
    public EdxmlValidator edxmlValidator(DocexProperties properties) {
        return new EdxmlValidator(properties.strictAgencyCodes());
    }

    @Bean
    @ConditionalOnMissingBean
    public AxisClient docexAxisClient(DocexProperties properties) {
        return new AxisClient(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    public AgencyPushClient docexAgencyPushClient(DocexProperties properties) {
        return new AgencyPushClient(properties);
    }

    /** Read at start-up: an unreadable or invalid directory stops the start-up. */
    @Bean
    @ConditionalOnMissingBean
    public AgencyDirectory docexAgencyDirectory(DocexProperties properties) {
        return new AgencyDirectory(properties.directoryLocation(), properties.reloadInterval());
    }

    @Bean
    @ConditionalOnMissingBean
    public DocexRoutes docexRoutes(AxisClient axisClient, AgencyPushClient pushClient, AgencyDirectory directory) {
        return new DocexRoutes(axisClient, pushClient, directory);
    }

    /** Only with actuator on the classpath; the bean name makes the contributor show as "docexAxis". */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
    @ConditionalOnProperty(prefix = "management.health.docex-axis", name = "enabled", havingValue = "true",
            matchIfMissing = true)
    static class DocexHealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "docexAxisHealthIndicator")
        public AxisHealthIndicator docexAxisHealthIndicator(AxisClient docexAxisClient) {
            return new AxisHealthIndicator(docexAxisClient.status());
        }
    }
}
