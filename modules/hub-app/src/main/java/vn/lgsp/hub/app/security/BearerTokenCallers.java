package vn.lgsp.hub.app.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Maps a bearer token, already checked by Spring Security's resource server (signature, expiry, issuer and audience
 * from {@code spring.security.oauth2.resourceserver.jwt.*}), to a caller of the client registry: the token's client
 * id ({@code hub.security.oauth.client-id-claims}) names the registry entry; its scopes, named like the services
 * ({@code citizens.verify}), grant those of the entry's services they name, never more. Operators are operators by
 * their registry entry. A token whose client is not in the registry is refused like a wrong key.
 */
class BearerTokenCallers implements Converter<Jwt, AbstractAuthenticationToken> {

    private final ClientRegistry registry;
    private final List<String> clientIdClaims;

    BearerTokenCallers(ClientRegistry registry, List<String> clientIdClaims) {
        this.registry = registry;
        this.clientIdClaims = clientIdClaims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String clientId = clientIdClaims.stream().map(jwt::getClaimAsString)
                .filter(c -> c != null && !c.isBlank()).findFirst()
                .orElseThrow(() -> new InvalidBearerTokenException("The token names no client"));
        Caller registered = registry.byOAuthClient(clientId)
                .orElseThrow(() -> new InvalidBearerTokenException("The token's client is not registered"));
        Caller caller = registered.operator() ? registered : registered.limitedTo(scopes(jwt));
        return UsernamePasswordAuthenticationToken.authenticated(caller, null, caller.getAuthorities());
    }

    /** {@code scope} as a space-separated string (RFC 8693, 9068) or {@code scp} as a list (Azure AD, Okta). */
    private static Collection<String> scopes(Jwt jwt) {
        String scope = jwt.getClaimAsString("scope");
        if (scope != null) {
            return Set.of(scope.trim().split("\\s+"));
        }
        List<String> scp = jwt.getClaimAsStringList("scp");
        return scp == null ? Set.of() : Set.copyOf(scp);
    }
}
