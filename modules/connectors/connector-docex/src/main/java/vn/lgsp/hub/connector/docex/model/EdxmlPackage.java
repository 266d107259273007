package vn.lgsp.hub.connector.docex.model;

import java.util.List;

/**
 * A document package: header, trace list, manifest, the attachments (stored, not in heap), its signature and, when it
 * came signed, its envelope as it came ({@code null} otherwise).
 */
public record EdxmlPackage(MessageHeader header, TraceHeaderList traceHeaderList, List<ManifestReference> manifest,
                           List<Attachment> attachments, SignatureVerification signature,
                           SignedEnvelope signedEnvelope) implements EdxmlMessage {

    public EdxmlPackage {
        manifest = List.copyOf(manifest == null ? List.of() : manifest);
        attachments = List.copyOf(attachments == null ? List.of() : attachments);
        signature = signature == null ? SignatureVerification.absent() : signature;
    }

    /** A package of the hub's own, or one to be written in the standard form: no envelope as it came. */
    public EdxmlPackage(MessageHeader header, TraceHeaderList traceHeaderList, List<ManifestReference> manifest,
                        List<Attachment> attachments, SignatureVerification signature) {
        this(header, traceHeaderList, manifest, attachments, signature, null);
    }
}
