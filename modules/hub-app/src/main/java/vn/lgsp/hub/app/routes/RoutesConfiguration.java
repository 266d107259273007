package vn.lgsp.hub.app.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.app.delivery.DurableAcceptance;
import vn.lgsp.hub.app.ops.metrics.BreakerMetrics;
import vn.lgsp.hub.audit.ExchangeLog;

/** Routes as configuration: the route files, their templates, the beans they call and their loading. */
@Configuration(proxyBeanMethods = false)
public class RoutesConfiguration {

    /** The files, read and checked while the application context is built; also the catalogue's source. */
    @Bean
    RouteFiles routeFiles(RoutesProperties props) {
        return RouteFiles.read(props);
    }

    @Bean
    UpstreamBreakers upstreamBreakers(RoutesProperties props, RouteFiles files) {
        UpstreamBreakers breakers = new UpstreamBreakers(props.breaker());
        // made now, so that their metrics exist before the first call
        files.templatedRoutes().forEach(r -> breakers.of(r.parameters().get("upstream")));
        return breakers;
    }

    /** {@code hub.breaker.state} and {@code hub.breaker.failure.rate} for each upstream (operation {@code all}). */
    @Bean
    MeterBinder routeBreakerMetrics(UpstreamBreakers breakers) {
        return registry -> breakers.all().forEach((upstream, breaker) -> {
            Map<String, io.github.resilience4j.circuitbreaker.CircuitBreaker> byOperation = new LinkedHashMap<>();
            byOperation.put("all", breaker);
            new BreakerMetrics(upstream, byOperation).bindTo(registry);
        });
    }

    /** The bean route files call by name: {@code ref: hubUpstream}. */
    @Bean
    HubUpstream hubUpstream(ObjectMapper json) {
        return new HubUpstream(json);
    }

    @Bean
    RouteFilesLoader routeFilesLoader(RouteFiles files, UpstreamBreakers breakers, RoutesProperties props,
                                      ExchangeLog exchangeLog, TransactionTemplate tx, MeterRegistry meters,
                                      ObjectMapper json, DurableAcceptance acceptance) {
        RestLookup.Shared shared = new RestLookup.Shared(exchangeLog, tx, meters, json);
        return new RouteFilesLoader(files, new RouteTemplates(shared, new AsyncAccept(acceptance, json, meters),
                breakers, props));
    }

    /** A delivery flow per hub-async-delivery route; static, as it runs before the other beans exist. */
    @Bean
    static AsyncDeliveryFlows asyncDeliveryFlows() {
        return new AsyncDeliveryFlows();
    }

    @Bean
    FilterRegistrationBean<RouteCallerFilter> routeCallerFilter() {
        FilterRegistrationBean<RouteCallerFilter> registration = new FilterRegistrationBean<>(new RouteCallerFilter());
        // right after Spring Security's chain, where the caller is known
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
