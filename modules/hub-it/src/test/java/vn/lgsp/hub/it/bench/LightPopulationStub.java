package vn.lgsp.hub.it.bench;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    private final LightHttpServer http;
    private final byte[] reply;
    private final AtomicLong calls = new AtomicLong();
    private volatile boolean capture;
    private volatile CitizenBench.SoapCall captured;

    /** @param citizen the record of the citizen every reply carries, as {@code CitizenRegistry} holds it */
    LightPopulationStub(Map<String, Object> citizen, int threads) throws IOException {
        this.reply = PopulationReplies.verificationEnvelope(citizen).getBytes(StandardCharsets.UTF_8);
        this.http = new LightHttpServer("population-stub", threads, 1024);
        http.handle(PATH, this::handle);
    }

    LightPopulationStub start() {
        http.start();
        return this;
    }

    int port() {
        return http.port();
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
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (!"POST".equals(exchange.getRequestMethod())) {
            try (exchange) {
                exchange.sendResponseHeaders(404, -1);
            }
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
        LightHttpServer.reply(exchange, 200, "text/xml; charset=utf-8", reply);
    }

    @Override
    public void close() {
        http.close();
    }
}
