package vn.lgsp.hub.connector.docex.model;

/**
 * Where the decoded bytes of an attachment are kept, by an {@code AttachmentStore}: a store-specific location (a file
 * path for the default store), the decoded size and the SHA-256 of the decoded bytes in lower-case hex.
 */
public record StoredAttachment(String location, long size, String sha256) {
}
