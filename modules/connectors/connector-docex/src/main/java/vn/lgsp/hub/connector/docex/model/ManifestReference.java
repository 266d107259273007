package vn.lgsp.hub.connector.docex.model;

/**
 * One {@code Reference} of the {@code edXMLManifest}: {@code href} is {@code cid:<content id>} and names an attachment.
 */
public record ManifestReference(String href, String description, String attachmentName, String contentType,
                                String contentId) {

    /** The content id this reference points at: from {@code href} when it is a {@code cid:} URI, else ContentId. */
    public String cid() {
        if (href != null && href.regionMatches(true, 0, "cid:", 0, 4)) {
            return ContentIds.normalise(href.substring(4));
        }
        return ContentIds.normalise(contentId);
    }
}
