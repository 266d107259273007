package vn.lgsp.hub.connector.docex.xml;

import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import vn.lgsp.hub.connector.docex.model.SignedEnvelope;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;

/**
 * Builds the {@code edXMLEnvelope} (header, trace list, signature, manifest: the small part of a package) into a DOM
 * while the stream passes through it, so that the XML signature can be checked on it, and at the same time writes it
 * down as text, so that a signed envelope can be forwarded as it came. Everything is kept as it came, whitespace,
 * comments and processing instructions included, because canonicalisation depends on it. The namespaces declared on
 * ancestors (the outer {@code edXML} element) are declared again on the envelope element, in the DOM and in the text,
 * which leaves its canonical form unchanged. Its size, as text, is bounded by {@code max-envelope-size}.
 */
final class EnvelopeDom {

    /**
     * The envelope read: as a DOM, and as text with its name's prefix and namespace. The text is what C14N makes of
     * the original, character for character; only what C14N does not see may differ (quotes, spacing inside tags,
     * empty-element tags, character references, CDATA written as escaped text).
     */
    record Envelope(Document dom, SignedEnvelope asRead) {
    }

    private EnvelopeDom() {
    }

    /** Reads from the envelope's start tag (the current event) through its end tag. */
    static Envelope read(GuardedXmlStream xml, int maxChars) throws XMLStreamException {
        Document doc = HardenedXml.newDocument();
        XMLStreamReader r = xml.reader();
        Text text = new Text(maxChars);
        Element root = element(doc, r);
        Map<String, String> inherited = new LinkedHashMap<>();
        for (Map.Entry<String, String> ns : xml.inScopeNamespaces().entrySet()) {
            if (!root.hasAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, ns.getKey().isEmpty() ? "xmlns"
                    : ns.getKey())) {
                root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, xmlns(ns.getKey()), ns.getValue());
                inherited.put(ns.getKey(), ns.getValue());
            }
        }
        text.startTag(r, inherited);
        doc.appendChild(root);
        String prefix = r.getPrefix();
        String namespace = r.getNamespaceURI();
        Node current = root;
        while (current != null) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    Element child = element(doc, r);
                    current.appendChild(child);
                    current = child;
                    text.startTag(r, Map.of());
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    current = current == root ? null : current.getParentNode();
                    text.endTag(r);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    current.appendChild(doc.createTextNode(r.getText()));
                    text.characters(r.getText());
                }
                case XMLStreamConstants.COMMENT -> {
                    current.appendChild(doc.createComment(r.getText()));
                    text.comment(r.getText());
                }
                case XMLStreamConstants.PROCESSING_INSTRUCTION -> {
                    current.appendChild(doc.createProcessingInstruction(r.getPITarget(), r.getPIData()));
                    text.processingInstruction(r.getPITarget(), r.getPIData());
                }
                default -> {
                    // nothing else can occur inside an element once DTDs are refused
                }
            }
        }
        return new Envelope(doc, new SignedEnvelope(text.toString(), prefix, namespace));
    }

    private static Element element(Document doc, XMLStreamReader r) {
        Element e = doc.createElementNS(emptyToNull(r.getNamespaceURI()), qualified(r.getPrefix(), r.getLocalName()));
        for (int i = 0; i < r.getNamespaceCount(); i++) {
            e.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, xmlns(r.getNamespacePrefix(i)),
                    nullToEmpty(r.getNamespaceURI(i)));
        }
        for (int i = 0; i < r.getAttributeCount(); i++) {
            e.setAttributeNS(emptyToNull(r.getAttributeNamespace(i)),
                    qualified(r.getAttributePrefix(i), r.getAttributeLocalName(i)), r.getAttributeValue(i));
        }
        return e;
    }

    private static String xmlns(String prefix) {
        return prefix == null || prefix.isEmpty() ? "xmlns" : "xmlns:" + prefix;
    }

    private static String qualified(String prefix, String local) {
        return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /**
     * The envelope as text, event by event. Text and attribute values are escaped as C14N escapes them, so that
     * parsing them again gives the same characters: {@code &}, {@code <} and {@code >} in text, {@code &}, {@code <},
     * {@code "}, tab, line feed and carriage return in attribute values, and a carriage return in text (which a
     * parser would otherwise turn into a line feed).
     */
    private static final class Text {

        private final StringBuilder out = new StringBuilder();
        private final int maxChars;

        Text(int maxChars) {
            this.maxChars = maxChars;
        }

        void startTag(XMLStreamReader r, Map<String, String> alsoDeclared) {
            out.append('<').append(qualified(r.getPrefix(), r.getLocalName()));
            for (int i = 0; i < r.getNamespaceCount(); i++) {
                attribute(xmlns(r.getNamespacePrefix(i)), nullToEmpty(r.getNamespaceURI(i)));
            }
            alsoDeclared.forEach((prefix, uri) -> attribute(xmlns(prefix), uri));
            for (int i = 0; i < r.getAttributeCount(); i++) {
                attribute(qualified(r.getAttributePrefix(i), r.getAttributeLocalName(i)), r.getAttributeValue(i));
            }
            append(">");
        }

        void endTag(XMLStreamReader r) {
            append("</" + qualified(r.getPrefix(), r.getLocalName()) + ">");
        }

        void characters(String s) {
            escaped(s, false);
            checkBound();
        }

        void comment(String s) {
            append("<!--" + s + "-->");
        }

        void processingInstruction(String target, String data) {
            append("<?" + target + (data == null || data.isEmpty() ? "" : " " + data) + "?>");
        }

        private void attribute(String name, String value) {
            out.append(' ').append(name).append("=\"");
            escaped(value, true);
            out.append('"');
        }

        private void escaped(String s, boolean attribute) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                String reference = switch (c) {
                    case '&' -> "&amp;";
                    case '<' -> "&lt;";
                    case '>' -> attribute ? null : "&gt;";
                    case '"' -> attribute ? "&quot;" : null;
                    case '\t' -> attribute ? "&#x9;" : null;
                    case '\n' -> attribute ? "&#xA;" : null;
                    case '\r' -> "&#xD;";
                    default -> null;
                };
                if (reference == null) {
                    out.append(c);
                } else {
                    out.append(reference);
                }
            }
        }

        private void append(String s) {
            out.append(s);
            checkBound();
        }

        /** Checked after every piece of the envelope: start tag, text, end tag, comment, processing instruction. */
        private void checkBound() {
            if (out.length() > maxChars) {
                throw new HubException(ErrorCode.DOCUMENT_TOO_LARGE, "The package's envelope (header and "
                        + "manifest) has more than " + maxChars + " characters");
            }
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
