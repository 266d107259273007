package vn.lgsp.hub.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.lgsp.hub.app.web.Problems;
import vn.lgsp.hub.core.HubHeaders;
import vn.lgsp.hub.core.error.ErrorCode;

/** Authenticates {@code X-API-Key}. A wrong key is refused at once; a missing one is left to the access rules. */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final ClientRegistry registry;
    private final ObjectMapper json;
    private final SecurityEvents events;

    ApiKeyAuthenticationFilter(ClientRegistry registry, ObjectMapper json, SecurityEvents events) {
        this.registry = registry;
        this.json = json;
        this.events = events;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HubHeaders.API_KEY_HTTP);
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Caller> caller = key.length() > 256 ? Optional.empty() : registry.byKey(key);
        if (caller.isEmpty()) {
            // the key itself is never recorded nor logged, not even in part
            events.authenticationFailed(request, key.length() > 256 ? "API key too long" : "Unknown API key");
            Problems.write(response, json, ErrorCode.UNAUTHENTICATED, "The API key is not valid");
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(caller.get(), null, caller.get().getAuthorities()));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
