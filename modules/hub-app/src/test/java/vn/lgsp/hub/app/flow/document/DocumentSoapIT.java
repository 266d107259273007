package vn.lgsp.hub.app.flow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.soap.SOAPBinding;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.HTTPConduit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.lgsp.hub.app.support.EdxmlPackages;
import vn.lgsp.hub.app.support.HubClient;
import vn.lgsp.hub.app.support.HubIntegrationTest;
import vn.lgsp.hub.app.ws.documents.Accepted;
import vn.lgsp.hub.app.ws.documents.Delivery;
import vn.lgsp.hub.app.ws.documents.DocumentExchangePortType;
import vn.lgsp.hub.app.ws.documents.DocumentExchangeSoapService;
import vn.lgsp.hub.app.ws.documents.HubFault;
import vn.lgsp.hub.app.ws.documents.HubFaultDetail;
import vn.lgsp.hub.app.ws.documents.PackageRequest;
import vn.lgsp.hub.simulators.agency.PushedDocument;
import vn.lgsp.hub.simulators.axis.SentPackage;

/**
 * Flow 4's SOAP face end to end: {@code /ws/documents} called through a CXF client generated from the hub's own WSDL
 * ({@code wsdl/documents.wsdl}), MTOM on, so that each package travels as an XOP attachment; the API key in the
 * {@code X-API-Key} HTTP header. Packages reach the agency simulator (push) and the axis simulator as they do from
 * {@code POST /api/v1/documents}, and every refusal is a {@code HubFault} with the code REST answers with.
 */
class DocumentSoapIT extends HubIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PATH = "/ws/documents";
    /** Not in the tests' directory: reached through the national axis. */
    private static final String MINISTRY = "000.00.00.G06";

    @Autowired
    private JdbcTemplate jdbc;

    /** Attachments the client put on its last request, counted as the request is marshalled. */
    private final AtomicInteger attachments = new AtomicInteger(-1);

    @BeforeEach
    void freshUpstreams() {
        AXIS.reset();
        AGENCIES.reset();
    }

    @Test
    void aLetterIsAcceptedOverMtomAndDeliveredToAPushAgencyAndThroughTheAxis() throws HubFault {
        String doc = EdxmlPackages.newDocumentId(OFFICE);
        String letter = EdxmlPackages.letter(doc, OFFICE, PUSH_AGENCY, MINISTRY);

        Accepted a = documents(HubClient.DEMO_KEY).sendDocument(request(letter));

        assertThat(attachments.get()).as("the package went as an MTOM attachment").isEqualTo(1);
        assertThat(a.getDocumentId()).isEqualTo(doc);
        assertThat(a.getMessageType()).isEqualTo("edoc");
        Map<String, String> ids = ids(a);
        assertThat(ids).containsOnlyKeys(PUSH_AGENCY, MINISTRY);
        assertThat(a.getDelivery()).noneMatch(Delivery::isDuplicate);
        ids.values().forEach(id -> awaitState(id, "DELIVERED"));
        // the exchange log's record is the REST one's, with the authenticated caller as client
        assertThat(exchangeLog.find(ids.get(PUSH_AGENCY))).hasValueSatisfying(x -> {
            assertThat(x.flow()).isEqualTo(DocumentAcceptService.FLOW);
            assertThat(x.clientId()).isEqualTo("demo");
        });

        assertThat(received(doc)).singleElement().satisfies(p -> {
            assertThat(p.documentId()).isEqualTo(doc);
            assertThat(p.xml()).contains("QCVN_102_2016", "cong-van.pdf", "V/v báo cáo tình hình cấp giấy phép");
        });
        assertThat(sentFor(doc)).singleElement().satisfies(s -> {
            assertThat(s.to()).contains(MINISTRY);
            assertThat(s.from()).isEqualTo(OFFICE);
            assertThat(s.messagetype()).isEqualTo("edoc");
        });

        // the same package again: the same exchanges, marked as such, nothing delivered twice
        Accepted again = documents(HubClient.DEMO_KEY).sendDocument(request(letter));
        assertThat(ids(again)).isEqualTo(ids);
        assertThat(again.getDelivery()).allMatch(Delivery::isDuplicate);
        assertThat(received(doc)).hasSize(1);
    }

    @Test
    void aStatusPackageGoesBackToTheSenderOfTheDocument() throws HubFault {
        // the ministry's letter, which the hub carries to the push agency; then the agency's answer
        String doc = EdxmlPackages.newDocumentId(MINISTRY);
        awaitState(ids(documents(HubClient.DEMO_KEY).sendDocument(request(
                EdxmlPackages.letter(doc, MINISTRY, PUSH_AGENCY)))).get(PUSH_AGENCY), "DELIVERED");

        Accepted a = documents(HubClient.DEMO_KEY).sendStatus(request(
                EdxmlPackages.status("03", PUSH_AGENCY, MINISTRY, doc, 0)));

        assertThat(a.getDocumentId()).isEqualTo(doc);
        assertThat(a.getMessageType()).isEqualTo("status");
        String id = ids(a).get(MINISTRY);
        assertThat(ids(a)).containsOnlyKeys(MINISTRY);
        awaitState(id, "DELIVERED");
        assertThat(sentFor(doc)).singleElement().satisfies(s -> {
            assertThat(s.messagetype()).isEqualTo("status");
            assertThat(s.statusCode()).isEqualTo("03");
            assertThat(s.from()).isEqualTo(PUSH_AGENCY);
        });

        // a status about a document the hub never carried to its sender
        HubFaultDetail unknown = fault(() -> documents(HubClient.DEMO_KEY).sendStatus(request(EdxmlPackages.status(
                "03", PUSH_AGENCY, MINISTRY, EdxmlPackages.newDocumentId(MINISTRY), 0))));
        assertThat(unknown.getCode()).isEqualTo("document.unknown");
    }

    @Test
    void aPackageWithADtdIsRefusedAsForbiddenXmlWithNothingQueued() {
        String doc = EdxmlPackages.newDocumentId(OFFICE);
        String letter = EdxmlPackages.letter(doc, OFFICE, PUSH_AGENCY);
        String withDtd = letter.replaceFirst("\\?>",
                "?><!DOCTYPE edXML:edXML [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>");

        HubFaultDetail fault = fault(() -> documents(HubClient.DEMO_KEY).sendDocument(request(withDtd)));

        assertThat(fault.getCode()).isEqualTo("document.forbidden_xml");
        assertThat(fault.getMessage()).doesNotContain("passwd", "Exception", "at vn.");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM exchange WHERE flow = ? AND subject_key LIKE ?",
                Integer.class, DocumentAcceptService.FLOW, "%|" + doc)).isZero();
    }

    @Test
    void aPackageOfTheOtherKindIsRefusedAsInvalid() {
        String doc = EdxmlPackages.newDocumentId(OFFICE);
        HubFaultDetail fault = fault(() -> documents(HubClient.DEMO_KEY).sendStatus(request(
                EdxmlPackages.letter(doc, OFFICE, PUSH_AGENCY))));

        assertThat(fault.getCode()).isEqualTo("document.invalid");
        assertThat(fault.getMessage()).contains("sendDocument");
    }

    @Test
    void aClientWithoutDocumentsSendIsForbidden() {
        String doc = EdxmlPackages.newDocumentId(OFFICE);
        HubFaultDetail fault = fault(() -> documents("reader-key").sendDocument(request(
                EdxmlPackages.letter(doc, OFFICE, PUSH_AGENCY))));

        assertThat(fault.getCode()).isEqualTo("auth.forbidden");
        assertThat(received(doc)).isEmpty();
    }

    @Test
    void aClientSendsOnlyAsTheAgenciesItActsFor() throws HubFault {
        HubFaultDetail fault = fault(() -> documents("agency11-key").sendDocument(request(
                EdxmlPackages.letter(EdxmlPackages.newDocumentId(OFFICE), OFFICE, PUSH_AGENCY))));
        assertThat(fault.getCode()).isEqualTo("auth.forbidden");
        assertThat(fault.getMessage()).contains(OFFICE);

        // its own agency, 000.00.11.H56
        Accepted ours = documents("agency11-key").sendDocument(request(EdxmlPackages.letter(
                EdxmlPackages.newDocumentId(INBOX_AGENCY), INBOX_AGENCY, PUSH_AGENCY)));
        assertThat(ours.getDelivery()).singleElement().extracting(Delivery::getRecipient).isEqualTo(PUSH_AGENCY);
    }

    @Test
    void aTwentyMegabytePackageTravelsAsAnAttachmentAndReachesItsRecipientWhole() throws HubFault {
        String doc = EdxmlPackages.newDocumentId(OFFICE);
        long length = EdxmlPackages.largeLength(20, doc, OFFICE, PUSH_AGENCY);
        DocumentExchangePortType port = documents(HubClient.DEMO_KEY);
        HTTPConduit conduit = (HTTPConduit) ClientProxy.getClient(port).getConduit();
        conduit.getClient().setReceiveTimeout(120_000);

        PackageRequest large = new PackageRequest();
        large.setEdxml(new DataHandler(new StreamedPackage(() -> EdxmlPackages.large(20, doc, OFFICE, PUSH_AGENCY))));
        Accepted a = port.sendDocument(large);

        assertThat(attachments.get()).isEqualTo(1);
        String id = ids(a).get(PUSH_AGENCY);
        awaitState(id, "DELIVERED");
        assertThat(length).isGreaterThan(20_000_000);
        assertThat(received(doc)).singleElement().satisfies(p -> {
            // re-written in the standard form: the attachment whole, its base64 without the sender's line breaks
            String xml = p.xml();
            int attachment = xml.indexOf("<edXML:ContentId>ban-ve.bin</edXML:ContentId>",
                    xml.indexOf("<edXML:AttachmentEncoded>"));
            int from = xml.indexOf("<edXML:ContentTransferEncoded>", attachment)
                    + "<edXML:ContentTransferEncoded>".length();
            int to = xml.indexOf("</edXML:ContentTransferEncoded>", from);
            assertThat(to - from).isEqualTo(20 * 1024 * 1023);
            assertThat(xml.substring(from, to).chars().allMatch(c -> c == 'Q')).isTrue();
            assertThat(xml).endsWith("</edXML:edXML>");
        });
    }

    @Test
    void theWsdlIsServedToAnAuthenticatedClientOnly() {
        HubClient.Reply wsdl = hub.get(PATH + "?wsdl", HubClient.DEMO_KEY);
        assertThat(wsdl.status()).isEqualTo(200);
        assertThat(wsdl.body()).contains("sendDocument", "sendStatus", "urn:lgsp-hub:documents:v1", "hubFault");
        assertThat(hub.get(PATH + "?wsdl", null).status()).isEqualTo(401);
    }

    @Test
    void anUnreadableRequestIsAFaultOfThisEndpointWithoutAStackTrace() {
        HubClient.Reply r = hub.post(PATH, HubClient.DEMO_KEY, "text/xml; charset=UTF-8", "this is not XML at all <<<");

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.body()).contains(":Client</faultcode>", "<hubFault xmlns=\"urn:lgsp-hub:documents:v1\">",
                        "<code>request.malformed_xml</code>", "sendDocument or sendStatus")
                .doesNotContain("stackTrace", "at vn.", "at org.", "Exception");
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    /** A port of the generated client with MTOM on, pointed at this hub, sending {@code apiKey}. */
    private DocumentExchangePortType documents(String apiKey) {
        DocumentExchangePortType port = new DocumentExchangeSoapService().getDocumentExchangePort();
        BindingProvider provider = (BindingProvider) port;
        provider.getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY,
                "http://127.0.0.1:" + this.port + PATH);
        ((SOAPBinding) provider.getBinding()).setMTOMEnabled(true);
        Client client = ClientProxy.getClient(port);
        client.getRequestContext().put(Message.PROTOCOL_HEADERS, Map.of("X-API-Key", List.of(apiKey)));
        attachments.set(-1);
        client.getOutInterceptors().add(new AbstractPhaseInterceptor<Message>(Phase.POST_MARSHAL) {
            @Override
            public void handleMessage(Message message) {
                attachments.set(message.getAttachments() == null ? 0 : message.getAttachments().size());
            }
        });
        return port;
    }

    private static PackageRequest request(String xml) {
        PackageRequest r = new PackageRequest();
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        r.setEdxml(new DataHandler(new StreamedPackage(() -> new ByteArrayInputStream(bytes))));
        return r;
    }

    /** Recipient → exchange id. */
    private static Map<String, String> ids(Accepted a) {
        return a.getDelivery().stream().collect(Collectors.toMap(Delivery::getRecipient, Delivery::getExchangeId,
                (x, y) -> x, java.util.LinkedHashMap::new));
    }

    /** The hubFault detail of the fault {@code call} ends with. */
    private static HubFaultDetail fault(SoapCall call) {
        HubFault fault = catchThrowableOfType(HubFault.class, call::run);
        assertThat(fault).as("a HubFault").isNotNull();
        assertThat(fault.getFaultInfo()).isNotNull();
        assertThat(fault.getMessage()).isEqualTo(fault.getFaultInfo().getMessage());
        return fault.getFaultInfo();
    }

    @FunctionalInterface
    private interface SoapCall {
        void run() throws HubFault;
    }

    /** What the push agency got of {@code documentId} (deliveries of other tests may still arrive). */
    private static List<PushedDocument> received(String documentId) {
        return AGENCIES.received(PUSH_AGENCY).stream().filter(p -> documentId.equals(p.documentId())).toList();
    }

    private static List<SentPackage> sentFor(String documentId) {
        return AXIS.sent().stream().filter(s -> documentId.equals(s.documentId())
                || documentId.equals(s.responseFor())).toList();
    }

    private void awaitState(String exchangeId, String state) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(hub.exchange(exchangeId).path("state").asText())
                .isEqualTo(state));
    }

    /** A package produced as it is read, each time it is asked for: never a byte[] of the whole. */
    private record StreamedPackage(Supplier<InputStream> content) implements DataSource {

        @Override
        public InputStream getInputStream() {
            return content.get();
        }

        @Override
        public OutputStream getOutputStream() {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public String getContentType() {
            return "application/octet-stream";
        }

        @Override
        public String getName() {
            return "edxml";
        }
    }
}
