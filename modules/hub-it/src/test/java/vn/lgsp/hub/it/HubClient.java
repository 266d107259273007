package vn.lgsp.hub.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The one-stop-shop's side of the hub's REST API, as far as black-box tests need it. Thread-safe. */
public final class HubClient {

    public static final String DEFAULT_API_KEY = "demo-key";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String apiKey;
    private final HttpClient http;

    public HubClient(String baseUrl) {
        this(baseUrl, DEFAULT_API_KEY);
    }

    public HubClient(String baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** A reply: HTTP status, body, and how long the call took from send to the last body byte. */
    public record Reply(int status, String body, long nanos) {

        public boolean accepted() {
            return status == 202;
        }

        /** The {@code exchangeId} of a 202, else null. */
        public String exchangeId() {
            return field("exchangeId");
        }

        public String field(String name) {
            try {
                JsonNode node = JSON.readTree(body);
                return node == null || !node.hasNonNull(name) ? null : node.get(name).asText();
            } catch (IOException e) {
                return null;
            }
        }
    }

    /** {@code POST /api/v1/dossiers/events}; an I/O failure (refused, reset, timeout) is thrown as is. */
    public Reply postEvent(String eventJson) throws IOException, InterruptedException {
        return post("/api/v1/dossiers/events", eventJson);
    }

    /**
     * {@code POST /api/v1/intake/dossiers}: one online-intake dossier in the portal's wire form, as the portal pushes
     * it; an I/O failure (refused, reset, timeout) is thrown as is.
     */
    public Reply postIntake(String dossierJson) throws IOException, InterruptedException {
        return post("/api/v1/intake/dossiers", dossierJson);
    }

    private Reply post(String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-API-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        long started = System.nanoTime();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.body(), System.nanoTime() - started);
    }

    /** {@code GET /api/v1/exchanges/{id}}. */
    public Reply exchange(String exchangeId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/exchanges/" + exchangeId))
                .timeout(Duration.ofSeconds(10))
                .header("X-API-Key", apiKey)
                .GET()
                .build();
        long started = System.nanoTime();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.body(), System.nanoTime() - started);
    }
}
