package vn.lgsp.hub.connector.docex.model;

import java.time.LocalDateTime;

/**
 * A status package ({@code Status} or {@code MessageStatus} header): what happened to a document at its receiver. When
 * it came signed, its envelope as it came ({@code null} otherwise).
 */
public record StatusPackage(ResponseFor responseFor, Organization from, StatusCode statusCode, String description,
                            LocalDateTime timestamp, StaffInfo staffInfo, TraceHeaderList traceHeaderList,
                            SignatureVerification signature, SignedEnvelope signedEnvelope) implements EdxmlMessage {

    public StatusPackage {
        signature = signature == null ? SignatureVerification.absent() : signature;
    }

    /** A status package of the hub's own, or one to be written in the standard form: no envelope as it came. */
    public StatusPackage(ResponseFor responseFor, Organization from, StatusCode statusCode, String description,
                         LocalDateTime timestamp, StaffInfo staffInfo, TraceHeaderList traceHeaderList,
                         SignatureVerification signature) {
        this(responseFor, from, statusCode, description, timestamp, staffInfo, traceHeaderList, signature, null);
    }
}
