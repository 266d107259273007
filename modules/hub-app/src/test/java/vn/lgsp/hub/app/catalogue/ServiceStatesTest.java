package vn.lgsp.hub.app.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.direct.DirectComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.DefaultHealthContributorRegistry;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import vn.lgsp.hub.app.catalogue.ServiceStates.State;
import vn.lgsp.hub.app.ops.health.UpstreamStatus;
import vn.lgsp.hub.core.service.ServiceDescriptor;
import vn.lgsp.hub.core.service.ServiceDescriptor.Operation;

/** A service's state from its upstream's health contributor, and STOPPED when the routes serving it are. */
class ServiceStatesTest {

    private static final ServiceDescriptor LAND = new ServiceDescriptor("land-records", "Land", "land", List.of(
            new Operation("parcel", "land-records.read", "GET", "/api/v1/land-records/parcels/{parcelId}", null)),
            null);

    private final AtomicReference<Health> land = new AtomicReference<>(Health.unknown().build());
    private final AtomicReference<Health> axis = new AtomicReference<>(Health.up().build());

    private ServiceStates states(DefaultCamelContext camel) {
        Map<String, HealthContributor> contributors = new LinkedHashMap<>();
        contributors.put("land", (HealthIndicator) land::get);
        contributors.put("docexAxis", (HealthIndicator) axis::get);
        contributors.put("docexBroken", (HealthIndicator) () -> {
            throw new IllegalStateException("cannot tell");
        });
        DefaultHealthContributorRegistry registry = new DefaultHealthContributorRegistry(contributors);
        return new ServiceStates(() -> registry, () -> camel);
    }

    @Test
    void followsTheUpstreamsHealthContributor() {
        ServiceStates states = states(null);
        assertThat(states.of(LAND)).isEqualTo(State.UNKNOWN);
        land.set(Health.up().build());
        assertThat(states.of(LAND)).isEqualTo(State.UP);
        land.set(Health.status(UpstreamStatus.DEGRADED).build());
        assertThat(states.of(LAND)).isEqualTo(State.DEGRADED);
        land.set(Health.down().build());
        assertThat(states.of(LAND)).isEqualTo(State.DOWN);
        land.set(Health.outOfService().build());
        assertThat(states.of(LAND)).isEqualTo(State.DOWN);
    }

    @Test
    void anUpstreamCodeFindsTheContributorsNamedAfterItAndANoneOrAFailingOneSaysUnknown() {
        ServiceStates states = states(null);
        ServiceDescriptor documents = BuiltInServices.ALL.stream().filter(s -> s.name().equals("documents"))
                .findFirst().orElseThrow();
        // docex -> docexAxis (UP) and docexBroken (cannot tell): the one that can tell
        assertThat(states.of(documents)).isEqualTo(State.UP);
        axis.set(Health.status(UpstreamStatus.DEGRADED).build());
        assertThat(states.of(documents)).isEqualTo(State.DEGRADED);

        ServiceDescriptor nowhere = new ServiceDescriptor("x", "X", "nowhere", LAND.operations(), null);
        assertThat(states.of(nowhere)).isEqualTo(State.UNKNOWN);
        ServiceDescriptor local = new ServiceDescriptor("x", "X", null, LAND.operations(), null);
        assertThat(states.of(local)).isEqualTo(State.UNKNOWN);
        assertThat(new ServiceStates(() -> null, () -> null).of(LAND)).isEqualTo(State.UNKNOWN);
    }

    @Test
    void stoppedWhenEveryRouteServingItsPathsIsStopped() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            // stands in for platform-http: only the consumer's URI matters here
            camel.addComponent("platform-http", new DirectComponent());
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("platform-http:/api/v1/land-records/parcels/{parcelId}").routeId("land-parcel")
                            .setBody(constant("{}"));
                    from("platform-http:/api/v1/other").routeId("other").setBody(constant("{}"));
                }
            });
            camel.start();
            land.set(Health.up().build());
            ServiceStates states = states(camel);
            assertThat(states.of(LAND)).isEqualTo(State.UP);

            camel.getRouteController().stopRoute("land-parcel");
            assertThat(states.of(LAND)).isEqualTo(State.STOPPED);

            camel.getRouteController().startRoute("land-parcel");
            assertThat(states.of(LAND)).isEqualTo(State.UP);
        }
    }

    @Test
    void readsThePathOfPlatformHttpAndRestConsumers() {
        assertThat(ServiceStates.consumerPath("platform-http:///api/v1/x/%7Bid%7D?httpMethodRestrict=GET"))
                .isEqualTo("/api/v1/x/{id}");
        assertThat(ServiceStates.consumerPath("platform-http:/api/v1/x")).isEqualTo("/api/v1/x");
        assertThat(ServiceStates.consumerPath("rest:get:/api/v1/land-records:/parcels/{id}?routeId=x"))
                .isEqualTo("/api/v1/land-records/parcels/{id}");
        assertThat(ServiceStates.consumerPath("rest:get:/api/v1/land-records")).isEqualTo("/api/v1/land-records");
        assertThat(ServiceStates.consumerPath("direct://start")).isNull();
    }
}
