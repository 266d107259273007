package vn.lgsp.hub.app.catalogue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.boot.actuate.health.Status;
import vn.lgsp.hub.app.ops.health.UpstreamStatus;
import vn.lgsp.hub.core.service.ServiceDescriptor;
import vn.lgsp.hub.core.service.ServiceDescriptor.Operation;

/**
 * The current state of a service, from what the hub already knows, never by calling the upstream: the health
 * contributor named after its upstream ({@code population}, or one whose name starts with it, {@code docexAxis} for
 * {@code docex}), which reports from the traffic it has seen; and STOPPED when the Camel routes that serve its REST
 * operations (platform-http or REST DSL consumers on its paths) are all stopped.
 */
public class ServiceStates {

    /** What {@code state} says in the catalogue. */
    public enum State { UP, DEGRADED, DOWN, UNKNOWN, STOPPED }

    private static final Logger log = LoggerFactory.getLogger(ServiceStates.class);
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");

    private final Supplier<HealthContributorRegistry> healthRegistry;
    private final Supplier<CamelContext> camelContext;

    /**
     * Asked at each call rather than injected, so that the catalogue does not make the Camel context early; either
     * may give {@code null}: no actuator health, no Camel.
     */
    public ServiceStates(Supplier<HealthContributorRegistry> health, Supplier<CamelContext> camel) {
        this.healthRegistry = health;
        this.camelContext = camel;
    }

    public State of(ServiceDescriptor service) {
        HealthContributorRegistry health = healthRegistry.get();
        if (servedOnlyByStoppedRoutes(service, camelContext.get())) {
            return State.STOPPED;
        }
        if (service.upstream() == null || health == null) {
            return State.UNKNOWN;
        }
        List<HealthContributor> contributors = new ArrayList<>();
        HealthContributor exact = health.getContributor(service.upstream());
        if (exact != null) {
            contributors.add(exact);
        } else {
            for (NamedContributor<HealthContributor> c : health) {
                if (c.getName().startsWith(service.upstream())) {
                    contributors.add(c.getContributor());
                }
            }
        }
        State worst = State.UNKNOWN;
        for (HealthContributor c : contributors) {
            worst = worse(worst, state(c));
        }
        return worst;
    }

    /** UP, DEGRADED, DOWN in that order of worse; UNKNOWN only when nothing says more. */
    private static State worse(State a, State b) {
        if (a == State.UNKNOWN) {
            return b;
        }
        if (b == State.UNKNOWN) {
            return a;
        }
        return b.ordinal() > a.ordinal() ? b : a;
    }

    private static State state(HealthContributor contributor) {
        if (contributor instanceof HealthIndicator indicator) {
            try {
                return state(indicator.health().getStatus());
            } catch (RuntimeException e) {
                // an indicator that cannot tell leaves the state unknown; the catalogue must still answer
                log.warn("A health indicator failed: {}", e.toString());
                return State.UNKNOWN;
            }
        }
        State worst = State.UNKNOWN;
        if (contributor instanceof CompositeHealthContributor composite) {
            for (NamedContributor<HealthContributor> c : composite) {
                worst = worse(worst, state(c.getContributor()));
            }
        }
        return worst;
    }

    static State state(Status status) {
        if (Status.UP.equals(status)) {
            return State.UP;
        }
        if (UpstreamStatus.DEGRADED.equals(status)) {
            return State.DEGRADED;
        }
        if (Status.DOWN.equals(status) || Status.OUT_OF_SERVICE.equals(status)) {
            return State.DOWN;
        }
        return State.UNKNOWN;
    }

    private static boolean servedOnlyByStoppedRoutes(ServiceDescriptor service, CamelContext camel) {
        if (camel == null) {
            return false;
        }
        List<String> paths = service.operations().stream().map(Operation::path)
                .filter(p -> p != null).map(ServiceStates::normalise).toList();
        if (paths.isEmpty()) {
            return false;
        }
        boolean found = false;
        for (Route route : camel.getRoutes()) {
            String path = consumerPath(route.getEndpoint().getEndpointUri());
            if (path != null && paths.contains(normalise(path))) {
                found = true;
                ServiceStatus status = camel.getRouteController().getRouteStatus(route.getRouteId());
                if (status == null || status.isStarted() || status.isStarting()) {
                    return false;
                }
            }
        }
        return found;
    }

    /**
     * The HTTP path a route's consumer serves: {@code platform-http:/api/v1/x/{id}?...}, or the REST DSL's
     * {@code rest:get:/api/v1/x:/{id}?...}; {@code null} for any other consumer.
     */
    static String consumerPath(String uri) {
        // Camel may keep an endpoint's {variables} percent-encoded
        String u = URLDecoder.decode(uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri,
                StandardCharsets.UTF_8);
        if (u.startsWith("platform-http:")) {
            String p = u.substring("platform-http:".length()).replaceFirst("^/+", "/");
            return p.startsWith("/") ? p : "/" + p;
        }
        if (u.startsWith("rest:")) {
            String[] parts = u.split(":", 4);
            if (parts.length >= 3) {
                String base = parts[2];
                String sub = parts.length == 4 ? parts[3] : "";
                String p = (base + "/" + sub).replaceAll("/+", "/").replaceFirst("/$", "");
                return p.startsWith("/") ? p : "/" + p;
            }
        }
        return null;
    }

    private static String normalise(String path) {
        return VARIABLE.matcher(path.toLowerCase(Locale.ROOT)).replaceAll("{}");
    }
}
