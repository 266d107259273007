package vn.lgsp.hub.app.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * Who may call the hub, and how often. The clients and operators themselves are data, in the client registry file
 * ({@link ClientRegistry}); only the demo callers of the embedded default are configuration.
 *
 * @param demo      the demo client and operator of the embedded default
 * @param registry  where the client registry file is, and how often it is checked for changes
 * @param rateLimit the rate limit of callers whose registry entry names none
 * @param oauth     how bearer tokens name their client
 */
@ConfigurationProperties("hub.security")
public record SecurityProperties(Demo demo, Registry registry, DefaultRateLimit rateLimit, OAuth oauth) {

    public SecurityProperties {
        demo = demo == null ? new Demo(false, null, null) : demo;
        registry = registry == null ? new Registry(null, null) : registry;
        rateLimit = rateLimit == null ? new DefaultRateLimit(null, null, null) : rateLimit;
        oauth = oauth == null ? new OAuth(null) : oauth;
    }

    /**
     * @param enabled     whether the demo client ({@code demo}, every service) and operator exist; default false,
     *                    true only in the embedded default configuration
     * @param apiKey      the demo client's key, from {@code HUB_DEMO_API_KEY} (default {@code demo-key})
     * @param operatorKey the demo operator's key, from {@code HUB_DEMO_OPERATOR_KEY} (default {@code demo-operator})
     */
    public record Demo(boolean enabled, String apiKey, String operatorKey) {
    }

    /**
     * @param location       the client registry file; default {@code classpath:config/clients.yml}
     * @param reloadInterval how often, at most, the file's last-modified time is checked; default 10s
     */
    public record Registry(Resource location, Duration reloadInterval) {
        public Registry {
            location = location == null
                    ? new DefaultResourceLoader().getResource("classpath:config/clients.yml") : location;
            reloadInterval = reloadInterval == null ? Duration.ofSeconds(10) : reloadInterval;
        }
    }

    /**
     * @param enabled   whether calls are limited at all; default true
     * @param perSecond calls a second a caller may make on average; default 200
     * @param burst     calls a caller may make at once; default twice {@code perSecond}
     */
    public record DefaultRateLimit(Boolean enabled, Integer perSecond, Integer burst) {
        public DefaultRateLimit {
            enabled = enabled == null || enabled;
            perSecond = perSecond == null ? 200 : perSecond;
            burst = burst == null ? 2 * perSecond : burst;
        }

        public RateLimit limit() {
            return new RateLimit(perSecond, burst);
        }
    }

    /**
     * @param clientIdClaims the claims of a bearer token that name its client, tried in order; default
     *                       {@code client_id} (RFC 9068) then {@code azp} (Keycloak, OpenID Connect)
     */
    public record OAuth(List<String> clientIdClaims) {
        public OAuth {
            clientIdClaims = clientIdClaims == null || clientIdClaims.isEmpty()
                    ? List.of("client_id", "azp") : List.copyOf(clientIdClaims);
        }
    }
}
