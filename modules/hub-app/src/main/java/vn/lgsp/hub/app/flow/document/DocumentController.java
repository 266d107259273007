package vn.lgsp.hub.app.flow.document;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.app.security.Caller;
import vn.lgsp.hub.app.web.CorrelationIdFilter;
import vn.lgsp.hub.connector.docex.DocexProperties;
import vn.lgsp.hub.connector.docex.model.EdxmlMessage;
import vn.lgsp.hub.connector.docex.model.EdxmlPackage;
import vn.lgsp.hub.connector.docex.model.StatusPackage;
import vn.lgsp.hub.connector.docex.xml.EdxmlReader;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;

/**
 * Agencies send edXML document packages and status packages. The body is read as a stream (attachments go to the
 * attachment store as they are decoded), so a large package is never whole in memory; 202 comes once every
 * recipient's delivery is durable.
 */
@RestController
public class DocumentController {

    private final EdxmlReader reader;
    private final DocumentAcceptService accept;
    private final long maxPackageSize;

    public DocumentController(EdxmlReader reader, DocumentAcceptService accept, DocexProperties docex) {
        this.reader = reader;
        this.accept = accept;
        this.maxPackageSize = docex.maxPackageSize().toBytes();
    }

    @PostMapping(path = "/api/v1/documents",
            consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> document(HttpServletRequest request,
                                                        @AuthenticationPrincipal Caller caller) throws IOException {
        return accepted(request, caller, EdxmlPackage.class);
    }

    @PostMapping(path = "/api/v1/documents/status",
            consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE},
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> status(HttpServletRequest request,
                                                      @AuthenticationPrincipal Caller caller) throws IOException {
        return accepted(request, caller, StatusPackage.class);
    }

    private ResponseEntity<Map<String, Object>> accepted(HttpServletRequest request, Caller caller,
                                                         Class<? extends EdxmlMessage> expected) throws IOException {
        // refused by its declared length before a byte of it is read: a client that asked "Expect: 100-continue"
        // then never sends it; a body without a length is cut off by the reader at the same limit
        if (request.getContentLengthLong() > maxPackageSize) {
            throw new HubException(ErrorCode.DOCUMENT_TOO_LARGE, "The package is " + request.getContentLengthLong()
                    + " bytes; the hub accepts at most " + maxPackageSize);
        }
        EdxmlMessage message;
        try (InputStream body = request.getInputStream()) {
            message = reader.read(body);
        }
        if (!expected.isInstance(message)) {
            accept.discard(message);
            throw new HubException(ErrorCode.DOCUMENT_INVALID, expected == EdxmlPackage.class
                    ? "This is a status package; send it to /api/v1/documents/status"
                    : "This is a document package; send it to /api/v1/documents");
        }
        DocumentAcceptService.Accepted a = accept.accept(message, null, caller.id(),
                CorrelationIdFilter.of(request), caller::actsFor);
        return ResponseEntity.accepted().body(body(a));
    }

    static Map<String, Object> body(DocumentAcceptService.Accepted a) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("documentId", a.documentId());
        body.put("messageType", a.messageType());
        body.put("status", "ACCEPTED");
        List<Map<String, Object>> deliveries = a.deliveries().stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("recipient", d.recipient());
            m.put("exchangeId", d.acceptance().exchange().id());
            if (d.acceptance().duplicate()) {
                m.put("duplicate", true);
            }
            return m;
        }).toList();
        body.put("deliveries", deliveries);
        return body;
    }
}
