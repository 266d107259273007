package vn.lgsp.hub.connector.docex.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.lgsp.hub.connector.docex.model.Attachment;
import vn.lgsp.hub.connector.docex.model.EdxmlMessage;
import vn.lgsp.hub.connector.docex.model.EdxmlPackage;
import vn.lgsp.hub.connector.docex.model.ManifestReference;
import vn.lgsp.hub.connector.docex.model.MessageHeader;
import vn.lgsp.hub.connector.docex.model.Organization;
import vn.lgsp.hub.connector.docex.model.StatusPackage;
import vn.lgsp.hub.connector.docex.model.TraceHeader;
import vn.lgsp.hub.connector.docex.xml.EdxmlDates;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.ValidationException;
import vn.lgsp.hub.core.error.Violation;
import vn.lgsp.hub.core.ids.AgencyCode;

/**
 * Checks what a package must carry before the hub accepts it, and reports every problem at once in one
 * {@link ValidationException}, with field paths such as {@code MessageHeader.To[1].OrganId} (indexes from 0).
 * Agency codes are read leniently (Quyết định 20/2020 form) unless strict codes are asked for. {@code DocumentId} must
 * be the comma-separated triple {@code OrganId,date-or-year,number/notation} seen in practice; its parts are read
 * leniently. The manifest and the attachments must name each other one to one.
 */
public class EdxmlValidator {

    private final boolean strictAgencyCodes;

    public EdxmlValidator(boolean strictAgencyCodes) {
        this.strictAgencyCodes = strictAgencyCodes;
    }

    /** @throws ValidationException with {@code document.*} codes when anything is missing or wrong */
    public void validate(EdxmlMessage message) {
        List<Violation> v = new ArrayList<>();
        if (message instanceof EdxmlPackage p) {
            header(v, p.header());
            manifest(v, p.manifest(), p.attachments());
        } else if (message instanceof StatusPackage s) {
            String path = "Status";
            agency(v, path + ".From.OrganId", s.from() == null ? null : s.from().organId());
            required(v, path + ".StatusCode", s.statusCode());
            documentId(v, path + ".ResponseFor.DocumentId", s.responseFor() == null ? null : s.responseFor().documentId());
        }
        if (message.traceHeaderList() != null) {
            List<TraceHeader> hops = message.traceHeaderList().traceHeaders();
            for (int i = 0; i < hops.size(); i++) {
                optionalAgency(v, "TraceHeaderList.TraceHeader[" + i + "].OrganId", hops.get(i).organId());
            }
        }
        if (!v.isEmpty()) {
            throw new ValidationException(v);
        }
    }

    private void header(List<Violation> v, MessageHeader h) {
        String p = "MessageHeader";
        agency(v, p + ".From.OrganId", h.from() == null ? null : h.from().organId());
        if (h.to().isEmpty()) {
            v.add(new Violation(p + ".To", ErrorCode.DOCUMENT_INVALID, p + ".To: at least one recipient is required"));
        }
        for (int i = 0; i < h.to().size(); i++) {
            Organization to = h.to().get(i);
            agency(v, p + ".To[" + i + "].OrganId", to.organId());
        }
        required(v, p + ".Code.CodeNumber", h.code() == null ? null : h.code().codeNumber());
        required(v, p + ".PromulgationInfo.PromulgationDate",
                h.promulgationInfo() == null ? null : h.promulgationInfo().promulgationDate());
        required(v, p + ".DocumentType.Type", h.documentType() == null ? null : h.documentType().type());
        required(v, p + ".Subject", h.subject());
        documentId(v, p + ".DocumentId", h.documentId());
    }

    private static void manifest(List<Violation> v, List<ManifestReference> references, List<Attachment> attachments) {
        Set<String> attached = ids(attachments, Attachment::cid);
        Set<String> referenced = ids(references, ManifestReference::cid);
        for (int i = 0; i < references.size(); i++) {
            String cid = references.get(i).cid();
            String field = "edXMLManifest.Reference[" + i + "]";
            if (cid == null) {
                v.add(missingAttachment(field, field + " names no attachment (no cid: href and no ContentId)"));
            } else if (!attached.contains(cid)) {
                v.add(missingAttachment(field, field + " names attachment cid:" + cid + ", which the package lacks"));
            }
        }
        for (int i = 0; i < attachments.size(); i++) {
            String cid = attachments.get(i).cid();
            if (cid == null || !referenced.contains(cid)) {
                String field = "AttachmentEncoded.Attachment[" + i + "].ContentId";
                v.add(missingAttachment(field, field + " is not named by any manifest reference"));
            }
        }
    }

    private static <T> Set<String> ids(List<T> items, Function<T, String> id) {
        return items.stream().map(id).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private void documentId(List<Violation> v, String field, String raw) {
        if (!required(v, field, raw)) {
            return;
        }
        String[] parts = raw.split(",", 3);
        if (parts.length < 3 || parts[2].isBlank()) {
            v.add(invalid(field, field + " must be OrganId,date-or-year,number/notation (e.g. 000.00.14.H56,2025/03/10,"
                    + "125/UBND-VP)"));
            return;
        }
        agency(v, field + "[OrganId]", parts[0].strip());
        String when = parts[1].strip();
        if (!when.matches("\\d{4}") && EdxmlDates.parseDate(when).isEmpty()) {
            v.add(invalid(field, field + ": the second part must be a year or a date (yyyy/MM/dd)"));
        }
    }

    private void optionalAgency(List<Violation> v, String field, String raw) {
        if (raw != null) {
            agency(v, field, raw);
        }
    }

    private void agency(List<Violation> v, String field, String raw) {
        if (!required(v, field, raw)) {
            return;
        }
        try {
            if (strictAgencyCodes) {
                AgencyCode.parseStrict(raw, field);
            } else {
                AgencyCode.parse(raw, field);
            }
        } catch (ValidationException ex) {
            ex.violations().forEach(x -> v.add(invalid(field, x.message())));
        }
    }

    private static boolean required(List<Violation> v, String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            v.add(invalid(field, field + " is required"));
            return false;
        }
        return true;
    }

    private static Violation invalid(String field, String message) {
        return new Violation(field, ErrorCode.DOCUMENT_INVALID, message);
    }

    private static Violation missingAttachment(String field, String message) {
        return new Violation(field, ErrorCode.DOCUMENT_MISSING_ATTACHMENT, message);
    }
}
