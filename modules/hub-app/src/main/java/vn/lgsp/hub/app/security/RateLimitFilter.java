package vn.lgsp.hub.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.lgsp.hub.app.web.Problems;
import vn.lgsp.hub.core.error.ErrorCode;

/**
 * Per-caller rate limits, as token buckets (Bucket4j): each caller may make its registry entry's
 * {@code rate-limit} (or {@code hub.security.rate-limit}) calls a second on average, in bursts of up to
 * {@code burst}. A call over the limit is answered {@code 429 request.rate_limited} with {@code Retry-After}, and is
 * a security event. It runs after authorisation, so that only calls the caller may make count; calls without a
 * caller (refused with 401) are not limited here.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private record Limited(RateLimit limit, Bucket bucket) {
    }

    private final SecurityProperties.DefaultRateLimit defaults;
    private final ObjectMapper json;
    private final SecurityEvents events;
    /** One bucket per caller id; bounded by the registry's size. */
    private final Map<String, Limited> buckets = new ConcurrentHashMap<>();

    RateLimitFilter(SecurityProperties.DefaultRateLimit defaults, ObjectMapper json, SecurityEvents events) {
        this.defaults = defaults;
        this.json = json;
        this.events = events;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!defaults.enabled() || auth == null || !(auth.getPrincipal() instanceof Caller caller)) {
            chain.doFilter(request, response);
            return;
        }
        ConsumptionProbe probe = bucket(caller).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        events.record(SecurityEvents.Type.RATE_LIMITED, ErrorCode.RATE_LIMITED, request, caller,
                "Over the client's rate limit");
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        Problems.write(response, json, ErrorCode.RATE_LIMITED, "Your client may make "
                + limitOf(caller).perSecond() + " calls a second; try again in " + seconds + " s");
    }

    private RateLimit limitOf(Caller caller) {
        return caller.rateLimit() != null ? caller.rateLimit() : defaults.limit();
    }

    /** The caller's bucket; a new one when its limit changed in the registry since the bucket was made. */
    private Bucket bucket(Caller caller) {
        RateLimit limit = limitOf(caller);
        return buckets.compute(caller.id(), (id, held) -> held != null && held.limit().equals(limit) ? held
                : new Limited(limit, Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.burst())
                        .refillGreedy(limit.perSecond(), Duration.ofSeconds(1)).build())
                .build())).bucket();
    }
}
