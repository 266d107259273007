package vn.lgsp.hub.connector.docex.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import vn.lgsp.hub.core.HubHeaders;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;
import vn.lgsp.hub.core.ids.Masking;

/**
 * The HTTP side that the axis client and the agency push client share: one JDK {@link HttpClient} (HTTP/1.1, no
 * redirects), the correlation id from the log context sent as {@code X-Correlation-Id}, a deadline on the whole call
 * (reply body included, since packages are large), and the translation of every outcome into
 * {@link DocexException}:
 * <ul>
 *   <li>2xx: success, read by the caller;</li>
 *   <li>401: {@link Upstream#authFailed()}, not retryable;</li>
 *   <li>408, 429, 5xx, a timeout, a refused or broken connection: {@link Upstream#unavailable()}, retryable;</li>
 *   <li>other 4xx: {@link Upstream#rejected()}, not retryable, quoting the upstream's explanation masked and cut;</li>
 *   <li>anything else (1xx, 3xx): {@link Upstream#malformed()}, retryable.</li>
 * </ul>
 * Bodies are never logged. Thread-safe.
 */
public final class HttpCalls {

    /**
     * The stable codes of one upstream system.
     *
     * @param name        how messages name it, e.g. "the national document axis"
     * @param unavailable no answer, or a server error (retryable)
     * @param malformed   an answer that cannot be understood (retryable)
     * @param rejected    a refusal (not retryable)
     * @param authFailed  a refusal of the hub's credentials, HTTP 401 (not retryable)
     */
    public record Upstream(String name, ErrorCode unavailable, ErrorCode malformed, ErrorCode rejected,
                           ErrorCode authFailed) {
    }

    public static final Upstream AXIS = new Upstream("the national document axis", ErrorCode.AXIS_UNAVAILABLE,
            ErrorCode.AXIS_MALFORMED_REPLY, ErrorCode.AXIS_REJECTED, ErrorCode.AXIS_AUTH_FAILED);

    /** An agency's push endpoint answers with its HTTP status alone; 401 is one more refusal. */
    public static final Upstream AGENCY = new Upstream("the agency", ErrorCode.AGENCY_UNAVAILABLE,
            ErrorCode.AGENCY_UNAVAILABLE, ErrorCode.AGENCY_REJECTED, ErrorCode.AGENCY_REJECTED);

    /** Most bytes of a JSON reply or an error body that are read; a reply that is larger is malformed. */
    public static final long MAX_REPLY_BYTES = 8L * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(HttpCalls.class);
    private static final int MAX_REMOTE_TEXT = 300;
    private static final List<String> ERROR_TEXT_FIELDS = List.of("errorDesc", "message", "detail", "error", "title");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Upstream upstream;
    private final HttpClient http;
    private final Duration readTimeout;
    private final CallStatus status;

    public HttpCalls(Upstream upstream, Duration connectTimeout, Duration readTimeout, Clock clock) {
        this.upstream = upstream;
        this.readTimeout = readTimeout;
        this.status = new CallStatus(clock);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Outcomes of recent calls, for health reporting. */
    public CallStatus status() {
        return status;
    }

    public static ObjectMapper json() {
        return JSON;
    }

    /**
     * Runs one operation, records its outcome in {@link #status()} and logs its duration at DEBUG; {@code what}
     * names it in the log (never a body).
     */
    public <T> T tracked(String what, Supplier<T> call) {
        long started = System.nanoTime();
        try {
            T result = call.get();
            status.record(null);
            LOG.debug("{}: {} answered in {} ms", upstream.name(), what, (System.nanoTime() - started) / 1_000_000);
            return result;
        } catch (DocexException e) {
            status.record(e);
            LOG.debug("{}: {} failed after {} ms: {} {}", upstream.name(), what,
                    (System.nanoTime() - started) / 1_000_000, e.errorCode().code(), e.getMessage());
            throw e;
        }
    }

    /**
     * Sends the request with the correlation id and the deadline, and waits for the whole reply; a transport failure
     * becomes {@link Upstream#unavailable()}. The status is not checked here (see {@link #requireSuccess}).
     */
    public <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        String correlationId = MDC.get(HubHeaders.CORRELATION_ID_MDC);
        if (correlationId != null && !correlationId.isBlank()) {
            request.header(HubHeaders.CORRELATION_ID_HTTP, correlationId);
        }
        CompletableFuture<HttpResponse<T>> reply = http.sendAsync(request.timeout(readTimeout).build(), handler);
        try {
            return reply.get(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reply.cancel(true);
            throw unavailable("no complete reply from " + upstream.name() + " within " + readTimeout, null);
        } catch (InterruptedException e) {
            reply.cancel(true);
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while waiting for " + upstream.name(), e);
        } catch (ExecutionException e) {
            throw translate(e.getCause());
        }
    }

    /** A handler that reads the whole reply into memory, at most {@link #MAX_REPLY_BYTES}. */
    public HttpResponse.BodyHandler<byte[]> smallBody() {
        return bounded(HttpResponse.BodyHandlers.ofByteArray(), MAX_REPLY_BYTES,
                () -> malformed("the reply of " + upstream.name() + " is larger than " + MAX_REPLY_BYTES + " bytes"));
    }

    /** Wraps a handler so that a reply body above {@code maxBytes} is cut off with the given failure. */
    public static <T> HttpResponse.BodyHandler<T> bounded(HttpResponse.BodyHandler<T> handler, long maxBytes,
                                                         Supplier<? extends RuntimeException> tooLarge) {
        return info -> new BoundedSubscriber<>(handler.apply(info), maxBytes, tooLarge);
    }

    /**
     * Throws the {@link DocexException} that a non-2xx status means; {@code errorBody} is read only then, for the
     * upstream's explanation of a refusal.
     */
    public void requireSuccess(int statusCode, Supplier<byte[]> errorBody) {
        if (statusCode >= 200 && statusCode < 300) {
            return;
        }
        if (statusCode == 401) {
            throw new DocexException(upstream.authFailed(), upstream.name() + " refused the hub's credentials with"
                    + " HTTP 401" + remoteText(errorBody.get()), false, null);
        }
        if (statusCode == 408 || statusCode == 429 || statusCode >= 500) {
            throw unavailable(upstream.name() + " answered HTTP " + statusCode, null);
        }
        if (statusCode >= 400) {
            throw rejected(upstream.name() + " refused the request with HTTP " + statusCode
                    + remoteText(errorBody.get()));
        }
        throw malformed("unexpected HTTP " + statusCode + " from " + upstream.name());
    }

    public DocexException unavailable(String message, Throwable cause) {
        return new DocexException(upstream.unavailable(), message, true, cause);
    }

    public DocexException malformed(String message) {
        return new DocexException(upstream.malformed(), message, true, null);
    }

    public DocexException rejected(String message) {
        return new DocexException(upstream.rejected(), message, false, null);
    }

    public DocexException authFailed(String message) {
        return new DocexException(upstream.authFailed(), message, false, null);
    }

    private RuntimeException translate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HubException hub) {
                return hub;
            }
            if (t instanceof HttpTimeoutException) {
                return unavailable("no reply from " + upstream.name() + " within the timeout ("
                        + t.getClass().getSimpleName() + ")", null);
            }
        }
        // refused, reset or cut off: the request may have arrived or not, which is what the idempotency key is for.
        // The JDK's messages can quote what it could not parse, so only the exception types are kept.
        return unavailable("the call to " + upstream.name() + " failed: " + typeChain(failure), null);
    }

    /**
     * The upstream's explanation of a refusal: the axis' {@code errorCode} and {@code errorDesc}, or the usual fields
     * of a JSON error, else the body as text; ID-like numbers masked, white space folded, cut short.
     */
    public static String remoteText(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = null;
        JsonNode reply = readTree(body);
        if (reply != null && reply.isObject()) {
            String code = textField(reply, "errorCode");
            String detail = ERROR_TEXT_FIELDS.stream().map(field -> textField(reply, field))
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            text = code == null ? detail : detail == null ? code : code + " " + detail;
        } else if (reply == null) {
            text = new String(body, 0, Math.min(body.length, 4 * MAX_REMOTE_TEXT), StandardCharsets.UTF_8);
        }
        if (text == null || text.isBlank()) {
            return "";
        }
        text = Masking.maskIdsInText(text.replaceAll("\\s+", " ").strip());
        return ": " + (text.length() > MAX_REMOTE_TEXT ? text.substring(0, MAX_REMOTE_TEXT) + "…" : text);
    }

    /** The body as JSON, or {@code null} when it is empty or not JSON. */
    public static JsonNode readTree(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** A non-blank scalar field as text, else {@code null}. */
    public static String textField(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value != null && value.isValueNode() && !value.isNull() && !value.asText().isBlank()
                ? value.asText() : null;
    }

    private static String typeChain(Throwable failure) {
        StringBuilder chain = new StringBuilder(failure.getClass().getSimpleName());
        for (Throwable t = failure.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            chain.append(" < ").append(t.getClass().getSimpleName());
        }
        return chain.toString();
    }
}
