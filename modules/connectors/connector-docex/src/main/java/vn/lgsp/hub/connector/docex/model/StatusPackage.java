package vn.lgsp.hub.connector.docex.model;

import java.time.LocalDateTime;

/** A status package ({@code Status} or {@code MessageStatus} header): what happened to a document at its receiver. */
public record StatusPackage(ResponseFor responseFor, Organization from, StatusCode statusCode, String description,
                            LocalDateTime timestamp, StaffInfo staffInfo, TraceHeaderList traceHeaderList,
                            SignatureVerification signature) implements EdxmlMessage {

    public StatusPackage {
        signature = signature == null ? SignatureVerification.absent() : signature;
    }
}
