package vn.lgsp.hub.connector.docex.model;

import java.util.List;

/** A document package: header, trace list, manifest, the attachments (stored, not in heap) and its signature. */
public record EdxmlPackage(MessageHeader header, TraceHeaderList traceHeaderList, List<ManifestReference> manifest,
                           List<Attachment> attachments, SignatureVerification signature) implements EdxmlMessage {

    public EdxmlPackage {
        manifest = List.copyOf(manifest == null ? List.of() : manifest);
        attachments = List.copyOf(attachments == null ? List.of() : attachments);
        signature = signature == null ? SignatureVerification.absent() : signature;
    }
}
