package vn.lgsp.hub.connector.docex.xml;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import vn.lgsp.hub.connector.docex.DocexProperties;

/**
 * A StAX reader that enforces the package limits on every event, whoever consumes it: nesting depth, element count,
 * attributes per element and their length, and the length of every run of text except attachment content, which is
 * streamed. Any DTD or entity reference is refused before it can be expanded or fetched.
 */
final class GuardedXmlStream implements AutoCloseable {

    private static final XMLInputFactory FACTORY = HardenedXml.inputFactory();

    /** Receives text in the parser's chunks; returns false to say the text is not acceptable. */
    interface TextChunks {
        boolean accept(char[] chars, int offset, int length) throws IOException;
    }

    private final XMLStreamReader reader;
    private final DocexProperties limits;
    private final Deque<Map<String, String>> namespaces = new ArrayDeque<>();
    private int depth;
    private int elements;
    private long textRun;
    private boolean streamingText;

    private GuardedXmlStream(XMLStreamReader reader, DocexProperties limits) {
        this.reader = reader;
        this.limits = limits;
    }

    static GuardedXmlStream open(InputStream in, DocexProperties limits) throws XMLStreamException {
        return new GuardedXmlStream(FACTORY.createXMLStreamReader(in), limits);
    }

    XMLStreamReader reader() {
        return reader;
    }

    int next() throws XMLStreamException {
        int event = reader.next();
        switch (event) {
            case XMLStreamConstants.START_ELEMENT -> onStart();
            case XMLStreamConstants.END_ELEMENT -> {
                depth--;
                namespaces.pop();
            }
            case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> onText();
            case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_DECLARATION,
                    XMLStreamConstants.NOTATION_DECLARATION -> throw DocexErrors.forbidden(
                    "The package has a DOCTYPE; DTDs, entity declarations and external DTDs are never accepted");
            case XMLStreamConstants.ENTITY_REFERENCE -> throw DocexErrors.forbidden(
                    "The package uses the entity reference &" + reader.getLocalName() + "; entities are never accepted");
            default -> {
                // comments, processing instructions, document start and end carry no limit of their own
            }
        }
        if (event != XMLStreamConstants.CHARACTERS && event != XMLStreamConstants.CDATA
                && event != XMLStreamConstants.SPACE) {
            textRun = 0;
        }
        return event;
    }

    boolean isStart(int event) {
        return event == XMLStreamConstants.START_ELEMENT;
    }

    String localName() {
        return reader.getLocalName();
    }

    /** The namespace of the current element, {@code ""} when it has none. */
    String namespaceUri() {
        String uri = reader.getNamespaceURI();
        return uri == null ? "" : uri;
    }

    /** Namespace declarations in scope at the current element, outermost first, the empty prefix as {@code ""}. */
    Map<String, String> inScopeNamespaces() {
        Map<String, String> merged = new LinkedHashMap<>();
        namespaces.descendingIterator().forEachRemaining(merged::putAll);
        return merged;
    }

    /** The text of the current element, which must have no child elements; consumes its end tag. */
    String readText(String field) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        consumeText(field, false, (chars, offset, length) -> {
            text.append(chars, offset, length);
            return true;
        });
        return text.toString();
    }

    /**
     * Hands the text of the current element to {@code sink} chunk by chunk, without the text-length limit (attachment
     * content is bounded by the package size only); consumes the end tag. Stops early when the sink refuses a chunk.
     */
    boolean streamText(String field, TextChunks sink) throws XMLStreamException {
        return consumeText(field, true, sink);
    }

    private boolean consumeText(String field, boolean unlimited, TextChunks sink) throws XMLStreamException {
        streamingText = unlimited;
        try {
            while (true) {
                int event = next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    return true;
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    throw DocexErrors.invalid(field, field + " must contain text only");
                }
                if (isText(event) && !sink.accept(reader.getTextCharacters(), reader.getTextStart(),
                        reader.getTextLength())) {
                    return false;
                }
            }
        } catch (IOException ex) {
            throw new XMLStreamException("could not store the content of " + field, ex);
        } finally {
            streamingText = false;
        }
    }

    /** Skips the current element and everything in it, still under the limits. */
    void skipElement() throws XMLStreamException {
        int target = depth - 1;
        while (depth > target) {
            next();
        }
    }

    static boolean isText(int event) {
        return event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                || event == XMLStreamConstants.SPACE;
    }

    private void onStart() {
        if (++depth > limits.maxDepth()) {
            throw DocexErrors.tooComplex("The package nests elements deeper than " + limits.maxDepth() + " levels");
        }
        if (++elements > limits.maxElements()) {
            throw DocexErrors.tooComplex("The package has more than " + limits.maxElements() + " elements");
        }
        int declarations = reader.getNamespaceCount();
        if (reader.getAttributeCount() + declarations > limits.maxAttributes()) {
            throw DocexErrors.tooComplex("<" + reader.getLocalName() + "> has more than " + limits.maxAttributes()
                    + " attributes");
        }
        Map<String, String> declared = new LinkedHashMap<>();
        for (int i = 0; i < declarations; i++) {
            String prefix = reader.getNamespacePrefix(i);
            String uri = reader.getNamespaceURI(i);
            checkAttributeLength(uri);
            declared.put(prefix == null ? "" : prefix, uri == null ? "" : uri);
        }
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            checkAttributeLength(reader.getAttributeValue(i));
        }
        namespaces.push(declared);
    }

    private void checkAttributeLength(String value) {
        if (value != null && value.length() > limits.maxAttributeLength()) {
            throw DocexErrors.tooComplex("<" + reader.getLocalName() + "> has an attribute longer than "
                    + limits.maxAttributeLength() + " characters");
        }
    }

    private void onText() {
        textRun += reader.getTextLength();
        if (!streamingText && textRun > limits.maxTextLength()) {
            throw DocexErrors.tooComplex("<" + currentName() + "> has text longer than " + limits.maxTextLength()
                    + " characters");
        }
    }

    private String currentName() {
        return depth == 0 ? "(document)" : "element at depth " + depth;
    }

    @Override
    public void close() throws XMLStreamException {
        reader.close();
    }
}
