package vn.lgsp.hub.connector.docex.agency;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Objects;
import vn.lgsp.hub.connector.docex.DocexProperties;
import vn.lgsp.hub.connector.docex.transport.DocexException;
import vn.lgsp.hub.connector.docex.transport.HttpCalls;
import vn.lgsp.hub.connector.docex.transport.PackageBody;
import vn.lgsp.hub.core.HubHeaders;

/**
 * Pushes packages to provincial agencies that receive by push ({@code receives: push} in the agency directory):
 * {@code POST {push-url}} with {@code Content-Type: application/xml}, the package as the body (streamed), the
 * idempotency key in {@code X-Idempotency-Key} and the correlation id from the log context in
 * {@code X-Correlation-Id}. 2xx is received; other 4xx is {@code agency.rejected} (not retryable); 408, 429, 5xx, a
 * timeout, a refused or broken connection is {@code agency.unavailable} (retryable). The reply body is not read
 * except to quote a refusal. Thread-safe.
 */
public class AgencyPushClient {

    private final HttpCalls calls;

    public AgencyPushClient(DocexProperties properties) {
        this(properties, Clock.systemUTC());
    }

    public AgencyPushClient(DocexProperties properties, Clock clock) {
        DocexProperties.AgencyPush agency = properties.agency();
        this.calls = new HttpCalls(HttpCalls.AGENCY, agency.connectTimeout(), agency.readTimeout(), clock);
    }

    public AgencyReceipt push(String organId, URI pushUrl, byte[] packageXml, String idempotencyKey) {
        return push(organId, pushUrl, PackageBody.of(packageXml), idempotencyKey);
    }

    /** Streams the package from {@code packageXml}, which is not closed. */
    public AgencyReceipt push(String organId, URI pushUrl, InputStream packageXml, String idempotencyKey) {
        return push(organId, pushUrl, PackageBody.of(packageXml), idempotencyKey);
    }

    /** Posts one package to the agency {@code organId} at its {@code pushUrl}; throws {@link DocexException}. */
    public AgencyReceipt push(String organId, URI pushUrl, PackageBody packageXml, String idempotencyKey) {
        Objects.requireNonNull(organId, "organId");
        Objects.requireNonNull(pushUrl, "pushUrl");
        Objects.requireNonNull(packageXml, "packageXml");
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("an idempotency key is required for every push");
        }
        return calls.tracked("push to " + organId + " (key " + idempotencyKey + ")", () -> {
            try {
                HttpResponse<byte[]> reply = calls.send(HttpRequest.newBuilder(pushUrl)
                        .header("Content-Type", "application/xml")
                        .header(HubHeaders.IDEMPOTENCY_KEY_HTTP, idempotencyKey)
                        .POST(packageXml.publisher()), calls.smallBody());
                calls.requireSuccess(reply.statusCode(), reply::body);
                return new AgencyReceipt(organId, reply.statusCode());
            } catch (DocexException e) {
                // the same outcome, naming the agency
                throw new DocexException(e.errorCode(), "agency " + organId + ": " + e.getMessage(), e.retryable(),
                        e.getCause());
            }
        });
    }
}
