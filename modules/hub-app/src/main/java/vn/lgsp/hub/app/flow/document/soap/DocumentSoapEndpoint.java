package vn.lgsp.hub.app.flow.document.soap;

import jakarta.activation.DataHandler;
import jakarta.jws.WebService;
import jakarta.xml.ws.soap.MTOM;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.app.flow.document.DocumentAcceptService;
import vn.lgsp.hub.app.security.Caller;
import vn.lgsp.hub.app.security.HubServices;
import vn.lgsp.hub.app.web.soap.SoapCalls;
import vn.lgsp.hub.app.ws.documents.Accepted;
import vn.lgsp.hub.app.ws.documents.Delivery;
import vn.lgsp.hub.app.ws.documents.DocumentExchangePortType;
import vn.lgsp.hub.app.ws.documents.HubFault;
import vn.lgsp.hub.app.ws.documents.PackageRequest;
import vn.lgsp.hub.connector.docex.model.EdxmlMessage;
import vn.lgsp.hub.connector.docex.model.EdxmlPackage;
import vn.lgsp.hub.connector.docex.model.StatusPackage;
import vn.lgsp.hub.connector.docex.xml.EdxmlReader;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;
import vn.lgsp.hub.core.error.ValidationException;
import vn.lgsp.hub.core.error.Violation;

/**
 * {@code /ws/documents}: the SOAP face of document exchange ({@code wsdl/documents.wsdl}). {@code sendDocument} and
 * {@code sendStatus} are {@code POST /api/v1/documents} and {@code /api/v1/documents/status}: the same reader, the
 * same {@link DocumentAcceptService}, the same checks and error codes; every failure is a {@code HubFault}.
 *
 * <p>The package is a {@link DataHandler}: sent with MTOM it is an attachment, which CXF keeps on disk past a small
 * threshold, and {@link EdxmlReader} reads it from the attachment's stream, so a large package is never whole in
 * memory. The access right {@code documents.send} is checked here, before the package is read (both operations
 * share one URL); the sender agency must be one the caller acts for, which {@link DocumentAcceptService} checks.
 */
@Component
@MTOM
@WebService(
        serviceName = DocumentSoapConfiguration.SERVICE_NAME,
        portName = DocumentSoapConfiguration.PORT_NAME,
        targetNamespace = DocumentSoapConfiguration.NAMESPACE,
        endpointInterface = "vn.lgsp.hub.app.ws.documents.DocumentExchangePortType",
        wsdlLocation = DocumentSoapConfiguration.WSDL)
public class DocumentSoapEndpoint implements DocumentExchangePortType {

    private final EdxmlReader reader;
    private final DocumentAcceptService accept;

    public DocumentSoapEndpoint(EdxmlReader reader, DocumentAcceptService accept) {
        this.reader = reader;
        this.accept = accept;
    }

    @Override
    public Accepted sendDocument(PackageRequest parameters) throws HubFault {
        return SoapCalls.answer(DocumentSoapConfiguration.FAULTS, "sendDocument",
                () -> send(parameters, EdxmlPackage.class));
    }

    @Override
    public Accepted sendStatus(PackageRequest parameters) throws HubFault {
        return SoapCalls.answer(DocumentSoapConfiguration.FAULTS, "sendStatus",
                () -> send(parameters, StatusPackage.class));
    }

    private Accepted send(PackageRequest request, Class<? extends EdxmlMessage> expected) {
        Caller caller = SoapCalls.allowed(HubServices.DOCUMENTS_SEND);
        EdxmlMessage message = read(request);
        if (!expected.isInstance(message)) {
            accept.discard(message);
            throw new HubException(ErrorCode.DOCUMENT_INVALID, expected == EdxmlPackage.class
                    ? "This is a status package; send it with sendStatus"
                    : "This is a document package; send it with sendDocument");
        }
        return accepted(accept.accept(message, null, caller.id(), SoapCalls.correlationId(), caller::actsFor));
    }

    private EdxmlMessage read(PackageRequest request) {
        DataHandler edxml = request == null ? null : request.getEdxml();
        if (edxml == null) {
            throw new ValidationException(List.of(new Violation("edxml", ErrorCode.MISSING_FIELD,
                    "edxml (the package) is required")));
        }
        try (InputStream in = edxml.getInputStream()) {
            return reader.read(in);
        } catch (IOException e) {
            // the attachment could not be opened (a broken MIME part); the reader handles failures while reading
            throw new HubException(ErrorCode.DOCUMENT_MALFORMED_XML, "The package's attachment could not be read");
        }
    }

    private static Accepted accepted(DocumentAcceptService.Accepted a) {
        Accepted answer = new Accepted();
        answer.setDocumentId(a.documentId());
        answer.setMessageType(a.messageType());
        for (DocumentAcceptService.Delivery d : a.deliveries()) {
            Delivery delivery = new Delivery();
            delivery.setRecipient(d.recipient());
            delivery.setExchangeId(d.acceptance().exchange().id());
            delivery.setDuplicate(d.acceptance().duplicate());
            answer.getDelivery().add(delivery);
        }
        return answer;
    }
}
