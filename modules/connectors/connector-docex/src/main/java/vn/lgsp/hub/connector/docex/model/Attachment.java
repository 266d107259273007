package vn.lgsp.hub.connector.docex.model;

/**
 * One {@code AttachmentEncoded/Attachment}: its metadata and where its decoded content is stored. The content is never
 * part of the model itself, so that a package with tens of MB of attachments stays small in heap.
 */
public record Attachment(String contentId, String contentType, String description, String attachmentName,
                         StoredAttachment content) {

    public String cid() {
        return ContentIds.normalise(contentId);
    }
}
