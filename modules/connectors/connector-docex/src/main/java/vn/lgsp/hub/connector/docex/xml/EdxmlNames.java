package vn.lgsp.hub.connector.docex.xml;

import java.util.Set;

/**
 * Namespaces seen on edXML packages. The reader matches elements by local name, so any of them (or none) is read; a
 * package in any other namespace is refused ({@link #PACKAGE_NAMESPACES}).
 */
public final class EdxmlNames {

    /** QCVN 102:2016; what the writer emits. */
    public static final String QCVN_102_2016 = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    /** Older axes. */
    public static final String E_DOC = "http://www.e-doc.vn/Schema/";
    /** Some axes bind the {@code edXML:} prefix to the SOAP envelope namespace. */
    public static final String SOAP_ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String XLINK = "http://www.w3.org/1999/xlink";
    public static final String PREFIX = "edXML";

    static final String ENVELOPE = "edXMLEnvelope";
    static final String ATTACHMENT_ENCODED = "AttachmentEncoded";
    static final String ATTACHMENT = "Attachment";
    static final String CONTENT_TRANSFER_ENCODED = "ContentTransferEncoded";

    /**
     * The namespaces the root element, {@code edXMLEnvelope} and {@code Attachment} may be in: the three above, or none
     * (some senders write bare names). Anything else, e.g. {@code urn:evil}, is not an edXML package, however its
     * local names look.
     */
    static final Set<String> PACKAGE_NAMESPACES = Set.of(QCVN_102_2016, E_DOC, SOAP_ENVELOPE, "");

    /** Header elements that make a package a status package. */
    static final Set<String> STATUS_HEADERS = Set.of("Status", "MessageStatus");

    private EdxmlNames() {
    }
}
