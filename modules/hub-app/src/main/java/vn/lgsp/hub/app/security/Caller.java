package vn.lgsp.hub.app.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * An authenticated caller: a client system or an operator, as the client registry describes it. It is the principal
 * of every authentication the hub makes (API key, bearer token, client certificate), so that controllers take it
 * with {@code @AuthenticationPrincipal Caller}; it is a {@link UserDetails} only for Spring Security's X.509
 * support, and has no password.
 *
 * @param services  the services it may call, see {@link HubServices}
 * @param agencies  the agency codes it acts for (documents it may send as, inboxes it may read); {@code *} for all
 * @param rateLimit its own rate limit, or {@code null} for the hub's default
 */
public record Caller(String id, boolean operator, Set<String> services, Set<String> agencies, RateLimit rateLimit)
        implements UserDetails {

    /** Acts for every agency: the demo client, or a province-wide document system. */
    public static final String ANY_AGENCY = "*";
    static final String OPERATOR_ROLE = "ROLE_OPERATOR";

    public Caller {
        services = services == null ? Set.of() : Set.copyOf(services);
        agencies = agencies == null ? Set.of() : Set.copyOf(agencies);
    }

    public boolean may(String service) {
        return services.contains(service);
    }

    public boolean actsFor(String agencyCode) {
        return agencies.contains(ANY_AGENCY) || agencies.contains(agencyCode);
    }

    /**
     * This caller with only the services a bearer token's scopes grant: a token never gives more than the registry
     * does, and may give less.
     */
    public Caller limitedTo(Collection<String> scopes) {
        Set<String> granted = new HashSet<>(services);
        granted.retainAll(scopes);
        return new Caller(id, operator, granted, agencies, rateLimit);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        services.forEach(s -> authorities.add(new SimpleGrantedAuthority(HubServices.authority(s))));
        if (operator) {
            authorities.add(new SimpleGrantedAuthority(OPERATOR_ROLE));
        }
        return authorities;
    }

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public String getUsername() {
        return id;
    }
}
