package vn.lgsp.hub.connector.docex.axis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import vn.lgsp.hub.connector.docex.DocexProperties;
import vn.lgsp.hub.connector.docex.transport.CallStatus;
import vn.lgsp.hub.connector.docex.transport.DocexException;
import vn.lgsp.hub.connector.docex.transport.HttpCalls;
import vn.lgsp.hub.connector.docex.transport.PackageBody;
import vn.lgsp.hub.core.HubHeaders;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;

/**
 * Client of the national document axis, on the wire of {@code docs/DOCUMENT-AXIS.md}: every call carries the hub's
 * {@code systemid} and {@code secret}, and the correlation id from the log context in {@code X-Correlation-Id}.
 * Replies are JSON {@code {"status":"OK", …}} or {@code {"status":"FAIL","errorCode":…,"errorDesc":…}}. Failures are
 * {@link DocexException}s with the codes {@code axis.unavailable} (retryable), {@code axis.malformed_reply}
 * (retryable), {@code axis.rejected} and {@code axis.auth_failed} (neither retryable); see {@link HttpCalls} for
 * which HTTP outcome is which. Packages are streamed both ways and never held twice. Thread-safe.
 */
public class AxisClient {

    public static final String SEND_PATH = "/vxp/edoc/send";
    public static final String RECEIVED_PATH = "/vxp/edoc/received";
    /** Followed by the document id: the package ({@code GET}), or with {@code /status} its acknowledgement. */
    public static final String EDOC_PATH = "/vxp/edoc/";
    public static final String AGENCIES_PATH = "/vxp/agencies";

    public static final String SYSTEM_ID_HEADER = "systemid";
    public static final String SECRET_HEADER = "secret";
    public static final String FROM_HEADER = "from";
    public static final String SERVICE_TYPE_HEADER = "servicetype";
    public static final String MESSAGE_TYPE_HEADER = "messagetype";
    /** The only service type the hub sends. */
    public static final String SERVICE_TYPE = "eDoc";

    private final HttpCalls calls;
    private final String baseUrl;
    private final String systemId;
    private final String secret;
    private final long maxPackageBytes;
    private final Path downloadDir;

    public AxisClient(DocexProperties properties) {
        this(properties, Clock.systemUTC());
    }

    public AxisClient(DocexProperties properties, Clock clock) {
        DocexProperties.Axis axis = properties.axis();
        String base = axis.baseUrl().trim();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.systemId = axis.systemId();
        this.secret = axis.secret();
        this.maxPackageBytes = properties.maxPackageSize().toBytes();
        this.downloadDir = properties.attachmentDir();
        this.calls = new HttpCalls(HttpCalls.AXIS, axis.connectTimeout(), axis.readTimeout(), clock);
    }

    /** Outcomes of recent calls, for health reporting. */
    public CallStatus status() {
        return calls.status();
    }

    /** Sends a package held in memory; see {@link #send(PackageBody, String, MessageType, String)}. */
    public AxisReceipt send(byte[] packageXml, String from, MessageType messageType, String idempotencyKey) {
        return send(PackageBody.of(packageXml), from, messageType, idempotencyKey);
    }

    /** Sends a package as it is read from the stream (which is not closed); nothing is buffered whole. */
    public AxisReceipt send(InputStream packageXml, String from, MessageType messageType, String idempotencyKey) {
        return send(PackageBody.of(packageXml), from, messageType, idempotencyKey);
    }

    /**
     * {@code POST /vxp/edoc/send}: sends one edXML package or status package as {@code from}. The axis recognises a
     * repeated {@code idempotencyKey} and answers with the first package's id and {@code duplicate} set.
     */
    public AxisReceipt send(PackageBody packageXml, String from, MessageType messageType, String idempotencyKey) {
        Objects.requireNonNull(packageXml, "packageXml");
        Objects.requireNonNull(messageType, "messageType");
        require(from, "from");
        require(idempotencyKey, "an idempotency key");
        return calls.tracked("send " + messageType.wire() + " from " + from + " (key " + idempotencyKey + ")", () -> {
            JsonNode reply = ok(calls.send(authorized(SEND_PATH)
                    .header("Content-Type", "application/xml")
                    .header(FROM_HEADER, from)
                    .header(SERVICE_TYPE_HEADER, SERVICE_TYPE)
                    .header(MESSAGE_TYPE_HEADER, messageType.wire())
                    .header(HubHeaders.IDEMPOTENCY_KEY_HTTP, idempotencyKey)
                    .POST(packageXml.publisher()), calls.smallBody()));
            String docId = HttpCalls.textField(reply, "docId");
            if (docId == null) {
                throw calls.malformed("the axis accepted a package without giving its docId");
            }
            return new AxisReceipt(docId, reply.path("duplicate").asBoolean(false));
        });
    }

    /**
     * {@code GET /vxp/edoc/received}: packages waiting for these agencies, not yet acknowledged {@code done}, with a
     * sequence number above {@code afterSeq}, in sequence order, at most {@code limit}. No call is made for no
     * agencies.
     */
    public List<AxisEntry> received(List<String> organIds, long afterSeq, int limit) {
        Objects.requireNonNull(organIds, "organIds");
        if (afterSeq < 0 || limit < 1) {
            throw new IllegalArgumentException("afterSeq must be 0 or more and limit 1 or more");
        }
        if (organIds.isEmpty()) {
            return List.of();
        }
        StringJoiner query = new StringJoiner("&", RECEIVED_PATH + "?", "");
        organIds.forEach(organId -> query.add("organId=" + encode(require(organId, "an organId"))));
        query.add("after=" + afterSeq).add("limit=" + limit);
        return calls.tracked("received after " + afterSeq + " for " + organIds.size() + " agencies", () -> {
            JsonNode data = ok(calls.send(authorized(query.toString()).GET(), calls.smallBody())).path("data");
            if (!data.isArray()) {
                throw calls.malformed("the axis' received list has no data array");
            }
            List<AxisEntry> entries = new ArrayList<>(data.size());
            data.forEach(entry -> entries.add(entry(entry)));
            return List.copyOf(entries);
        });
    }

    /**
     * {@code GET /vxp/edoc/{docId}?organId=…}: the package, streamed into a temporary file under
     * {@code hub.connector.docex.attachment-dir} and never held in memory. A package above
     * {@code hub.connector.docex.max-package-size} is cut off ({@code document.too_large}, not retryable). The caller
     * closes the result, which deletes the file.
     */
    public FetchedPackage fetch(String docId, String organId) {
        require(docId, "docId");
        require(organId, "organId");
        return calls.tracked("fetch " + docId + " for " + organId, () -> {
            Path file = tempFile();
            try {
                HttpResponse<Path> reply = calls.send(authorized(EDOC_PATH + encode(docId) + "?organId="
                        + encode(organId)).header("Accept", "application/xml").GET(), HttpCalls.bounded(
                        HttpResponse.BodyHandlers.ofFile(file), maxPackageBytes, () -> new DocexException(
                                ErrorCode.DOCUMENT_TOO_LARGE, "package " + docId + " on the axis is larger than "
                                + maxPackageBytes + " bytes (hub.connector.docex.max-package-size)", false, null)));
                calls.requireSuccess(reply.statusCode(), () -> head(file));
                long size = Files.size(file);
                if (size == 0) {
                    throw calls.malformed("the axis answered the fetch of " + docId + " with an empty body");
                }
                return new FetchedPackage(docId, organId, file, size);
            } catch (IOException e) {
                deleteQuietly(file, e);
                throw new HubException(ErrorCode.INTERNAL, "could not keep the package fetched from the axis in "
                        + downloadDir, e);
            } catch (RuntimeException e) {
                deleteQuietly(file, e);
                throw e;
            }
        });
    }

    /**
     * {@code POST /vxp/edoc/{docId}/status}: the transport acknowledgement for one recipient; {@code done} removes
     * the entry from {@link #received}.
     */
    public void acknowledge(String docId, String organId, AckStatus ackStatus) {
        require(docId, "docId");
        require(organId, "organId");
        Objects.requireNonNull(ackStatus, "ackStatus");
        byte[] body;
        try {
            body = HttpCalls.json().writeValueAsBytes(Map.of("organId", organId, "status", ackStatus.wire()));
        } catch (JsonProcessingException e) {
            throw new HubException(ErrorCode.INTERNAL, "could not write an acknowledgement for the axis", e);
        }
        calls.tracked("acknowledge " + docId + " for " + organId + " as " + ackStatus.wire(), () -> ok(calls.send(
                authorized(EDOC_PATH + encode(docId) + "/status")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)), calls.smallBody())));
    }

    /** {@code GET /vxp/agencies}: the agencies registered on the axis. */
    public List<AxisAgency> agencies() {
        return calls.tracked("agencies", () -> {
            JsonNode data = ok(calls.send(authorized(AGENCIES_PATH).GET(), calls.smallBody())).path("data");
            if (!data.isArray()) {
                throw calls.malformed("the axis' agency list has no data array");
            }
            List<AxisAgency> agencies = new ArrayList<>(data.size());
            for (JsonNode a : data) {
                String code = HttpCalls.textField(a, "code");
                if (code == null) {
                    throw calls.malformed("an agency in the axis' list has no code");
                }
                agencies.add(new AxisAgency(code, HttpCalls.textField(a, "pcode"), HttpCalls.textField(a, "name"),
                        HttpCalls.textField(a, "mail"), HttpCalls.textField(a, "mobile"),
                        HttpCalls.textField(a, "fax")));
            }
            return List.copyOf(agencies);
        });
    }

    private HttpRequest.Builder authorized(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .header(SYSTEM_ID_HEADER, systemId)
                .header(SECRET_HEADER, secret)
                .header("Accept", "application/json");
    }

    /** The reply of a JSON operation once it says {@code "status":"OK"}. */
    private JsonNode ok(HttpResponse<byte[]> response) {
        calls.requireSuccess(response.statusCode(), response::body);
        JsonNode reply = HttpCalls.readTree(response.body());
        if (reply == null || !reply.isObject()) {
            throw calls.malformed("the axis answered HTTP " + response.statusCode() + " with a body that is not a"
                    + " JSON object");
        }
        String status = HttpCalls.textField(reply, "status");
        if ("OK".equalsIgnoreCase(status)) {
            return reply;
        }
        if ("FAIL".equalsIgnoreCase(status)) {
            String text = "the axis refused the request" + HttpCalls.remoteText(response.body());
            throw "AUTH".equals(HttpCalls.textField(reply, "errorCode")) ? calls.authFailed(text)
                    : calls.rejected(text);
        }
        throw calls.malformed("the axis answered HTTP " + response.statusCode() + " without status OK or FAIL");
    }

    private AxisEntry entry(JsonNode entry) {
        String docId = HttpCalls.textField(entry, "docId");
        String to = HttpCalls.textField(entry, "to");
        MessageType type = MessageType.fromWire(HttpCalls.textField(entry, "messagetype"));
        JsonNode seq = entry.get("seq");
        if (docId == null || to == null || type == null || seq == null || !seq.canConvertToLong()
                || !seq.isIntegralNumber()) {
            throw calls.malformed("an entry of the axis' received list lacks docId, seq, to or a messagetype of edoc"
                    + " or status");
        }
        return new AxisEntry(docId, seq.asLong(), HttpCalls.textField(entry, "from"), to, type,
                dateTime(HttpCalls.textField(entry, "created")));
    }

    private static OffsetDateTime dateTime(String value) {
        try {
            return value == null ? null : OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private Path tempFile() {
        try {
            Files.createDirectories(downloadDir);
            return Files.createTempFile(downloadDir, "axis-", ".xml");
        } catch (IOException e) {
            throw new HubException(ErrorCode.INTERNAL, "could not create a file for a package in " + downloadDir, e);
        }
    }

    /** The start of an error reply kept in the file, for the axis' explanation. */
    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(64 * 1024);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static void deleteQuietly(Path file, Exception failure) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value;
    }
}
