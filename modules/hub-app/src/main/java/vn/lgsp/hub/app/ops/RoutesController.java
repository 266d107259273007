package vn.lgsp.hub.app.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators: every Camel route with its state and its exchange counts, as Camel's Micrometer route policy counts
 * them ({@code camel.exchanges.*}, tag {@code routeId}). Read by the console; route ids follow DESIGN.md
 * ({@code <connector>-<operation>}, {@code <flow>-*}). A polling route under leadership (docs/ARCHITECTURE.md, "Several
 * instances: who polls") also says whether this instance leads it ({@code leadership}: {@code leader} or
 * {@code standby}, the latter with the route stopped).
 */
@RestController
public class RoutesController {

    private final CamelContext camel;
    private final MeterRegistry meters;

    public RoutesController(CamelContext camel, MeterRegistry meters) {
        this.camel = camel;
        this.meters = meters;
    }

    @GetMapping("/api/v1/ops/routes")
    public List<Map<String, Object>> routes() {
        return camel.getRoutes().stream().sorted(Comparator.comparing(Route::getRouteId)).map(route -> {
            String id = route.getRouteId();
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", id);
            ServiceStatus status = camel.getRouteController().getRouteStatus(id);
            view.put("status", status == null ? "Unknown" : status.name());
            route.getRoutePolicyList().stream()
                    .filter(ClusteredRoutePolicy.class::isInstance).map(ClusteredRoutePolicy.class::cast).findFirst()
                    .ifPresent(p -> view.put("leadership", p.isLeader() ? "leader" : "standby"));
            view.put("exchangesTotal", count("camel.exchanges.total", id));
            view.put("exchangesFailed", count("camel.exchanges.failed", id));
            Gauge inflight = meters.find("camel.exchanges.inflight").tag("routeId", id).gauge();
            view.put("exchangesInflight", inflight == null ? null : (long) inflight.value());
            return view;
        }).toList();
    }

    private Long count(String name, String routeId) {
        Counter counter = meters.find(name).tag("routeId", routeId).counter();
        return counter == null ? null : (long) counter.count();
    }
}
