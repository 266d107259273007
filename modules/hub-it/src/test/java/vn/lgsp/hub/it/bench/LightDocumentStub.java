package vn.lgsp.hub.it.bench;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The receiving end of document exchange for load runs, light so that the hub is what is measured: the JDK
 * {@code HttpServer} on the loopback address, with
 * <ul>
 *   <li>{@code POST /agencies/{organId}/documents}: a provincial agency's push endpoint (answers 202);</li>
 *   <li>{@code POST /vxp/edoc/send}: the national axis' send (answers 200 with a fresh {@code docId});</li>
 *   <li>{@code GET /vxp/...}: any other axis call, answered with an empty list, so that the hub's poll of the axis
 *       finds nothing and costs next to nothing.</li>
 * </ul>
 * A package is streamed into a discarding sink in 64 KB reads, never held: only its first 16 KB are kept, to find
 * its {@code DocumentId}. The moment its last byte was read ({@link System#nanoTime()}) is kept per document id, first
 * arrival only, with the bytes read; the total of bytes read is counted. No validation, no idempotency, no logging per
 * call.
 */
final class LightDocumentStub implements AutoCloseable {

    static final String AXIS_SEND = "/vxp/edoc/send";
    private static final Pattern DOCUMENT_ID = Pattern.compile("<(?:\\w+:)?DocumentId>([^<]+)</");
    private static final int HEAD = 16 * 1024;
    private static final byte[] PUSHED = "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EMPTY = "{\"status\":\"OK\",\"data\":[]}".getBytes(StandardCharsets.UTF_8);

    /** A package as it arrived: when its last byte was read and how many bytes it had. */
    record Arrival(long nanos, long bytes) {
    }

    private final LightHttpServer http;
    private final Map<String, Arrival> arrivals = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong packages = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();

    LightDocumentStub(int threads) throws IOException {
        this.http = new LightHttpServer("document-stub", threads, 256);
        http.handle("/agencies/", exchange -> receive(exchange, 202, PUSHED));
        http.handle("/vxp/", exchange -> {
            if (AXIS_SEND.equals(exchange.getRequestURI().getPath())) {
                receive(exchange, 200, ("{\"status\":\"OK\",\"docId\":\"AX-" + sent.incrementAndGet() + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
            } else {
                drain(exchange.getRequestBody(), new byte[8192]);
                answer(exchange, 200, EMPTY);
            }
        });
    }

    LightDocumentStub start() {
        http.start();
        return this;
    }

    String baseUrl() {
        return http.baseUrl();
    }

    /** The push URL of a provincial agency, for the agency directory. */
    String pushUrl(String organId) {
        return baseUrl() + "/agencies/" + organId + "/documents";
    }

    Arrival arrival(String documentId) {
        return arrivals.get(documentId);
    }

    long bytes() {
        return bytes.get();
    }

    long packages() {
        return packages.get();
    }

    private void receive(HttpExchange exchange, int status, byte[] reply) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        String documentId = null;
        try (InputStream in = exchange.getRequestBody()) {
            int head = 0;
            // the document id is in the header, near the start: read until it is found or 16 KB are in
            while (head < HEAD) {
                int n = in.read(buffer, head, HEAD - head);
                if (n < 0) {
                    break;
                }
                head += n;
                Matcher m = DOCUMENT_ID.matcher(new String(buffer, 0, head, StandardCharsets.UTF_8));
                if (m.find()) {
                    documentId = m.group(1).trim();
                    break;
                }
            }
            read = head + drain(in, buffer);
        }
        long now = System.nanoTime();
        bytes.addAndGet(read);
        packages.incrementAndGet();
        if (documentId != null) {
            arrivals.putIfAbsent(documentId, new Arrival(now, read));
        }
        answer(exchange, status, reply);
    }

    private static long drain(InputStream in, byte[] buffer) throws IOException {
        long total = 0;
        for (int n; (n = in.read(buffer)) >= 0; ) {
            total += n;
        }
        return total;
    }

    private static void answer(HttpExchange exchange, int status, byte[] reply) throws IOException {
        LightHttpServer.reply(exchange, status, "application/json", reply);
    }

    @Override
    public void close() {
        http.close();
    }
}
