package vn.lgsp.hub.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.cert.X509Certificate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import vn.lgsp.hub.app.catalogue.ServiceCatalogue;
import vn.lgsp.hub.app.web.Problems;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.service.ServiceDescriptor;

/**
 * One access model for every endpoint: deny by default, each path opened to the service or role it needs: the hub's
 * own paths by the rules below, the REST operations of contributed services ({@link ServiceCatalogue}) each to its
 * access right. A caller authenticates with an API key ({@code X-API-Key}), a bearer token (when an issuer is
 * configured) or a client certificate (when TLS asks for one); each maps to the same {@link Caller} of the
 * {@link ClientRegistry}.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain hubSecurity(HttpSecurity http, ClientRegistry registry, ObjectMapper json,
                                    SecurityEvents events, SecurityProperties props,
                                    ObjectProvider<JwtDecoder> jwtDecoder, ServiceCatalogue catalogue,
                                    @Value("${springdoc.api-docs.path:/api/v1/openapi.json}") String openApiPath)
            throws Exception {
        // both refusals are recorded in the exchange log (flow "security") and counted; see SecurityEvents
        AuthenticationEntryPoint unauthenticated = (req, res, ex) -> {
            if (ex instanceof OAuth2AuthenticationException) {
                events.authenticationFailed(req, "Invalid bearer token");
                res.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
                Problems.write(res, json, ErrorCode.UNAUTHENTICATED,
                        "The bearer token is not valid, has expired, or its client is not registered");
                return;
            }
            events.authenticationFailed(req, "No credentials");
            Problems.write(res, json, ErrorCode.UNAUTHENTICATED,
                    "Send your API key in the X-API-Key header, or a bearer token in Authorization");
        };
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            // only when spring.security.oauth2.resourceserver.jwt.* names an issuer or keys
            BearerTokenCallers callers = new BearerTokenCallers(registry, props.oauth().clientIdClaims());
            http.oauth2ResourceServer(o -> o.authenticationEntryPoint(unauthenticated)
                    .jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(callers)));
        }
        http.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        // the console loads only its own files and calls only the hub: no CDN, no inline script
                        "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                // mutual TLS (server.ssl.client-auth with an SSL bundle): a client certificate the registry knows by
                // its SHA-256 authenticates its caller; an unknown one is ignored, and the call needs another credential
                .x509(x -> x.x509PrincipalExtractor(cert -> cert.getSubjectX500Principal().getName())
                        .authenticationUserDetailsService(token -> registry
                                .byCertificate((X509Certificate) token.getCredentials())
                                .orElseThrow(() -> new UsernameNotFoundException("Unknown client certificate"))))
                .addFilterBefore(new ApiKeyAuthenticationFilter(registry, json, events),
                        AnonymousAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(props.rateLimit(), json, events), AuthorizationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler((req, res, ex) -> {
                            events.accessDenied(req, "The client's access right does not cover this call");
                            Problems.write(res, json, ErrorCode.FORBIDDEN,
                                    "Your client is not allowed to call this service");
                        }))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        // the operator console's static files hold no data; what it shows needs the operator key
                        .requestMatchers(HttpMethod.GET, "/console", "/console/", "/console/index.html",
                                "/console/console.js", "/console/console.css").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/dossiers/events")
                        .hasAuthority(HubServices.authority(HubServices.DOSSIER_EVENTS))
                        .requestMatchers(HttpMethod.POST, "/api/v1/citizens/verify")
                        .hasAuthority(HubServices.authority(HubServices.CITIZENS_VERIFY))
                        .requestMatchers(HttpMethod.POST, "/api/v1/citizens/lookup")
                        .hasAuthority(HubServices.authority(HubServices.CITIZENS_LOOKUP))
                        .requestMatchers(HttpMethod.POST, "/api/v1/intake/dossiers")
                        .hasAuthority(HubServices.authority(HubServices.INTAKE_SUBMIT))
                        .requestMatchers(HttpMethod.POST, "/api/v1/documents", "/api/v1/documents/status")
                        .hasAuthority(HubServices.authority(HubServices.DOCUMENTS_SEND))
                        .requestMatchers("/api/v1/documents/inbox/**")
                        .hasAuthority(HubServices.authority(HubServices.DOCUMENTS_INBOX))
                        // SOAP: one URL serves several operations, so the filter chain only authenticates; each
                        // operation checks its own service (citizens.verify, citizens.lookup) and answers a refusal
                        // with the fault auth.forbidden. The WSDL (?wsdl) needs a key too.
                        .requestMatchers("/ws/**").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/v1/exchanges/*")
                        .hasAnyAuthority(HubServices.authority(HubServices.EXCHANGES_READ), "ROLE_OPERATOR")
                        // the catalogue shows each caller only what it may use; the API description hides nothing
                        // secret but is for the hub's clients, not the internet
                        .requestMatchers(HttpMethod.GET, "/api/v1/services", "/api/v1/services/*",
                                openApiPath, openApiPath + ".yaml").authenticated()
                        .requestMatchers("/api/v1/ops/**", "/actuator/**").hasRole("OPERATOR"));
        // connector modules' and route files' REST operations: each method and path to its access right, exactly
        // (the catalogue refuses wildcards, and paths of the hub's own)
        for (ServiceCatalogue.Entry entry : catalogue.contributed()) {
            for (ServiceDescriptor.Operation o : entry.service().operations()) {
                if (o.path() != null) {
                    RequestMatcher matcher = PathPatternRequestMatcher.withDefaults()
                            .matcher(HttpMethod.valueOf(o.method()), o.path());
                    http.authorizeHttpRequests(a -> a.requestMatchers(matcher)
                            .hasAuthority(HubServices.authority(o.accessRight())));
                }
            }
        }
        http.authorizeHttpRequests(a -> a.anyRequest().denyAll());
        return http.build();
    }

    /**
     * A request Spring Security's firewall rejects (encoded slashes or dots, {@code ..}, {@code ;}, control
     * characters in the path or headers) gets the hub's problem document with a stable code, like any refusal,
     * instead of the servlet container's default error page.
     */
    @Bean
    RequestRejectedHandler problemForRejectedRequests(ObjectMapper json) {
        return (request, response, rejected) -> Problems.write(response, json, ErrorCode.REJECTED_REQUEST,
                "The request's path or headers are not acceptable; send plain codes and ids in the path");
    }
}
