package vn.lgsp.hub.connector.business;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the national business registration connector, under {@code hub.connector.business}. */
@ConfigurationProperties(prefix = "hub.connector.business")
public class BusinessProperties {

    /**
     * Whether the connector (route, health indicator) is switched on. On by default, as every connector: a hub that
     * ships the module but has no URL for it answers its calls with {@code upstream.unavailable}.
     */
    private boolean enabled = true;

    /** Base URL of the system's API, without a trailing slash; the simulator's by default. */
    private String url = "http://127.0.0.1:18086";

    /** Key the hub presents in {@code X-Api-Key}; none is sent when empty. Supply it from the environment. */
    private String apiKey = "";

    /** How long to wait for a TCP connection to the system. */
    private Duration connectTimeout = Duration.ofSeconds(2);

    /** How long to wait for the reply; a slower reply counts as the system being unavailable. */
    private Duration readTimeout = Duration.ofSeconds(5);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }
}
