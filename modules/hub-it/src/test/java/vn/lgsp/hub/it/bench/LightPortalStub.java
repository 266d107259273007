package vn.lgsp.hub.it.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A portal stand-in for open-model load runs of flow 1, light so that the hub is what is measured: the JDK
 * {@code HttpServer} on the loopback address with the two paths the hub's portal connector calls.
 * <ul>
 *   <li>{@code POST /adapter/auth}: any login gets the same session;</li>
 *   <li>{@code POST /adapter/api}: the intake list ({@code LayDanhSachHoSoTrucTuyen}) is always empty; any other call
 *       is accepted ({@code error_code "0"}), and the moment it arrived ({@link System#nanoTime()}) is kept per dossier
 *       code ({@code MaHoSo} of each item), the first arrival only; and per event, keyed by the event's identity
 *       (dossier, status and the date field that carries its moment, as {@code EventFactory.identity} reads a
 *       received call), again the first arrival only.</li>
 * </ul>
 * No validation, no idempotency store, no logging per call. While recording is on, it also keeps each accepted call
 * (body and the {@code session} and {@code X-Idempotency-Key} headers), for the direct baseline to replay.
 */
final class LightPortalStub implements AutoCloseable {

    static final String AUTH_PATH = "/adapter/auth";
    static final String API_PATH = "/adapter/api";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] LOGIN = "{\"session\":\"bench-session\",\"error_code\":0}"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] ACCEPTED = "{\"error_code\":\"0\",\"message\":\"Thành công\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] EMPTY_PAGE = "{\"error_code\":0,\"message\":\"Thành công\",\"data\":[]}"
            .getBytes(StandardCharsets.UTF_8);

    /** One accepted call as received. */
    record Call(byte[] body, String session, String idempotencyKey) {
    }

    private final LightHttpServer http;
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final Map<String, Long> eventArrivals = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Call> recorded = new ConcurrentLinkedQueue<>();
    private final AtomicLong calls = new AtomicLong();
    private volatile boolean recording;

    LightPortalStub(int threads) throws IOException {
        this.http = new LightHttpServer("portal-stub", threads, 1024);
        http.handle(AUTH_PATH, exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            answer(exchange, LOGIN);
        });
        http.handle(API_PATH, this::api);
    }

    LightPortalStub start() {
        http.start();
        return this;
    }

    String baseUrl() {
        return http.baseUrl();
    }

    /** Arrival ({@link System#nanoTime()}) of the first call that carried this dossier, or null. */
    Long arrival(String dossierCode) {
        return arrivals.get(dossierCode);
    }

    /** Arrival ({@link System#nanoTime()}) of the first call that carried this event (see {@link #identity}), or null. */
    Long eventArrival(String identity) {
        return eventArrivals.get(identity);
    }

    /** Distinct events received so far. */
    int events() {
        return eventArrivals.size();
    }

    long calls() {
        return calls.get();
    }

    void startRecording() {
        recorded.clear();
        recording = true;
    }

    List<Call> stopRecording() {
        recording = false;
        List<Call> got = new ArrayList<>(recorded);
        recorded.clear();
        return got;
    }

    private void api(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        JsonNode call;
        try {
            call = JSON.readTree(body);
        } catch (IOException e) {
            exchange.sendResponseHeaders(400, -1);
            exchange.close();
            return;
        }
        if ("LayDanhSachHoSoTrucTuyen".equals(call.path("service").asText())) {
            answer(exchange, EMPTY_PAGE);
            return;
        }
        calls.incrementAndGet();
        boolean progress = "CapNhatTienDoHoSoMC".equals(call.path("service").asText());
        for (JsonNode item : call.path("data")) {
            arrivals.putIfAbsent(item.path("MaHoSo").asText(), now);
            eventArrivals.putIfAbsent(identity(progress, item), now);
        }
        if (recording) {
            recorded.add(new Call(body, exchange.getRequestHeaders().getFirst("session"),
                    exchange.getRequestHeaders().getFirst("X-Idempotency-Key")));
        }
        answer(exchange, ACCEPTED);
    }

    /**
     * The same key as {@code EventFactory.identity(ReceivedCall)} and {@code Event.identity()}: dossier code, status,
     * and the date field that carries the event's moment (progress: {@code ThoiDiemXuLy}; dossier sync: {@code NgayTra}
     * for 10, {@code NgayKetThucXuLy} for 3, 7, 8, 9, else {@code NgayTiepNhan}; empty when absent).
     */
    static String identity(boolean progress, JsonNode item) {
        JsonNode statusNode = item.path(progress ? "TrangThai" : "TrangThaiHoSo");
        String status = statusNode.isMissingNode() || statusNode.isNull() ? "-1" : statusNode.asText();
        String field;
        if (progress) {
            field = "ThoiDiemXuLy";
        } else if ("10".equals(status)) {
            field = "NgayTra";
        } else if ("3".equals(status) || "7".equals(status) || "8".equals(status) || "9".equals(status)) {
            field = "NgayKetThucXuLy";
        } else {
            field = "NgayTiepNhan";
        }
        JsonNode time = item.path(field);
        return item.path("MaHoSo").asText() + "|" + status + "|"
                + (time.isMissingNode() || time.isNull() ? "" : time.asText());
    }

    /** Answers 200 with a fixed JSON body; the request body has been read already. */
    private static void answer(HttpExchange exchange, byte[] reply) throws IOException {
        LightHttpServer.reply(exchange, 200, "application/json; charset=utf-8", reply);
    }

    @Override
    public void close() {
        http.close();
    }
}
