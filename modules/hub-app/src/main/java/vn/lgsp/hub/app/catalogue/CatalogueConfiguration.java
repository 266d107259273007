package vn.lgsp.hub.app.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.lgsp.hub.core.service.ServiceDescriptor;
import vn.lgsp.hub.core.service.ServiceSource;

/**
 * The service catalogue: the built-in services, then every {@link ServiceDescriptor} bean (connector modules), then
 * what every {@link ServiceSource} bean gives (route files), each asked once, here, before the client registry and
 * the security filter chain are made from it.
 */
@Configuration(proxyBeanMethods = false)
public class CatalogueConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CatalogueConfiguration.class);

    @Bean
    ServiceCatalogue serviceCatalogue(ListableBeanFactory beans) {
        List<ServiceCatalogue.Entry> entries = new ArrayList<>();
        BuiltInServices.ALL.forEach(s -> entries.add(new ServiceCatalogue.Entry(s, "built-in", true)));
        for (Map.Entry<String, ServiceDescriptor> e : beans.getBeansOfType(ServiceDescriptor.class).entrySet()) {
            entries.add(new ServiceCatalogue.Entry(e.getValue(), "bean " + e.getKey(), false));
        }
        for (Map.Entry<String, ServiceSource> e : beans.getBeansOfType(ServiceSource.class).entrySet()) {
            List<ServiceDescriptor> services = e.getValue().services();
            if (services != null) {
                services.forEach(s -> entries.add(new ServiceCatalogue.Entry(s, "source " + e.getKey(), false)));
            }
        }
        ServiceCatalogue catalogue = new ServiceCatalogue(entries);
        // an integrator checks here that a new connector's service was picked up
        log.info("Service catalogue: {}", String.join(", ", catalogue.entries().stream()
                .map(e -> e.service().name() + (e.builtIn() ? "" : " (" + e.origin() + ")")).toList()));
        return catalogue;
    }

    /** Adds contributed operations, authentication and problem documents to springdoc's document. */
    @Bean
    CatalogueOpenApi catalogueOpenApi(ServiceCatalogue catalogue) {
        return new CatalogueOpenApi(catalogue);
    }

    @Bean
    ServiceStates serviceStates(ObjectProvider<HealthContributorRegistry> health, ObjectProvider<CamelContext> camel) {
        return new ServiceStates(health::getIfAvailable, camel::getIfAvailable);
    }
}
