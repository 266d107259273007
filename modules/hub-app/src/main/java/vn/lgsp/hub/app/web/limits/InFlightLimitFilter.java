package vn.lgsp.hub.app.web.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;
import vn.lgsp.hub.app.web.Problems;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.ids.Masking;

/**
 * At most {@code hub.limits.max-in-flight} requests in progress at once. One more is not queued: it is answered at
 * once with {@code 503 hub.busy} and {@code Retry-After: 1}, so that a hub whose upstreams are slow sheds load
 * instead of piling up threads and memory. Probes and metrics ({@code /actuator/**}) are not counted and never
 * refused, so that a busy hub still answers its load balancer. A SOAP caller gets the same 503 (an HTTP-level
 * refusal, which SOAP clients treat as a transport error to retry).
 *
 * <p>{@code hub.http.in_flight} shows the requests in progress; {@code hub.http.refused{code="hub.busy"}} counts the
 * refusals ({@code reason=too_large} those of {@link RequestBodyLimitFilter}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class InFlightLimitFilter extends OncePerRequestFilter {

    public static final String IN_FLIGHT_METRIC = "hub.http.in_flight";
    public static final String REFUSED_METRIC = "hub.http.refused";
    private static final Logger log = LoggerFactory.getLogger(InFlightLimitFilter.class);
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private final int max;
    private final Semaphore permits;
    private final ObjectMapper json;
    private final ObjectProvider<MeterRegistry> meters;
    private volatile boolean gaugeRegistered;

    public InFlightLimitFilter(LimitsProperties limits, ObjectMapper json, ObjectProvider<MeterRegistry> meters) {
        this.max = limits.maxInFlight();
        this.permits = new Semaphore(max);
        this.json = json;
        this.meters = meters;
    }

    /** Requests in progress now, probes not counted. */
    public int inFlight() {
        return max - permits.availablePermits();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = PATHS.getPathWithinApplication(request);
        return path.equals("/actuator") || path.startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        registerGauge();
        if (!permits.tryAcquire()) {
            log.warn("Request refused, {} requests in progress already: {} {}", max, request.getMethod(),
                    Masking.maskIdsInText(PATHS.getPathWithinApplication(request)));
            MeterRegistry registry = meters.getIfAvailable();
            if (registry != null) {
                registry.counter(REFUSED_METRIC, "code", ErrorCode.BUSY.code()).increment();
            }
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            Problems.write(response, json, ErrorCode.BUSY, "The hub has " + max
                    + " requests in progress, the most it takes at once; try again in a second");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }

    /** Registered at the first request: the filter is made before the meter registry is complete. */
    private void registerGauge() {
        if (!gaugeRegistered) {
            MeterRegistry registry = meters.getIfAvailable();
            if (registry != null) {
                Gauge.builder(IN_FLIGHT_METRIC, this, InFlightLimitFilter::inFlight)
                        .description("HTTP requests in progress, probes not counted").register(registry);
            }
            gaugeRegistered = true;
        }
    }
}
