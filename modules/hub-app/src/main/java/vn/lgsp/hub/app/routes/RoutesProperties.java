package vn.lgsp.hub.app.routes;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.lgsp.hub.app.delivery.RetryPolicy;

/**
 * Routes as configuration (docs/ROUTES.md).
 *
 * @param location       folders whose {@code *.yaml} route files are loaded at start-up, relative to the working
 *                       directory like {@code config/clients.yml}; default {@code config/routes}. A folder that does
 *                       not exist holds no files. Files {@code hub-routes/*.yaml} on the classpath (shipped inside
 *                       connector modules) are always loaded too
 * @param defaultTimeout how long a {@code hub-rest-lookup} route waits for its upstream when the route file gives no
 *                       {@code timeout}; default 10s
 * @param breaker        the circuit breaker each upstream of a route file gets (one per upstream code)
 * @param retry          how every {@code hub-async-delivery} route retries its deliveries ({@link RetryPolicy}, same
 *                       keys and defaults as {@code hub.flow.dossier.retry})
 */
@ConfigurationProperties("hub.routes")
public record RoutesProperties(List<String> location, Duration defaultTimeout, Breaker breaker, RetryPolicy retry) {

    public RoutesProperties {
        location = location == null ? List.of("config/routes") : List.copyOf(location);
        defaultTimeout = defaultTimeout == null ? Duration.ofSeconds(10) : defaultTimeout;
        breaker = breaker == null ? new Breaker(null, null, null, null) : breaker;
        retry = retry == null ? RetryPolicy.defaults() : retry;
    }

    /**
     * @param failureRateThreshold percentage of failed calls in the window that opens the breaker; default 50
     * @param minimumCalls         calls in the window before the rate counts; default 5
     * @param slidingWindowSize    the last calls the rate is taken over; default 10
     * @param waitInOpenState      how long an open breaker answers at once without calling; default 30s
     */
    public record Breaker(Float failureRateThreshold, Integer minimumCalls, Integer slidingWindowSize,
                          Duration waitInOpenState) {

        public Breaker {
            failureRateThreshold = failureRateThreshold == null ? 50f : failureRateThreshold;
            minimumCalls = minimumCalls == null ? 5 : minimumCalls;
            slidingWindowSize = slidingWindowSize == null ? 10 : slidingWindowSize;
            waitInOpenState = waitInOpenState == null ? Duration.ofSeconds(30) : waitInOpenState;
        }
    }
}
