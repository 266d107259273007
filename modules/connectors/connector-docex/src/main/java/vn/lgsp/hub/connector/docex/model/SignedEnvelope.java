package vn.lgsp.hub.connector.docex.model;

import java.util.Objects;

/**
 * The {@code edXMLEnvelope} of a package that arrived signed, kept as its sender wrote it so that it can be forwarded
 * with the signature intact: the envelope's signature covers the header, trace list and manifest exactly as sent,
 * which the model cannot rebuild (whitespace, prefixes, namespaces, comments, elements and value forms it does not
 * keep all count). Kept whether the signature was found valid or not; whether an invalid one is refused is the
 * caller's choice. Bounded like the envelope itself by {@code max-envelope-size}.
 *
 * @param xml       the envelope element, start tag to end tag, as read: elements, prefixes, attributes, text with its
 *                  whitespace, comments and processing instructions unchanged, so that it canonicalises (C14N, with or
 *                  without comments, inclusive or exclusive) exactly as the original. The namespaces it inherited from
 *                  the outer {@code edXML} element are declared on its start tag, as the reader verifies it, so it
 *                  means the same whatever element it is put in that declares no other namespace
 * @param prefix    the envelope element's prefix, {@code ""} for none: the written {@code edXML} and
 *                  {@code AttachmentEncoded} elements take it
 * @param namespace the envelope element's namespace, {@code ""} for none
 */
public record SignedEnvelope(String xml, String prefix, String namespace) {

    public SignedEnvelope {
        Objects.requireNonNull(xml, "xml");
        prefix = prefix == null ? "" : prefix;
        namespace = namespace == null ? "" : namespace;
    }

    /** Its length only: the envelope can run to megabytes and has no place in a log line. */
    @Override
    public String toString() {
        return "SignedEnvelope[" + xml.length() + " characters, namespace=" + namespace + "]";
    }
}
