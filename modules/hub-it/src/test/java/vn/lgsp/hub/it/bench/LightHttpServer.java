package vn.lgsp.hub.it.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK's HTTP server on the loopback address with a fixed pool of daemon threads: what the benchmarks' light
 * upstream stand-ins run on, so that the hub, not the stand-in, is what is measured.
 */
final class LightHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;

    LightHttpServer(String name, int threads, int backlog) throws IOException {
        // the JDK server writes the headers and the body separately; without TCP_NODELAY, Nagle's algorithm and the
        // peer's delayed ACK would add up to 40 ms to a reply
        System.setProperty("sun.net.httpserver.nodelay", "true");
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), backlog);
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
    }

    void handle(String path, HttpHandler handler) {
        server.createContext(path, handler);
    }

    void start() {
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Answers with a fixed body and closes the exchange; the request body has been read already. */
    static void reply(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
