package vn.lgsp.hub.connector.onestop;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Settings of the provincial one-stop-shop (một cửa) connector, under {@code hub.connector.onestop}. */
@ConfigurationProperties(prefix = "hub.connector.onestop")
public class OneStopProperties {

    /** Whether the one-stop-shop connector (client, route, health indicator) is switched on. */
    private boolean enabled = true;

    /** Base URL of the one-stop-shop's API, where {@code /api/intake/dossiers} lives; a trailing slash is ignored. */
    private String baseUrl = "http://127.0.0.1:18083";

    /** Key the hub presents in {@code X-API-Key}; none is sent when empty. Supply it from the environment. */
    private String apiKey = "";

    /** How long to wait for a TCP connection to the one-stop-shop. */
    private Duration connectTimeout = Duration.ofSeconds(2);

    /** How long to wait for a whole reply; a slower reply counts as a transient failure. */
    private Duration readTimeout = Duration.ofSeconds(10);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
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
