package vn.lgsp.hub.app.flow.document;

/**
 * The routing facts of one queued delivery of a document or status package, carried beside the package in the
 * broker (the package itself is the message's payload). No personal data: codes, ids and sizes only.
 *
 * @param documentId      the document's {@code DocumentId} (for a status package, the document it is about)
 * @param messageType     {@code edoc} or {@code status}, the axis' names
 * @param from            the sending agency
 * @param recipient       the agency this delivery is for
 * @param statusCode      for a status package, its two-digit code
 * @param businessDocType for a document, 0 new, 1 revoke, 2 update, 3 replace
 * @param bytes           the package's size as the hub writes it
 * @param packageSha256   SHA-256 of the package as the hub writes it: the idempotency key of its sends to the
 *                        national axis, which delivers one send to every recipient the package names, so the
 *                        deliveries of a package to several recipients beyond the province are one send there
 */
public record DocumentMeta(String documentId, String messageType, String from, String recipient, String statusCode,
                           Integer businessDocType, long bytes, String packageSha256) {

    public static final String EDOC = "edoc";
    public static final String STATUS = "status";
}
