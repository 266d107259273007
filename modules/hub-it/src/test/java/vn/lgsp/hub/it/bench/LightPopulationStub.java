package vn.lgsp.hub.it.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import vn.lgsp.hub.simulators.population.PopulationReplies;

/**
 * A population database stand-in for load runs, as light as it can be so that the hub, not the stub, is what is
 * measured: the JDK's {@code com.sun.net.httpserver.HttpServer} on the loopback address, answering every POST with one
 * fixed SOAP 1.1 reply (a {@code KetQuaXacThucResponse} with {@code TonTai = true} and the record of one citizen),
 * built once. No WireMock, no matching, no templating, no per-call logging. GET answers 404.
 *
 * <p>It can record one request (body and headers) as received, so that the direct baseline replays the hub's own
 * SOAP request byte for byte.
 */
final class LightPopulationStub implements AutoCloseable {

    static final String PATH = "/ws/population";

    private final HttpServer server;
    private final ExecutorService executor;
    private final byte[] reply;
    private final AtomicLong calls = new AtomicLong();
    private volatile boolean capture;
    private volatile CitizenBench.SoapCall captured;

    /** @param citizen the record of the citizen every reply carries, as {@code CitizenRegistry} holds it */
    LightPopulationStub(Map<String, Object> citizen, int threads) throws IOException {
        // the JDK server writes the headers and the body separately; without TCP_NODELAY, Nagle's algorithm and the
        // peer's delayed ACK would add up to 40 ms to a reply
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.reply = PopulationReplies.verificationEnvelope(citizen).getBytes(StandardCharsets.UTF_8);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "population-stub");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext(PATH, this::handle);
    }

    LightPopulationStub start() {
        server.start();
        return this;
    }

    int port() {
        return server.getAddress().getPort();
    }

    String serviceUrl() {
        return "http://127.0.0.1:" + port() + PATH;
    }

    long calls() {
        return calls.get();
    }

    /** Records the next POST it receives (then {@link #captured()} returns it), and forgets the one before. */
    void captureNext() {
        captured = null;
        capture = true;
    }

    CitizenBench.SoapCall captured() {
        return captured;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            calls.incrementAndGet();
            if (capture) {
                capture = false;
                List<String[]> headers = new ArrayList<>();
                exchange.getRequestHeaders().forEach((name, values) -> values.forEach(v -> headers.add(
                        new String[] {name, v})));
                captured = new CitizenBench.SoapCall(body, headers);
            }
            exchange.getResponseHeaders().set("Content-Type", "text/xml; charset=utf-8");
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        }
    }


    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
