package vn.lgsp.hub.connector.docex.xml;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import vn.lgsp.hub.connector.docex.DocexProperties;
import vn.lgsp.hub.connector.docex.attachment.AttachmentStore;
import vn.lgsp.hub.connector.docex.model.Attachment;
import vn.lgsp.hub.connector.docex.model.EdxmlMessage;
import vn.lgsp.hub.connector.docex.model.SignatureVerification;
import vn.lgsp.hub.connector.docex.model.StatusPackage;
import vn.lgsp.hub.connector.docex.model.StoredAttachment;
import vn.lgsp.hub.connector.docex.signature.SignatureVerifier;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;
import vn.lgsp.hub.core.error.ValidationException;
import vn.lgsp.hub.core.error.Violation;

/**
 * Reads an edXML document package or status package in one pass over the stream.
 * <ul>
 *   <li>The {@code edXMLEnvelope} (header, trace list, signature, manifest) is small; it is built into a DOM, bounded
 *   by {@code max-envelope-size}, its signature is verified on that DOM, and it is mapped to the model. The DOM is
 *   dropped afterwards. When the envelope is signed (whatever the verdict), it is also kept on the model as it came
 *   ({@link vn.lgsp.hub.connector.docex.model.SignedEnvelope}), so that {@link EdxmlWriter} can forward it with its
 *   signature intact.</li>
 *   <li>Each {@code AttachmentEncoded/Attachment} is decoded from base64 chunk by chunk, as the parser delivers the
 *   text, into the {@link AttachmentStore}; its bytes are never held whole.</li>
 * </ul>
 * Elements are matched by local name, so QCVN 102:2016, {@code http://www.e-doc.vn/Schema/}, an {@code edXML:} prefix
 * bound to the SOAP envelope namespace and no namespace at all are read alike; the root element, {@code edXMLEnvelope}
 * and each {@code Attachment} in any other namespace make the package {@code document.invalid}
 * ({@link EdxmlNames#PACKAGE_NAMESPACES}). Every limit of {@link DocexProperties}
 * is checked while reading; a refused package leaves no stored attachment behind. Required fields are not checked
 * here but by the validator, so that all problems are reported together.
 */
public class EdxmlReader {

    private final DocexProperties properties;
    private final AttachmentStore store;
    private final SignatureVerifier verifier;

    public EdxmlReader(DocexProperties properties, AttachmentStore store, SignatureVerifier verifier) {
        this.properties = properties;
        this.store = store;
        this.verifier = verifier;
    }

    /**
     * The package on {@code in}, which is read to its end but not closed. A document package's attachments stay in
     * the store until the caller deletes them.
     *
     * @throws HubException with a {@code document.*} code when the package is refused
     */
    public EdxmlMessage read(InputStream in) {
        List<Attachment> attachments = new ArrayList<>();
        boolean kept = false;
        try (GuardedXmlStream xml = GuardedXmlStream.open(
                new BoundedInputStream(in, properties.maxPackageSize().toBytes()), properties)) {
            EnvelopeDom.Envelope envelope = null;
            boolean root = true;
            for (int event = xml.next(); event != XMLStreamConstants.END_DOCUMENT;
                 event = xml.next()) {
                if (!xml.isStart(event)) {
                    continue;
                }
                if (root || EdxmlNames.ENVELOPE.equals(xml.localName())
                        || EdxmlNames.ATTACHMENT.equals(xml.localName())) {
                    requireKnownNamespace(xml);
                    root = false;
                }
                if (EdxmlNames.ENVELOPE.equals(xml.localName())) {
                    if (envelope != null) {
                        throw DocexErrors.invalid(EdxmlNames.ENVELOPE, "The package has two edXMLEnvelope elements");
                    }
                    envelope = EnvelopeDom.read(xml, properties.maxEnvelopeSize());
                } else if (EdxmlNames.ATTACHMENT.equals(xml.localName())) {
                    attachments.add(attachment(xml, "AttachmentEncoded.Attachment[" + attachments.size() + "]"));
                }
                // the outer edXML element, AttachmentEncoded and unknown wrappers: read on into them
            }
            if (envelope == null) {
                throw DocexErrors.invalid(EdxmlNames.ENVELOPE, "The package has no edXMLEnvelope");
            }
            SignatureVerification signature = verifier.verify(envelope.dom());
            EdxmlMessage message = new EnvelopeMapper().map(envelope.dom(), attachments, signature,
                    signature.present() ? envelope.asRead() : null);
            kept = !(message instanceof StatusPackage);
            return message;
        } catch (XMLStreamException ex) {
            throw DocexErrors.fromParser(ex);
        } finally {
            if (!kept) {
                discard(attachments);
            }
        }
    }

    /**
     * Refuses an element the reader would otherwise take by its local name alone when it is in a namespace no edXML
     * package uses: a look-alike in a foreign vocabulary is not an edXML package. The namespace is not quoted back.
     */
    private static void requireKnownNamespace(GuardedXmlStream xml) {
        if (!EdxmlNames.PACKAGE_NAMESPACES.contains(xml.namespaceUri())) {
            throw DocexErrors.invalid(xml.localName(), "<" + xml.localName() + "> is in a namespace that is not an"
                    + " edXML one (QCVN 102:2016, " + EdxmlNames.E_DOC + ", the SOAP envelope namespace or none)");
        }
    }

    private Attachment attachment(GuardedXmlStream xml, String path) throws XMLStreamException {
        String contentType = null;
        String contentId = null;
        String description = null;
        String name = null;
        StoredAttachment content = null;
        for (int event = xml.next(); event != XMLStreamConstants.END_ELEMENT; event = xml.next()) {
            if (!xml.isStart(event)) {
                continue;
            }
            String field = path + "." + xml.localName();
            switch (xml.localName()) {
                case "ContentType" -> contentType = EnvelopeMapper.blankToNull(xml.readText(field));
                case "ContentId" -> contentId = EnvelopeMapper.blankToNull(xml.readText(field));
                case "Description" -> description = EnvelopeMapper.blankToNull(xml.readText(field));
                case "AttachmentName" -> name = EnvelopeMapper.blankToNull(xml.readText(field));
                case EdxmlNames.CONTENT_TRANSFER_ENCODED -> content = decode(xml, field, content);
                default -> xml.skipElement();
            }
        }
        if (content == null) {
            throw missing(path + "." + EdxmlNames.CONTENT_TRANSFER_ENCODED, "The attachment has no content");
        }
        return new Attachment(contentId, contentType, description, name, content);
    }

    private StoredAttachment decode(GuardedXmlStream xml, String field, StoredAttachment earlier)
            throws XMLStreamException {
        if (earlier != null) {
            deleteQuietly(earlier);
            throw missing(field, "The attachment has two contents");
        }
        try (AttachmentStore.Sink sink = store.create(null)) {
            Base64StreamDecoder decoder = new Base64StreamDecoder(sink);
            if (!xml.streamText(field, decoder::accept) || !decoder.finish()) {
                throw missing(field, "The attachment's content is not valid base64");
            }
            return sink.commit();
        } catch (IOException ex) {
            throw new HubException(ErrorCode.INTERNAL, "Could not store an attachment", ex);
        }
    }

    private static ValidationException missing(String field, String message) {
        return new ValidationException(new Violation(field, ErrorCode.DOCUMENT_MISSING_ATTACHMENT, message));
    }

    private void discard(List<Attachment> attachments) {
        attachments.forEach(a -> deleteQuietly(a.content()));
    }

    private void deleteQuietly(StoredAttachment attachment) {
        try {
            store.delete(attachment);
        } catch (IOException ignored) {
            // a temporary file left behind is removed with the directory; the refusal matters more
        }
    }
}
