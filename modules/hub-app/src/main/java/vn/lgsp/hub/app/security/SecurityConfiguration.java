package vn.lgsp.hub.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import vn.lgsp.hub.app.web.Problems;
import vn.lgsp.hub.core.error.ErrorCode;

/** One access model for every endpoint: deny by default, each path opened to the service or role it needs. */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain hubSecurity(HttpSecurity http, ClientRegistry registry, ObjectMapper json,
                                    SecurityEvents events) throws Exception {
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(r -> r.disable())
                .addFilterBefore(new ApiKeyAuthenticationFilter(registry, json, events),
                        AnonymousAuthenticationFilter.class)
                // both refusals are recorded in the exchange log (flow "security") and counted; see SecurityEvents
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> {
                            events.authenticationFailed(req, "No API key");
                            Problems.write(res, json, ErrorCode.UNAUTHENTICATED,
                                    "Send your API key in the X-API-Key header");
                        })
                        .accessDeniedHandler((req, res, ex) -> {
                            events.accessDenied(req, "The client's access right does not cover this call");
                            Problems.write(res, json, ErrorCode.FORBIDDEN,
                                    "Your client is not allowed to call this service");
                        }))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/error").permitAll()
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
                        .requestMatchers("/api/v1/ops/**", "/actuator/**").hasRole("OPERATOR")
                        .anyRequest().denyAll());
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
