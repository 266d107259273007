package vn.lgsp.hub.app.routes;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import vn.lgsp.hub.app.security.Caller;

/**
 * Keeps the authenticated client's id on the request. Routes of route files answer on Camel's platform-http, which
 * runs the route on another thread than the request's, where Spring Security's context is not; the request's
 * attributes travel with it. Registered after the security filter chain.
 *
 * <p>platform-http answers through Spring MVC's asynchronous processing, which ends with an ASYNC dispatch of the
 * request through the security chain again; the API key filter does not run on it, so the caller's security context
 * is kept in the request (where the chain looks for it) for that dispatch to be authorised like the request was.
 * Without it a route that takes a moment (a delivery holding the subject's lock) saw its answer cut off.
 */
public class RouteCallerFilter extends OncePerRequestFilter {

    static final String ATTRIBUTE = RouteCallerFilter.class.getName();

    private final SecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Caller caller) {
            request.setAttribute(ATTRIBUTE, caller.id());
            contexts.saveContext(SecurityContextHolder.getContext(), request, response);
        }
        chain.doFilter(request, response);
    }

    public static String of(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id == null ? null : id.toString();
    }
}
