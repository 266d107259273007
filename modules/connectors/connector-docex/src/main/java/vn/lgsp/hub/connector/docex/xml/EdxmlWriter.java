package vn.lgsp.hub.connector.docex.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import vn.lgsp.hub.connector.docex.attachment.AttachmentStore;
import vn.lgsp.hub.connector.docex.model.Attachment;
import vn.lgsp.hub.connector.docex.model.Bussiness;
import vn.lgsp.hub.connector.docex.model.EdxmlMessage;
import vn.lgsp.hub.connector.docex.model.EdxmlPackage;
import vn.lgsp.hub.connector.docex.model.ManifestReference;
import vn.lgsp.hub.connector.docex.model.MessageHeader;
import vn.lgsp.hub.connector.docex.model.Organization;
import vn.lgsp.hub.connector.docex.model.OtherInfo;
import vn.lgsp.hub.connector.docex.model.ReplacementInfo;
import vn.lgsp.hub.connector.docex.model.ResponseFor;
import vn.lgsp.hub.connector.docex.model.SignedEnvelope;
import vn.lgsp.hub.connector.docex.model.StaffInfo;
import vn.lgsp.hub.connector.docex.model.StatusPackage;
import vn.lgsp.hub.connector.docex.model.TraceHeader;
import vn.lgsp.hub.connector.docex.model.TraceHeaderList;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;

/**
 * Writes a package, UTF-8. Attachments are read back from the {@link AttachmentStore} and base64-encoded block by
 * block, never held whole.
 * <ul>
 *   <li>A package that came signed (it has a {@link SignedEnvelope}, whatever its signature's verdict) keeps the
 *   sender's envelope: the {@code edXML} root, in the envelope's own namespace and prefix, then the envelope exactly as
 *   it was read, signature included, then {@code AttachmentEncoded} from the store (attachments lie outside the
 *   envelope and the signature). Its recipient can check the sender's signature as the hub did. Nothing the model
 *   says is written into it: a signed envelope cannot be changed without breaking its signature.</li>
 *   <li>Any other package is rebuilt from the model in the QCVN 102:2016 namespace with the {@code edXML:} prefix,
 *   dates as {@code yyyy/MM/dd} and times as {@code yyyy/MM/dd HH:mm:ss}; absent fields are left out. It is written
 *   unsigned.</li>
 * </ul>
 */
public class EdxmlWriter {

    /** Bytes encoded at a time: a multiple of 3, so that blocks join without padding in between. */
    private static final int BLOCK = 48 * 1024;

    private final AttachmentStore store;

    public EdxmlWriter(AttachmentStore store) {
        this.store = store;
    }

    /** Writes {@code message} to {@code out}, which is flushed but not closed. */
    public void write(EdxmlMessage message, OutputStream out) {
        try {
            XMLStreamWriter w = HardenedXml.outputFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
            new Emitter(w, out, message.signedEnvelope()).document(message);
            w.flush();
            w.close();
        } catch (XMLStreamException | IOException ex) {
            throw new HubException(ErrorCode.INTERNAL, "Could not write an edXML package", ex);
        }
    }

    private final class Emitter {

        private final XMLStreamWriter w;
        private final OutputStream out;
        /** The envelope as it came, or null to rebuild it from the model. */
        private final SignedEnvelope signed;
        /** Of the elements written: the signed envelope's, or the standard's. */
        private final String prefix;
        private final String namespace;

        Emitter(XMLStreamWriter w, OutputStream out, SignedEnvelope signed) {
            this.w = w;
            this.out = out;
            this.signed = signed;
            this.prefix = signed == null ? EdxmlNames.PREFIX : signed.prefix();
            this.namespace = signed == null ? EdxmlNames.QCVN_102_2016 : signed.namespace();
        }

        void document(EdxmlMessage message) throws XMLStreamException, IOException {
            w.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            if (signed == null) {
                w.setPrefix(EdxmlNames.PREFIX, EdxmlNames.QCVN_102_2016);
                w.setPrefix("xlink", EdxmlNames.XLINK);
                start("edXML");
                w.writeNamespace(EdxmlNames.PREFIX, EdxmlNames.QCVN_102_2016);
                w.writeNamespace("xlink", EdxmlNames.XLINK);
                envelope(message);
            } else {
                start("edXML");
                if (!namespace.isEmpty()) {
                    w.writeNamespace(prefix, namespace);
                }
                verbatim(signed.xml());
            }
            if (message instanceof EdxmlPackage p && !p.attachments().isEmpty()) {
                start("AttachmentEncoded");
                for (Attachment a : p.attachments()) {
                    attachment(a);
                }
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
        }

        /**
         * Writes {@code xml} as it is, straight to the stream, inside the root: the root declares only the envelope's
         * own namespace, which the envelope declares too, so the envelope has the same namespaces in scope as when it
         * was read and canonicalises as it did.
         */
        private void verbatim(String xml) throws XMLStreamException, IOException {
            w.writeCharacters(""); // closes the root's start tag
            w.flush();
            Writer raw = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            raw.write(xml);
            raw.flush();
        }

        private void envelope(EdxmlMessage message) throws XMLStreamException {
            start("edXMLEnvelope");
            start("edXMLHeader");
            if (message instanceof EdxmlPackage p) {
                messageHeader(p.header());
            } else if (message instanceof StatusPackage s) {
                status(s);
            }
            traceHeaderList(message.traceHeaderList());
            w.writeEndElement();
            start("edXMLBody");
            if (message instanceof EdxmlPackage p) {
                manifest(p.manifest());
            }
            w.writeEndElement();
            w.writeEndElement();
        }

        private void messageHeader(MessageHeader h) throws XMLStreamException {
            start("MessageHeader");
            organization("From", h.from());
            for (Organization to : h.to()) {
                organization("To", to);
            }
            if (h.code() != null) {
                start("Code");
                text("CodeNumber", h.code().codeNumber());
                text("CodeNotation", h.code().codeNotation());
                w.writeEndElement();
            }
            if (h.promulgationInfo() != null) {
                start("PromulgationInfo");
                text("Place", h.promulgationInfo().place());
                date("PromulgationDate", h.promulgationInfo().promulgationDate());
                w.writeEndElement();
            }
            if (h.documentType() != null) {
                start("DocumentType");
                text("Type", h.documentType().type());
                text("TypeName", h.documentType().typeName());
                w.writeEndElement();
            }
            text("Subject", h.subject());
            text("Content", h.content());
            if (h.signerInfo() != null) {
                start("SignerInfo");
                text("Competence", h.signerInfo().competence());
                text("Position", h.signerInfo().position());
                text("FullName", h.signerInfo().fullName());
                w.writeEndElement();
            }
            date("DueDate", h.dueDate());
            list("ToPlaces", "Place", h.toPlaces());
            otherInfo(h.otherInfo());
            for (ResponseFor r : h.responseFor()) {
                responseFor(r);
            }
            text("SteeringType", h.steeringType());
            text("DocumentId", h.documentId());
            w.writeEndElement();
        }

        private void otherInfo(OtherInfo o) throws XMLStreamException {
            if (o == null) {
                return;
            }
            start("OtherInfo");
            text("Priority", o.priority());
            text("SphereOfPromulgation", o.sphereOfPromulgation());
            text("TyperNotation", o.typerNotation());
            text("PromulgationAmount", o.promulgationAmount());
            text("PageAmount", o.pageAmount());
            list("Appendixes", "Appendix", o.appendixes());
            w.writeEndElement();
        }

        private void responseFor(ResponseFor r) throws XMLStreamException {
            if (r == null) {
                return;
            }
            start("ResponseFor");
            text("OrganId", r.organId());
            text("Code", r.code());
            date("PromulgationDate", r.promulgationDate());
            text("DocumentId", r.documentId());
            w.writeEndElement();
        }

        private void organization(String name, Organization o) throws XMLStreamException {
            if (o == null) {
                return;
            }
            start(name);
            text("OrganId", o.organId());
            text("OrganizationInCharge", o.organizationInCharge());
            text("OrganName", o.organName());
            text("OrganAdd", o.organAdd());
            text("Email", o.email());
            text("Telephone", o.telephone());
            text("Fax", o.fax());
            text("Website", o.website());
            w.writeEndElement();
        }

        private void status(StatusPackage s) throws XMLStreamException {
            start("Status");
            responseFor(s.responseFor());
            organization("From", s.from());
            text("StatusCode", s.statusCode() == null ? null : s.statusCode().wire());
            text("Description", s.description());
            dateTime("Timestamp", s.timestamp());
            staffInfo(s.staffInfo());
            w.writeEndElement();
        }

        private void staffInfo(StaffInfo s) throws XMLStreamException {
            if (s == null) {
                return;
            }
            start("StaffInfo");
            text("Department", s.department());
            text("Staff", s.staff());
            text("Mobile", s.mobile());
            text("Email", s.email());
            w.writeEndElement();
        }

        private void traceHeaderList(TraceHeaderList t) throws XMLStreamException {
            if (t == null) {
                return;
            }
            start("TraceHeaderList");
            for (TraceHeader hop : t.traceHeaders()) {
                start("TraceHeader");
                text("OrganId", hop.organId());
                dateTime("Timestamp", hop.timestamp());
                w.writeEndElement();
            }
            bussiness(t.bussiness());
            w.writeEndElement();
        }

        private void bussiness(Bussiness b) throws XMLStreamException {
            if (b == null) {
                return;
            }
            start("Bussiness");
            text("BussinessDocType", b.bussinessDocType() == null ? null : b.bussinessDocType().wire());
            text("BussinessDocReason", b.bussinessDocReason());
            text("DocumentId", b.documentId());
            staffInfo(b.staffInfo());
            text("Paper", b.paper());
            if (!b.replacementInfoList().isEmpty()) {
                start("ReplacementInfoList");
                for (ReplacementInfo r : b.replacementInfoList()) {
                    start("ReplacementInfo");
                    text("DocumentId", r.documentId());
                    list("OrganIdList", "OrganId", r.organIds());
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeEndElement();
        }

        private void manifest(List<ManifestReference> references) throws XMLStreamException {
            start("edXMLManifest");
            w.writeAttribute("version", "1.0");
            for (ManifestReference r : references) {
                start("Reference");
                if (r.href() != null) {
                    w.writeAttribute("xlink", EdxmlNames.XLINK, "href", r.href());
                }
                text("Description", r.description());
                text("AttachmentName", r.attachmentName());
                text("ContentType", r.contentType());
                text("ContentId", r.contentId());
                w.writeEndElement();
            }
            w.writeEndElement();
        }

        private void attachment(Attachment a) throws XMLStreamException, IOException {
            start("Attachment");
            text("ContentType", a.contentType());
            text("ContentId", a.contentId());
            text("Description", a.description());
            text("AttachmentName", a.attachmentName());
            start("ContentTransferEncoded");
            Base64.Encoder encoder = Base64.getEncoder();
            try (InputStream in = store.open(a.content())) {
                byte[] block = new byte[BLOCK];
                for (int n = in.readNBytes(block, 0, BLOCK); n > 0; n = in.readNBytes(block, 0, BLOCK)) {
                    byte[] encoded = encoder.encode(n == BLOCK ? block : Arrays.copyOf(block, n));
                    w.writeCharacters(new String(encoded, StandardCharsets.US_ASCII));
                }
            }
            w.writeEndElement();
            w.writeEndElement();
        }

        private void list(String container, String item, List<String> values) throws XMLStreamException {
            if (values.isEmpty()) {
                return;
            }
            start(container);
            for (String v : values) {
                text(item, v);
            }
            w.writeEndElement();
        }

        private void date(String name, LocalDate value) throws XMLStreamException {
            text(name, value == null ? null : EdxmlDates.format(value));
        }

        private void dateTime(String name, LocalDateTime value) throws XMLStreamException {
            text(name, value == null ? null : EdxmlDates.format(value));
        }

        private void text(String name, Object value) throws XMLStreamException {
            if (value == null) {
                return;
            }
            start(name);
            w.writeCharacters(value.toString());
            w.writeEndElement();
        }

        private void start(String name) throws XMLStreamException {
            if (namespace.isEmpty()) {
                w.writeStartElement(name);
            } else {
                w.writeStartElement(prefix, name, namespace);
            }
        }
    }
}
