package vn.lgsp.hub.connector.docex.routes;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import vn.lgsp.hub.connector.docex.agency.AgencyPushClient;
import vn.lgsp.hub.connector.docex.axis.AckStatus;
import vn.lgsp.hub.connector.docex.axis.AxisClient;
import vn.lgsp.hub.connector.docex.axis.MessageType;
import vn.lgsp.hub.connector.docex.directory.AgencyDirectory;
import vn.lgsp.hub.connector.docex.directory.Route;
import vn.lgsp.hub.connector.docex.transport.PackageBody;
import vn.lgsp.hub.core.HubHeaders;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;

/**
 * The document-exchange connector's Camel face: one call each, no retries. A failure propagates as
 * {@link vn.lgsp.hub.connector.docex.transport.DocexException}; retries, dead letters and audit belong to the calling
 * flow, which decides by {@code retryable()}. A missing or unusable header fails with {@code hub.internal_error}
 * before any call. Package bodies may be {@code byte[]}, {@code InputStream} (streamed), {@code Path}, {@code File} or
 * a {@link vn.lgsp.hub.connector.docex.axis.FetchedPackage}.
 */
public class DocexRoutes extends RouteBuilder {

    /**
     * Sends a package through the axis. Body: the package. Headers: {@link #FROM}, {@link #MESSAGE_TYPE} (default
     * edoc), {@link HubHeaders#EVENT_KEY} (the idempotency key). Result body: {@code AxisReceipt}.
     */
    public static final String AXIS_SEND = "direct:docex-axis-send";
    /**
     * Lists packages waiting on the axis. Headers: {@link #ORGAN_IDS} (default: every agency in the directory),
     * {@link #AFTER_SEQ} (default 0), {@link #LIMIT} (default 100). Result body: {@code List<AxisEntry>}.
     */
    public static final String AXIS_RECEIVED = "direct:docex-axis-received";
    /**
     * Fetches one package. Headers: {@link #DOC_ID}, {@link #ORGAN_ID} (the recipient). Result body:
     * {@code FetchedPackage}, a temporary file the caller closes.
     */
    public static final String AXIS_FETCH = "direct:docex-axis-fetch";
    /**
     * Acknowledges a fetched package. Headers: {@link #DOC_ID}, {@link #ORGAN_ID}, {@link #ACK_STATUS}
     * ({@code done}, {@code fail} or {@code processing}, or an {@code AckStatus}). The body is left as it is.
     */
    public static final String AXIS_ACK = "direct:docex-axis-ack";
    /**
     * Pushes a package to a provincial agency that receives by push. Body: the package. Headers: {@link #ORGAN_ID}
     * (the recipient, which the agency directory must list with {@code receives: push}), {@link HubHeaders#EVENT_KEY}
     * (the idempotency key). Result body: {@code AgencyReceipt}.
     */
    public static final String AGENCY_PUSH = "direct:docex-agency-push";

    public static final String AXIS_SEND_ROUTE_ID = "docex-axis-send";
    public static final String AXIS_RECEIVED_ROUTE_ID = "docex-axis-received";
    public static final String AXIS_FETCH_ROUTE_ID = "docex-axis-fetch";
    public static final String AXIS_ACK_ROUTE_ID = "docex-axis-ack";
    public static final String AGENCY_PUSH_ROUTE_ID = "docex-agency-push";

    /** The sender's OrganId (String). */
    public static final String FROM = "docexFrom";
    /** {@code MessageType} or its wire form {@code edoc}/{@code status}. */
    public static final String MESSAGE_TYPE = "docexMessageType";
    /** Recipients to list for: a {@code Collection<String>} or a comma-separated String. */
    public static final String ORGAN_IDS = "docexOrganIds";
    /** The highest sequence number already seen (long). */
    public static final String AFTER_SEQ = "docexAfterSeq";
    /** Most entries to list (int). */
    public static final String LIMIT = "docexLimit";
    /** The axis' document id (String). */
    public static final String DOC_ID = "docexDocId";
    /** One recipient's OrganId (String). */
    public static final String ORGAN_ID = "docexOrganId";
    /** {@code AckStatus} or {@code done}/{@code fail}/{@code processing}. */
    public static final String ACK_STATUS = "docexAckStatus";

    /** Default of {@link #LIMIT}, as on the axis. */
    public static final int DEFAULT_LIMIT = 100;

    private final AxisClient axis;
    private final AgencyPushClient push;
    private final AgencyDirectory directory;

    public DocexRoutes(AxisClient axis, AgencyPushClient push, AgencyDirectory directory) {
        this.axis = axis;
        this.push = push;
        this.directory = directory;
    }

    @Override
    public void configure() {
        // failures go back to the calling flow as they are, so that it alone logs, counts and retries them
        errorHandler(noErrorHandler());

        // no stream caching: a package given as a stream is sent as it is read, never copied into a cache first
        from(AXIS_SEND).routeId(AXIS_SEND_ROUTE_ID).noStreamCaching().process(this::send);
        from(AXIS_RECEIVED).routeId(AXIS_RECEIVED_ROUTE_ID).process(this::received);
        from(AXIS_FETCH).routeId(AXIS_FETCH_ROUTE_ID).process(this::fetch);
        from(AXIS_ACK).routeId(AXIS_ACK_ROUTE_ID).process(this::acknowledge);
        from(AGENCY_PUSH).routeId(AGENCY_PUSH_ROUTE_ID).noStreamCaching().process(this::push);
    }

    private void send(Exchange exchange) {
        Message in = exchange.getMessage();
        Object type = in.getHeader(MESSAGE_TYPE);
        MessageType messageType = type == null ? MessageType.EDOC
                : type instanceof MessageType t ? t : MessageType.fromWire(type.toString());
        if (messageType == null) {
            throw missing(MESSAGE_TYPE + " (edoc or status)", AXIS_SEND);
        }
        in.setBody(axis.send(PackageBody.from(in.getBody()), header(in, FROM, AXIS_SEND), messageType,
                header(in, HubHeaders.EVENT_KEY, AXIS_SEND)));
    }

    private void received(Exchange exchange) {
        Message in = exchange.getMessage();
        Object ids = in.getHeader(ORGAN_IDS);
        List<String> organIds = ids == null ? directory.organIds()
                : ids instanceof Collection<?> c ? c.stream().map(String::valueOf).toList()
                : Arrays.stream(ids.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        Long after = in.getHeader(AFTER_SEQ, 0L, Long.class);
        Integer limit = in.getHeader(LIMIT, DEFAULT_LIMIT, Integer.class);
        in.setBody(axis.received(organIds, after, limit));
    }

    private void fetch(Exchange exchange) {
        Message in = exchange.getMessage();
        in.setBody(axis.fetch(header(in, DOC_ID, AXIS_FETCH), header(in, ORGAN_ID, AXIS_FETCH)));
    }

    private void acknowledge(Exchange exchange) {
        Message in = exchange.getMessage();
        Object status = in.getHeader(ACK_STATUS);
        AckStatus ackStatus;
        try {
            ackStatus = status instanceof AckStatus s ? s : AckStatus.parse(String.valueOf(status));
        } catch (IllegalArgumentException e) {
            throw missing(ACK_STATUS + " (done, fail or processing)", AXIS_ACK);
        }
        axis.acknowledge(header(in, DOC_ID, AXIS_ACK), header(in, ORGAN_ID, AXIS_ACK), ackStatus);
    }

    private void push(Exchange exchange) {
        Message in = exchange.getMessage();
        String organId = header(in, ORGAN_ID, AGENCY_PUSH);
        String key = header(in, HubHeaders.EVENT_KEY, AGENCY_PUSH);
        Route route = directory.route(organId);
        if (route.kind() != Route.Kind.LOCAL_PUSH) {
            throw new HubException(ErrorCode.INTERNAL, "agency " + organId + " does not receive by push (route "
                    + route.kind() + "); nothing was sent on " + AGENCY_PUSH);
        }
        in.setBody(push.push(organId, route.pushUrl(), PackageBody.from(in.getBody()), key));
    }

    private static String header(Message in, String name, String endpoint) {
        String value = in.getHeader(name, String.class);
        if (value == null || value.isBlank()) {
            throw missing(name, endpoint);
        }
        return value;
    }

    private static HubException missing(String header, String endpoint) {
        return new HubException(ErrorCode.INTERNAL, "header " + header + " is missing or invalid on " + endpoint);
    }
}
