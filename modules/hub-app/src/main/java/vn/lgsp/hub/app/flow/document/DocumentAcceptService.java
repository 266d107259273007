package vn.lgsp.hub.app.flow.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.app.ops.metrics.HubMetrics;
import vn.lgsp.hub.app.broker.Queues;
import vn.lgsp.hub.app.delivery.DurableAcceptance;
import vn.lgsp.hub.audit.ExchangeLog;
import vn.lgsp.hub.audit.ExchangeState;
import vn.lgsp.hub.audit.ExchangeStep;
import vn.lgsp.hub.connector.docex.DocexProperties;
import vn.lgsp.hub.connector.docex.attachment.AttachmentStore;
import vn.lgsp.hub.connector.docex.model.Attachment;
import vn.lgsp.hub.connector.docex.model.BussinessDocType;
import vn.lgsp.hub.connector.docex.model.EdxmlMessage;
import vn.lgsp.hub.connector.docex.model.EdxmlPackage;
import vn.lgsp.hub.connector.docex.model.Organization;
import vn.lgsp.hub.connector.docex.model.SignatureStatus;
import vn.lgsp.hub.connector.docex.model.SignatureVerification;
import vn.lgsp.hub.connector.docex.model.StatusPackage;
import vn.lgsp.hub.connector.docex.validation.EdxmlValidator;
import vn.lgsp.hub.connector.docex.xml.EdxmlWriter;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;
import vn.lgsp.hub.core.error.ValidationException;
import vn.lgsp.hub.core.error.Violation;

/**
 * Accepts a document or status package: validates it, applies the sender's signature policy, writes it once in the
 * standard form to a temporary file, and accepts one delivery per recipient, all in one database transaction (so the
 * caller's 202 means every recipient's delivery is durable). Each delivery streams the file into the broker as a large
 * message. The subject of a delivery is the recipient and the document: a document's statuses, updates and
 * revocations reach each recipient in the order accepted. The same package sent again to the same recipient is the
 * same exchange.
 */
@Service
public class DocumentAcceptService {

    public static final String FLOW = "document-exchange";

    private static final Logger log = LoggerFactory.getLogger(DocumentAcceptService.class);

    private final EdxmlValidator validator;
    private final EdxmlWriter writer;
    private final AttachmentStore attachments;
    private final DurableAcceptance acceptance;
    private final ExchangeLog exchangeLog;
    private final TransactionTemplate tx;
    private final DocumentFlowProperties props;
    private final Path workDir;
    private final ObjectMapper json;
    private final MeterRegistry meters;

    public DocumentAcceptService(EdxmlValidator validator, EdxmlWriter writer, AttachmentStore attachments,
                                 DurableAcceptance acceptance, ExchangeLog exchangeLog, TransactionTemplate tx,
                                 DocumentFlowProperties props,
                                 DocexProperties docex, ObjectMapper json, MeterRegistry meters) {
        this.validator = validator;
        this.writer = writer;
        this.attachments = attachments;
        this.acceptance = acceptance;
        this.exchangeLog = exchangeLog;
        this.tx = tx;
        this.props = props;
        this.workDir = docex.attachmentDir();
        this.json = json;
        this.meters = meters;
    }

    /** One recipient's delivery. */
    public record Delivery(String recipient, DurableAcceptance.Acceptance acceptance) {
    }

    /** @param deliveries one per recipient, in the package's order */
    public record Accepted(String documentId, String messageType, List<Delivery> deliveries) {
    }

    /**
     * @param message    the package as read (its attachments in the store; they are removed here, whatever happens)
     * @param recipients the agencies to deliver to, or {@code null} for the package's own ({@code To}, or for a
     *                   status package the sender of the document it is about)
     * @param mayActFor  whether the caller may send as the package's sender agency
     */
    public Accepted accept(EdxmlMessage message, List<String> recipients, String clientId, String correlationId,
                           Predicate<String> mayActFor) {
        try {
            validator.validate(message);
            String sender = sender(message);
            if (!mayActFor.test(sender)) {
                throw new HubException(ErrorCode.FORBIDDEN, "This client does not act for agency " + sender
                        + ", the package's sender");
            }
            checkSignature(message, sender);
            List<String> to = recipients != null ? recipients : recipients(message);
            return acceptWritten(message, sender, to, clientId, correlationId);
        } finally {
            discardAttachments(message);
        }
    }

    /** The agency a package comes from. */
    public static String sender(EdxmlMessage message) {
        Organization from = message instanceof EdxmlPackage p ? p.header().from() : ((StatusPackage) message).from();
        return from.organId();
    }

    private static List<String> recipients(EdxmlMessage message) {
        if (message instanceof StatusPackage s) {
            String to = s.responseFor() == null ? null : s.responseFor().organId();
            if (to == null || to.isBlank()) {
                throw new ValidationException(List.of(new Violation("Status.ResponseFor.OrganId",
                        ErrorCode.MISSING_FIELD, "Status.ResponseFor.OrganId (the agency the status goes back to) is"
                        + " required")));
            }
            return List.of(to);
        }
        LinkedHashSet<String> to = new LinkedHashSet<>();
        ((EdxmlPackage) message).header().to().forEach(o -> to.add(o.organId()));
        return List.copyOf(to);
    }

    private void checkSignature(EdxmlMessage message, String sender) {
        if (props.signature().of(sender) == DocumentFlowProperties.SignaturePolicy.REQUIRE_VALID
                && message.signature().status() != SignatureStatus.VALID) {
            throw new HubException(ErrorCode.DOCUMENT_SIGNATURE_INVALID, "Packages from " + sender
                    + " must carry a valid signature; this one's is " + message.signature().status()
                    + (message.signature().reason() == null ? "" : " (" + message.signature().reason() + ")"));
        }
    }

    private Accepted acceptWritten(EdxmlMessage message, String sender, List<String> to, String clientId,
                                   String correlationId) {
        Path file = null;
        try {
            file = Files.createTempFile(workDir, "package-", ".xml");
            String sha256 = write(message, file);
            long bytes = Files.size(file);
            Path written = file;
            String documentId = documentId(message);
            String type = message instanceof StatusPackage ? DocumentMeta.STATUS : DocumentMeta.EDOC;
            String operation = operation(message);
            String signature = signature(message);
            List<Delivery> deliveries = tx.execute(s -> {
                if (message instanceof StatusPackage) {
                    requireKnownDocument(sender, documentId);
                }
                List<Delivery> all = new ArrayList<>();
                for (String recipient : to) {
                    DocumentMeta meta = new DocumentMeta(documentId, type, sender, recipient, statusCode(message),
                            businessDocType(message), bytes, sha256);
                    DurableAcceptance.Submission sub = new DurableAcceptance.Submission(FLOW, Queues.DOCUMENT,
                            recipient + "|" + documentId, eventKey(message, recipient, sha256), clientId,
                            correlationId, documentId, toJson(meta), () -> Files.newInputStream(written));
                    DurableAcceptance.Acceptance a = acceptance.accept(sub,
                            previous -> new DurableAcceptance.Plan(operation, null));
                    if (!a.duplicate() && signature != null) {
                        exchangeLog.changeState(a.exchange().id(), ExchangeState.ACCEPTED, ExchangeStep.VERIFIED,
                                null, signature);
                    }
                    all.add(new Delivery(recipient, a));
                }
                return all;
            });
            long fresh = deliveries.stream().filter(d -> !d.acceptance().duplicate()).count();
            meters.counter(HubMetrics.ACCEPTED, HubMetrics.FLOW, FLOW, HubMetrics.CLIENT, clientId).increment(fresh);
            log.info("Accepted {} {} from {} for {} recipients ({} new, {} bytes)", operation, documentId, sender,
                    deliveries.size(), fresh, bytes);
            return new Accepted(documentId, type, deliveries);
        } catch (IOException e) {
            throw new UncheckedIOException("the package could not be written for queueing", e);
        } finally {
            deleteQuietly(file);
        }
    }

    /**
     * A status goes back along the way its document came: the hub must have carried the document to the status's
     * sender ({@code <sender>|<documentId>} is a subject of this flow).
     */
    private void requireKnownDocument(String sender, String documentId) {
        if (exchangeLog.findBySubject(FLOW, sender + "|" + documentId, 0).isEmpty()) {
            throw new HubException(ErrorCode.DOCUMENT_UNKNOWN, "The hub has not carried document " + documentId
                    + " to " + sender + "; a status can only answer a document its sender received through the hub");
        }
    }

    /**
     * A document package is the same exchange when it is the same package (the SHA-256 of its standard form); a
     * status is the same when it says the same of the same document (DOMAIN.md: key on DocumentId and StatusCode),
     * whatever its timestamp.
     */
    private static String eventKey(EdxmlMessage message, String recipient, String sha256) {
        if (message instanceof StatusPackage s) {
            return DurableAcceptance.eventKey(recipient, s.responseFor().documentId(), s.from().organId(),
                    s.statusCode().wire());
        }
        return DurableAcceptance.eventKey(recipient, sha256);
    }

    /** {@code STATUS}, {@code EDOC}, or {@code EDOC_REVOKE} / {@code _UPDATE} / {@code _REPLACE}, for the log. */
    private static String operation(EdxmlMessage message) {
        Integer type = businessDocType(message);
        if (message instanceof StatusPackage) {
            return "STATUS";
        }
        return type == null || type == 0 ? "EDOC"
                : "EDOC_" + BussinessDocType.values()[type].name();
    }

    /**
     * The signature verdict, as the exchange log keeps it; {@code null} for an unsigned package. Not the signer: a
     * certificate's subject names a person.
     */
    private static String signature(EdxmlMessage message) {
        SignatureVerification v = message.signature();
        if (v.status() == SignatureStatus.ABSENT) {
            return null;
        }
        return "signature " + v.status() + (v.reason() == null ? "" : ": " + v.reason());
    }

    /** Writes the package in the standard form, returning the SHA-256 of what was written. */
    private String write(EdxmlMessage message, Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        // buffered: the writer emits the package in small pieces
        try (OutputStream out = new BufferedOutputStream(new DigestOutputStream(Files.newOutputStream(file), digest),
                64 * 1024)) {
            writer.write(message, out);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    static String documentId(EdxmlMessage message) {
        return message instanceof EdxmlPackage p ? p.header().documentId()
                : ((StatusPackage) message).responseFor().documentId();
    }

    private static String statusCode(EdxmlMessage message) {
        return message instanceof StatusPackage s ? s.statusCode().wire() : null;
    }

    private static Integer businessDocType(EdxmlMessage message) {
        if (message instanceof EdxmlPackage p && p.traceHeaderList() != null
                && p.traceHeaderList().bussiness() != null
                && p.traceHeaderList().bussiness().bussinessDocType() != null) {
            return p.traceHeaderList().bussiness().bussinessDocType().ordinal();
        }
        return null;
    }

    private String toJson(DocumentMeta meta) {
        try {
            return json.writeValueAsString(meta);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("document metadata is plain data", e);
        }
    }

    /** Removes a package's attachments from the store, for a package that is refused before {@link #accept}. */
    public void discard(EdxmlMessage message) {
        discardAttachments(message);
    }

    private void discardAttachments(EdxmlMessage message) {
        if (message instanceof EdxmlPackage p) {
            for (Attachment a : p.attachments()) {
                try {
                    attachments.delete(a.content());
                } catch (IOException e) {
                    log.warn("An attachment of {} could not be removed from the store ({})", documentId(message),
                            e.getClass().getSimpleName());
                }
            }
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("A queued package's temporary file could not be removed ({})", e.getClass().getSimpleName());
            }
        }
    }
}
