package vn.lgsp.hub.connector.onestop;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import vn.lgsp.hub.core.HubHeaders;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;
import vn.lgsp.hub.core.ids.Masking;
import vn.lgsp.hub.core.model.IntakeDossier;

/**
 * Delivers online-intake dossiers to the provincial one-stop-shop: {@code POST {base-url}/api/intake/dossiers} with
 * the {@link OneStopDelivery} as JSON (English field names, ISO-8601 dates), the idempotency key in
 * {@code X-Idempotency-Key}, the correlation id from the log context in {@code X-Correlation-Id}, and the API key, if
 * one is configured, in {@code X-API-Key}. Thread-safe.
 *
 * <p>How answers are read:
 * <ul>
 *   <li>2xx with {@code {"receiptNumber": "…"}}: delivered; {@code "duplicate": true} says the key had been seen;</li>
 *   <li>409: the key had been seen, which is success for an at-least-once sender;</li>
 *   <li>401, 403 and other 4xx (400 and 422 above all): refused, not retryable;</li>
 *   <li>408, 429 and 5xx, a timeout, a refused or broken connection: unavailable, retryable;</li>
 *   <li>2xx whose body is not a receipt: malformed, retryable (the key makes the retry safe).</li>
 * </ul>
 * Bodies are never logged; the one-stop-shop's error text enters a message only masked and cut short.
 */
public class OneStopClient {

    /** Where dossiers are posted, below the base URL. */
    public static final String DOSSIERS_PATH = "/api/intake/dossiers";

    private static final Logger LOG = LoggerFactory.getLogger(OneStopClient.class);
    private static final int MAX_REMOTE_TEXT = 300;
    private static final List<String> ERROR_TEXT_FIELDS = List.of("message", "detail", "error", "title");

    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();
    private final HttpClient http;
    private final URI dossiersUri;
    private final String apiKey;
    private final Duration readTimeout;
    private final OneStopCallStatus status;

    public OneStopClient(OneStopProperties properties) {
        this(properties, Clock.systemUTC());
    }

    public OneStopClient(OneStopProperties properties, Clock clock) {
        String base = properties.getBaseUrl();
        this.dossiersUri = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + DOSSIERS_PATH);
        this.apiKey = properties.getApiKey() == null ? "" : properties.getApiKey().trim();
        this.readTimeout = properties.getReadTimeout();
        this.status = new OneStopCallStatus(clock);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.getConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Posts one dossier; returns the receipt or throws {@link OneStopException}. */
    public OneStopReceipt deliver(OneStopDelivery delivery, String idempotencyKey) {
        Objects.requireNonNull(delivery, "delivery");
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("an idempotency key is required for every delivery");
        }
        String dossierCode = delivery.dossier().dossierCode();
        long started = System.nanoTime();
        try {
            OneStopReceipt receipt = interpret(post(request(delivery, idempotencyKey)), delivery.dossier());
            status.record(null);
            LOG.debug("one-stop-shop received dossier {} in {} ms (key {}, duplicate {})", dossierCode,
                    (System.nanoTime() - started) / 1_000_000, idempotencyKey, receipt.duplicate());
            return receipt;
        } catch (OneStopException e) {
            status.record(e);
            LOG.debug("delivery of dossier {} to the one-stop-shop failed after {} ms (key {}): {} {}", dossierCode,
                    (System.nanoTime() - started) / 1_000_000, idempotencyKey, e.errorCode().code(), e.getMessage());
            throw e;
        }
    }

    /** Outcomes of recent deliveries, for health reporting. */
    public OneStopCallStatus status() {
        return status;
    }

    private HttpRequest request(OneStopDelivery delivery, String idempotencyKey) {
        byte[] body;
        try {
            body = json.writeValueAsBytes(delivery);
        } catch (JsonProcessingException e) {
            throw new HubException(ErrorCode.INTERNAL, "could not serialise a dossier for the one-stop-shop", e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(dossiersUri)
                .timeout(readTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .header(HubHeaders.IDEMPOTENCY_KEY_HTTP, idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (!apiKey.isEmpty()) {
            request.header(HubHeaders.API_KEY_HTTP, apiKey);
        }
        String correlationId = MDC.get(HubHeaders.CORRELATION_ID_MDC);
        if (correlationId != null && !correlationId.isBlank()) {
            request.header(HubHeaders.CORRELATION_ID_HTTP, correlationId);
        }
        return request.build();
    }

    private HttpResponse<byte[]> post(HttpRequest request) {
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            // the request's own timeout stops at the headers; this bound also covers a reply body that trickles in
            return call.get(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw OneStopException.unavailable("no reply from the one-stop-shop within the timeout ("
                    + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw OneStopException.unavailable("interrupted while waiting for the one-stop-shop", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw OneStopException.unavailable("no reply from the one-stop-shop within the timeout ("
                        + cause.getClass().getSimpleName() + ")", cause);
            }
            // refused, reset or cut off: the dossier may have arrived or not, which is what the idempotency key is
            // for. The JDK's messages can quote what it could not parse, so only the exception types are kept.
            throw OneStopException.unavailable("the call to the one-stop-shop failed: " + typeChain(cause), null);
        }
    }

    private OneStopReceipt interpret(HttpResponse<byte[]> response, IntakeDossier dossier) {
        int code = response.statusCode();
        if (code == 409) {
            JsonNode reply = readTree(response.body());
            return new OneStopReceipt(reply == null ? null : textField(reply, "receiptNumber"), true);
        }
        if (code >= 200 && code < 300) {
            JsonNode reply = readTree(response.body());
            if (reply == null || !reply.isObject()) {
                throw OneStopException.malformed("the one-stop-shop answered HTTP " + code + " with a body that is not"
                        + " a JSON object");
            }
            boolean duplicate = reply.path("duplicate").asBoolean(false);
            String receiptNumber = textField(reply, "receiptNumber");
            if (receiptNumber == null && !duplicate) {
                throw OneStopException.malformed("the one-stop-shop answered HTTP " + code
                        + " without a receiptNumber");
            }
            return new OneStopReceipt(receiptNumber, duplicate);
        }
        if (code == 401 || code == 403) {
            throw OneStopException.rejected("the one-stop-shop refused the hub's credentials with HTTP " + code
                    + "; check hub.connector.onestop.api-key");
        }
        if (code == 408 || code == 429 || code >= 500) {
            throw OneStopException.unavailable("the one-stop-shop answered HTTP " + code, null);
        }
        if (code >= 400) {
            throw OneStopException.rejected("the one-stop-shop refused dossier " + dossier.dossierCode() + " with HTTP "
                    + code + remoteText(response.body(), dossier));
        }
        throw OneStopException.malformed("unexpected HTTP " + code + " from the one-stop-shop");
    }

    private JsonNode readTree(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String textField(JsonNode reply, String name) {
        JsonNode value = reply.get(name);
        return value != null && value.isValueNode() && !value.asText().isBlank() ? value.asText() : null;
    }

    /**
     * The one-stop-shop's explanation of a refusal, from the usual fields of a JSON error, else the body as text;
     * the applicant's own name and ID (the likeliest to be echoed) and any other ID-like number masked, then cut.
     */
    private String remoteText(byte[] body, IntakeDossier dossier) {
        JsonNode reply = readTree(body);
        String text = null;
        if (reply != null && reply.isObject()) {
            text = ERROR_TEXT_FIELDS.stream().map(field -> textField(reply, field)).filter(Objects::nonNull)
                    .findFirst().orElse(null);
        } else if (body != null && body.length > 0) {
            text = new String(body, StandardCharsets.UTF_8);
        }
        if (text == null || text.isBlank()) {
            return "";
        }
        IntakeDossier.Applicant applicant = dossier.applicant();
        if (applicant != null && applicant.fullName() != null && !applicant.fullName().isBlank()) {
            text = text.replace(applicant.fullName().trim(), Masking.maskName(applicant.fullName()));
        }
        if (applicant != null && applicant.personalId() != null && !applicant.personalId().isBlank()) {
            text = text.replace(applicant.personalId().trim(), Masking.maskPersonalId(applicant.personalId().trim()));
        }
        text = Masking.maskIdsInText(text.replaceAll("\\s+", " ").strip());
        return ": " + (text.length() > MAX_REMOTE_TEXT ? text.substring(0, MAX_REMOTE_TEXT) + "…" : text);
    }

    private static String typeChain(Throwable failure) {
        StringBuilder chain = new StringBuilder(failure.getClass().getSimpleName());
        for (Throwable t = failure.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            chain.append(" < ").append(t.getClass().getSimpleName());
        }
        return chain.toString();
    }
}
