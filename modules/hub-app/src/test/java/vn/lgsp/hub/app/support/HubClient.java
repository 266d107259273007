package vn.lgsp.hub.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/** Talks to a running hub over real HTTP, the way a one-stop-shop would. */
public final class HubClient {

    public static final String DEMO_KEY = "demo-key";
    public static final String OPERATOR_KEY = "demo-operator";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public HubClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public record Reply(int status, String contentType, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String code() {
            return json().path("code").asText();
        }
    }

    public Reply postEvent(String body) {
        return post("/api/v1/dossiers/events", DEMO_KEY, "application/json", body);
    }

    public Reply post(String path, String apiKey, String contentType, String body) {
        return post(path, apiKey, contentType, HttpRequest.BodyPublishers.ofString(body));
    }

    /** Posts a body of a known length produced as it is sent (a large package), never held whole. */
    public Reply post(String path, String apiKey, String contentType, Supplier<InputStream> body, long length) {
        return post(path, apiKey, contentType, HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(body), length));
    }

    private Reply post(String path, String apiKey, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(60))
                .POST(body);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (apiKey != null) {
            b.header("X-API-Key", apiKey);
        }
        return send(b.build());
    }

    public Reply get(String path, String apiKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30)).GET();
        if (apiKey != null) {
            b.header("X-API-Key", apiKey);
        }
        return send(b.build());
    }

    public JsonNode exchange(String exchangeId) {
        return get("/api/v1/exchanges/" + exchangeId, DEMO_KEY).json();
    }

    public String state(String exchangeId) {
        return exchange(exchangeId).path("state").asText();
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
