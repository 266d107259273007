package vn.lgsp.hub.connector.portal;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.slf4j.MDC;
import vn.lgsp.hub.core.HubHeaders;

/**
 * POSTs JSON to the portal and turns transport failures into {@link PortalException}s. It does not look at HTTP
 * statuses or bodies: what they mean differs between the login and the service calls.
 */
final class PortalHttp {

    /** The portal's answer as received: status and raw body. */
    record Reply(int status, byte[] body) {
    }

    private final HttpClient client;
    private final Duration requestTimeout;

    PortalHttp(Duration connectTimeout, Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
        this.client = HttpClient.newBuilder()
                // the adapter is a plain HTTP/1.1 service; an h2c upgrade attempt on every POST buys nothing
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    Reply post(URI uri, byte[] json, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        headers.forEach(request::header);
        // the hub's correlation id travels on to the portal, so that one id follows a dossier event across systems
        String correlationId = MDC.get(HubHeaders.CORRELATION_ID_MDC);
        if (correlationId != null) {
            request.header(HubHeaders.CORRELATION_ID_HTTP, correlationId);
        }
        CompletableFuture<HttpResponse<byte[]>> call =
                client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        try {
            // the request timeout stops at the headers; this bound also covers a body that trickles in
            HttpResponse<byte[]> response = call.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Reply(response.statusCode(), response.body());
        } catch (TimeoutException e) {
            call.cancel(true);
            throw PortalException.unavailable("no reply from the portal within " + requestTimeout, e);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw PortalException.unavailable("interrupted while waiting for the portal", e);
        } catch (ExecutionException e) {
            throw translate(e.getCause());
        }
    }

    private PortalException translate(Throwable failure) {
        if (failure instanceof HttpConnectTimeoutException) {
            return PortalException.unavailable("could not connect to the portal within the connect timeout", failure);
        }
        if (failure instanceof HttpTimeoutException) {
            return PortalException.unavailable("no reply from the portal within " + requestTimeout, failure);
        }
        if (failure instanceof ConnectException) {
            return PortalException.unavailable("could not connect to the portal", failure);
        }
        if (has(failure, SocketException.class) || has(failure, SSLException.class)
                || has(failure, ClosedChannelException.class)) {
            // reset or broken connection: the call may or may not have reached the portal, which is what the
            // idempotency key is for
            return PortalException.unavailable("the connection to the portal broke: " + names(failure), failure);
        }
        if (has(failure, EOFException.class) || failure.getClass() == IOException.class) {
            // the JDK quotes the bytes it could not parse, so the cause is left out of the exception
            return PortalException.malformed("the portal closed the connection without a complete HTTP reply, or "
                    + "sent one that is not HTTP: " + names(failure));
        }
        return PortalException.unavailable("call to the portal failed: " + names(failure), failure);
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Exception types only: their messages may quote what the portal sent. */
    private static String names(Throwable failure) {
        StringBuilder names = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            names.append(names.length() == 0 ? "" : " < ").append(t.getClass().getSimpleName());
        }
        return names.toString();
    }
}
