package vn.lgsp.hub.connector.docex.xml;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import vn.lgsp.hub.connector.docex.model.Attachment;
import vn.lgsp.hub.connector.docex.model.Bussiness;
import vn.lgsp.hub.connector.docex.model.BussinessDocType;
import vn.lgsp.hub.connector.docex.model.DocumentCode;
import vn.lgsp.hub.connector.docex.model.DocumentType;
import vn.lgsp.hub.connector.docex.model.EdxmlMessage;
import vn.lgsp.hub.connector.docex.model.EdxmlPackage;
import vn.lgsp.hub.connector.docex.model.ManifestReference;
import vn.lgsp.hub.connector.docex.model.MessageHeader;
import vn.lgsp.hub.connector.docex.model.Organization;
import vn.lgsp.hub.connector.docex.model.OtherInfo;
import vn.lgsp.hub.connector.docex.model.PromulgationInfo;
import vn.lgsp.hub.connector.docex.model.ReplacementInfo;
import vn.lgsp.hub.connector.docex.model.ResponseFor;
import vn.lgsp.hub.connector.docex.model.SignatureVerification;
import vn.lgsp.hub.connector.docex.model.SignedEnvelope;
import vn.lgsp.hub.connector.docex.model.SignerInfo;
import vn.lgsp.hub.connector.docex.model.StaffInfo;
import vn.lgsp.hub.connector.docex.model.StatusCode;
import vn.lgsp.hub.connector.docex.model.StatusPackage;
import vn.lgsp.hub.connector.docex.model.TraceHeader;
import vn.lgsp.hub.connector.docex.model.TraceHeaderList;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.ValidationException;
import vn.lgsp.hub.core.error.Violation;

/**
 * Turns the envelope DOM into the model, matching elements by local name whatever their namespace. Values that
 * cannot be read (a date in no known style, a number that is not one, an unknown status code) are all reported
 * together as {@code document.invalid}; what is required is checked later by the validator.
 */
final class EnvelopeMapper {

    private final List<Violation> problems = new ArrayList<>();

    EdxmlMessage map(Document envelope, List<Attachment> attachments, SignatureVerification signature,
                     SignedEnvelope asRead) {
        Element root = envelope.getDocumentElement();
        Element header = child(root, "edXMLHeader");
        if (header == null) {
            throw DocexErrors.invalid("edXMLEnvelope.edXMLHeader", "The package has no edXMLHeader");
        }
        TraceHeaderList trace = traceHeaderList(child(header, "TraceHeaderList"));
        Element messageHeader = child(header, "MessageHeader");
        Element status = children(header, EdxmlNames.STATUS_HEADERS::contains).stream().findFirst().orElse(null);
        EdxmlMessage message;
        if (messageHeader != null) {
            message = new EdxmlPackage(messageHeader(messageHeader), trace, manifest(root), attachments, signature,
                    asRead);
        } else if (status != null) {
            message = statusPackage(status, trace, signature, asRead);
        } else {
            throw DocexErrors.invalid("edXMLEnvelope.edXMLHeader",
                    "The header has neither a MessageHeader nor a Status: not an edXML package");
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return message;
    }

    private MessageHeader messageHeader(Element h) {
        String p = "MessageHeader";
        List<Element> to = children(h, "To");
        List<Organization> recipients = new ArrayList<>();
        for (Element e : to) {
            recipients.add(organization(e));
        }
        Element code = child(h, "Code");
        Element promulgation = child(h, "PromulgationInfo");
        Element type = child(h, "DocumentType");
        Element signer = child(h, "SignerInfo");
        Element toPlaces = child(h, "ToPlaces");
        List<ResponseFor> responseFor = new ArrayList<>();
        List<Element> responses = children(h, "ResponseFor");
        for (int i = 0; i < responses.size(); i++) {
            responseFor.add(responseFor(responses.get(i), p + ".ResponseFor[" + i + "]"));
        }
        return new MessageHeader(organization(child(h, "From")), recipients,
                code == null ? null : new DocumentCode(text(code, "CodeNumber"), text(code, "CodeNotation")),
                promulgation == null ? null : new PromulgationInfo(text(promulgation, "Place"),
                        date(promulgation, "PromulgationDate", p + ".PromulgationInfo.PromulgationDate")),
                type == null ? null : new DocumentType(text(type, "Type"), text(type, "TypeName")),
                text(h, "Subject"), text(h, "Content"),
                signer == null ? null : new SignerInfo(text(signer, "Competence"), text(signer, "Position"),
                        text(signer, "FullName")),
                date(h, "DueDate", p + ".DueDate"),
                toPlaces == null ? List.of() : texts(toPlaces, "Place"),
                otherInfo(child(h, "OtherInfo"), p + ".OtherInfo"), responseFor,
                integer(h, "SteeringType", p + ".SteeringType"), text(h, "DocumentId"));
    }

    private OtherInfo otherInfo(Element o, String p) {
        if (o == null) {
            return null;
        }
        Element appendixes = child(o, "Appendixes");
        return new OtherInfo(integer(o, "Priority", p + ".Priority"), text(o, "SphereOfPromulgation"),
                text(o, "TyperNotation"), integer(o, "PromulgationAmount", p + ".PromulgationAmount"),
                integer(o, "PageAmount", p + ".PageAmount"),
                appendixes == null ? List.of() : texts(appendixes, "Appendix"));
    }

    private ResponseFor responseFor(Element r, String p) {
        return r == null ? null : new ResponseFor(text(r, "OrganId"), text(r, "Code"),
                date(r, "PromulgationDate", p + ".PromulgationDate"), text(r, "DocumentId"));
    }

    private static Organization organization(Element o) {
        return o == null ? null : new Organization(text(o, "OrganId"), text(o, "OrganizationInCharge"),
                text(o, "OrganName"), text(o, "OrganAdd"), text(o, "Email"), text(o, "Telephone"), text(o, "Fax"),
                text(o, "Website"));
    }

    private TraceHeaderList traceHeaderList(Element t) {
        if (t == null) {
            return null;
        }
        List<TraceHeader> hops = new ArrayList<>();
        List<Element> elements = children(t, "TraceHeader");
        for (int i = 0; i < elements.size(); i++) {
            Element e = elements.get(i);
            hops.add(new TraceHeader(text(e, "OrganId"),
                    dateTime(e, "Timestamp", "TraceHeaderList.TraceHeader[" + i + "].Timestamp")));
        }
        return new TraceHeaderList(hops, bussiness(child(t, "Bussiness")));
    }

    private Bussiness bussiness(Element b) {
        if (b == null) {
            return null;
        }
        String p = "TraceHeaderList.Bussiness";
        String rawType = text(b, "BussinessDocType");
        BussinessDocType type = null;
        if (rawType != null) {
            type = BussinessDocType.fromWire(rawType).orElse(null);
            report(type == null, p + ".BussinessDocType", "is not 0 (new), 1 (revoke), 2 (update) or 3 (replace)");
        }
        List<ReplacementInfo> replacements = new ArrayList<>();
        Element list = child(b, "ReplacementInfoList");
        for (Element r : list == null ? List.<Element>of() : children(list, "ReplacementInfo")) {
            Element organs = child(r, "OrganIdList");
            replacements.add(new ReplacementInfo(text(r, "DocumentId"),
                    organs == null ? List.of() : texts(organs, "OrganId")));
        }
        return new Bussiness(type, text(b, "BussinessDocReason"), text(b, "DocumentId"), staffInfo(child(b, "StaffInfo")),
                integer(b, "Paper", p + ".Paper"), replacements);
    }

    private static StaffInfo staffInfo(Element s) {
        return s == null ? null : new StaffInfo(text(s, "Department"), text(s, "Staff"), text(s, "Mobile"),
                text(s, "Email"));
    }

    private StatusPackage statusPackage(Element s, TraceHeaderList trace, SignatureVerification signature,
                                        SignedEnvelope asRead) {
        String p = s.getLocalName();
        String rawCode = text(s, "StatusCode");
        StatusCode code = rawCode == null ? null : StatusCode.fromWire(rawCode).orElse(null);
        report(rawCode != null && code == null, p + ".StatusCode", "is not one of 01-06, 13, 15, 16");
        return new StatusPackage(responseFor(child(s, "ResponseFor"), p + ".ResponseFor"),
                organization(child(s, "From")), code, text(s, "Description"), dateTime(s, "Timestamp", p + ".Timestamp"),
                staffInfo(child(s, "StaffInfo")), trace, signature, asRead);
    }

    private static List<ManifestReference> manifest(Element root) {
        Element body = child(root, "edXMLBody");
        Element manifest = body == null ? null : child(body, "edXMLManifest");
        List<ManifestReference> references = new ArrayList<>();
        for (Element r : manifest == null ? List.<Element>of() : children(manifest, "Reference")) {
            references.add(new ManifestReference(href(r), text(r, "Description"), text(r, "AttachmentName"),
                    text(r, "ContentType"), text(r, "ContentId")));
        }
        return references;
    }

    /** {@code xlink:href}, or {@code href} in whatever namespace a sender put it. */
    private static String href(Element r) {
        for (int i = 0; i < r.getAttributes().getLength(); i++) {
            Node a = r.getAttributes().item(i);
            String local = a.getLocalName() == null ? a.getNodeName() : a.getLocalName();
            if ("href".equals(local)) {
                return blankToNull(a.getNodeValue());
            }
        }
        return null;
    }

    private LocalDate date(Element parent, String name, String field) {
        return parsed(parent, name, field, EdxmlDates::parseDate, "is not a date (yyyy/MM/dd)");
    }

    private LocalDateTime dateTime(Element parent, String name, String field) {
        return parsed(parent, name, field, EdxmlDates::parseDateTime, "is not a time (yyyy/MM/dd HH:mm:ss)");
    }

    private Integer integer(Element parent, String name, String field) {
        return parsed(parent, name, field, s -> s.matches("-?\\d{1,9}") ? Optional.of(Integer.parseInt(s))
                : Optional.empty(), "is not a whole number");
    }

    private <T> T parsed(Element parent, String name, String field, Function<String, Optional<T>> parser,
                         String complaint) {
        String raw = text(parent, name);
        if (raw == null) {
            return null;
        }
        T value = parser.apply(raw).orElse(null);
        report(value == null, field, complaint);
        return value;
    }

    private void report(boolean wrong, String field, String complaint) {
        if (wrong) {
            problems.add(new Violation(field, ErrorCode.DOCUMENT_INVALID, field + " " + complaint));
        }
    }

    static Element child(Element parent, String localName) {
        List<Element> found = children(parent, localName::equals);
        return found.isEmpty() ? null : found.get(0);
    }

    static List<Element> children(Element parent, String localName) {
        return children(parent, localName::equals);
    }

    private static List<Element> children(Element parent, java.util.function.Predicate<String> name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && name.test(localName(e))) {
                found.add(e);
            }
        }
        return found;
    }

    private static String localName(Element e) {
        return e.getLocalName() == null ? e.getNodeName() : e.getLocalName();
    }

    private static String text(Element parent, String localName) {
        Element e = child(parent, localName);
        return e == null ? null : blankToNull(e.getTextContent());
    }

    private static List<String> texts(Element parent, String localName) {
        List<String> values = new ArrayList<>();
        for (Element e : children(parent, localName)) {
            String value = blankToNull(e.getTextContent());
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
