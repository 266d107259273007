package vn.lgsp.hub.app.flow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.WebServiceException;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import vn.lgsp.hub.app.support.HubClient;
import vn.lgsp.hub.app.support.HubIntegrationTest;
import vn.lgsp.hub.app.support.PopulationStub;
import vn.lgsp.hub.app.ws.citizens.CitizenIdentityPortType;
import vn.lgsp.hub.app.ws.citizens.CitizenIdentitySoapService;
import vn.lgsp.hub.app.ws.citizens.DifferenceKind;
import vn.lgsp.hub.app.ws.citizens.HubFault;
import vn.lgsp.hub.app.ws.citizens.HubFaultDetail;
import vn.lgsp.hub.app.ws.citizens.IdentityRequest;
import vn.lgsp.hub.app.ws.citizens.LookupResult;
import vn.lgsp.hub.app.ws.citizens.Purpose;
import vn.lgsp.hub.app.ws.citizens.VerifyResult;
import vn.lgsp.hub.audit.ExchangeRecord;
import vn.lgsp.hub.audit.ExchangeState;
import vn.lgsp.hub.connector.population.PopulationCircuitBreakers;

/**
 * Flow 3's SOAP face end to end: {@code /ws/citizens} called through a CXF client generated from the hub's own WSDL
 * (the same {@code wsdl/citizens.wsdl} the endpoint publishes), with the API key in the {@code X-API-Key} HTTP
 * header; the population database is the WireMock stub. Every fault must carry the code REST would answer with.
 */
@ExtendWith(OutputCaptureExtension.class)
class CitizenSoapIT extends HubIntegrationTest {

    private static final String ID = PopulationStub.ID;
    private static final String NAME = "Nguyễn Văn An";
    private static final String PATH = "/ws/citizens";
    private static boolean warm;

    @Autowired
    private PopulationCircuitBreakers breakers;

    private String dossier;

    @BeforeEach
    void freshUpstream() throws HubFault {
        if (!warm) {
            // the first calls through fresh CXF clients load much; keep that out of the connector's time limits
            POPULATION.answer("XacThuc", PopulationStub.verified());
            POPULATION.answer("TraCuu", PopulationStub.lookedUp());
            citizens(HubClient.DEMO_KEY).verify(request(ID, NAME, "1995-03-07", newDossier()));
            citizens(HubClient.DEMO_KEY).lookup(request(ID, null, null, newDossier()));
            warm = true;
        }
        POPULATION.reset();
        breakers.verify().reset();
        breakers.lookup().reset();
        dossier = newDossier();
    }

    @AfterEach
    void noPersonalDataInTheLog(CapturedOutput output) {
        assertThat(output.getAll()).doesNotContain(ID, NAME, "Nguyen Van An", "038065000111", "Lê Thị Cúc",
                "173456789", Normalizer.normalize(NAME, Normalizer.Form.NFD));
    }

    /** A port of the generated client, pointed at this hub, sending {@code apiKey} (none when null). */
    private CitizenIdentityPortType citizens(String apiKey) {
        CitizenIdentityPortType port = new CitizenIdentitySoapService().getCitizenIdentityPort();
        ((BindingProvider) port).getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY,
                "http://127.0.0.1:" + this.port + PATH);
        if (apiKey != null) {
            Client client = ClientProxy.getClient(port);
            client.getRequestContext().put(Message.PROTOCOL_HEADERS, Map.of("X-API-Key", List.of(apiKey)));
        }
        return port;
    }

    private static String newDossier() {
        return String.format("000.00.14.H56-261121-%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    private static IdentityRequest request(String id, String name, String birthDate, String dossierCode) {
        IdentityRequest r = new IdentityRequest();
        r.setPersonalId(id);
        r.setFullName(name);
        r.setBirthDate(birthDate);
        Purpose purpose = new Purpose();
        purpose.setProcedureCode("1.004616");
        purpose.setDossierCode(dossierCode);
        r.setPurpose(purpose);
        r.setOfficerId("canbo01");
        return r;
    }

    private IdentityRequest request(String name, String birthDate) {
        return request(ID, name, birthDate, dossier);
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

    private ExchangeRecord exchange(String exchangeId) {
        return exchangeLog.find(exchangeId).orElseThrow();
    }

    @Test
    void matchingDetailsMatch() throws HubFault {
        POPULATION.answer("XacThuc", PopulationStub.verified());

        VerifyResult r = citizens(HubClient.DEMO_KEY).verify(request(NAME, "1995-03-07"));

        assertThat(r.isMatch()).isTrue();
        assertThat(r.isFound()).isTrue();
        assertThat(r.getDifference()).isEmpty();
        // the purpose and the officer travel to the database, as over REST
        assertThat(POPULATION.requests()).singleElement().satisfies(q -> assertThat(q.getBodyAsString())
                .contains(">1.004616</", ">canbo01</", ">" + ID + "</", ">19950307</"));
        // the same exchange-log record as REST, with the authenticated caller as client
        ExchangeRecord x = exchange(r.getExchangeId());
        assertThat(x.flow()).isEqualTo(CitizenIdentityService.FLOW);
        assertThat(x.operation()).isEqualTo("VERIFY");
        assertThat(x.clientId()).isEqualTo("demo");
        assertThat(x.subjectMasked()).isEqualTo("038*****3456");
        assertThat(x.officerId()).isEqualTo("canbo01");
        assertThat(x.purpose()).isEqualTo("1.004616/" + dossier);
        assertThat(x.state()).isEqualTo(ExchangeState.DELIVERED);
    }

    @Test
    void differingDetailsAreReported() throws HubFault {
        POPULATION.answer("XacThuc", PopulationStub.verified());

        VerifyResult r = citizens(HubClient.DEMO_KEY).verify(request("Nguyen Van An", "1995-03-12"));

        assertThat(r.isMatch()).isFalse();
        assertThat(r.isFound()).isTrue();
        assertThat(r.getDifference()).extracting(d -> d.getField() + ":" + d.getKind())
                .containsExactly("fullName:" + DifferenceKind.DIACRITICS_ONLY, "birthDate:" + DifferenceKind.DIFFERENT);
        assertThat(exchange(r.getExchangeId()).state()).isEqualTo(ExchangeState.DELIVERED);
    }

    @Test
    void aVerifierWithoutTheLookupRightMayVerifyButNotLookUp() throws HubFault {
        POPULATION.answer("XacThuc", PopulationStub.verified());
        POPULATION.answer("TraCuu", PopulationStub.lookedUp());
        CitizenIdentityPortType verifier = citizens("verifier-key");

        HubFaultDetail denied = fault(() -> verifier.lookup(request(null, null)));

        assertThat(denied.getCode()).isEqualTo("auth.forbidden");
        assertThat(denied.getViolation()).isEmpty();
        assertThat(POPULATION.requests()).isEmpty();

        VerifyResult verified = verifier.verify(request(NAME, "1995-03-07"));
        assertThat(verified.isMatch()).isTrue();
        assertThat(exchange(verified.getExchangeId()).clientId()).isEqualTo("verifier");
        // a client with neither right may call neither operation
        assertThat(fault(() -> citizens("reader-key").verify(request(NAME, "1995-03-07"))).getCode())
                .isEqualTo("auth.forbidden");
        assertThat(POPULATION.requests()).hasSize(1);
    }

    @Test
    void lookupReturnsTheRecord() throws HubFault {
        POPULATION.answer("TraCuu", PopulationStub.lookedUp());

        LookupResult r = citizens(HubClient.DEMO_KEY).lookup(request(null, null));

        assertThat(r.getPersonalId()).isEqualTo(ID);
        assertThat(r.getFamilyName()).isEqualTo("Nguyễn");
        assertThat(r.getGivenName()).isEqualTo("An");
        assertThat(r.getBirthDate()).isEqualTo("1995-03-07");
        assertThat(r.getPermanentResidence().getDetail()).isEqualTo("Số 12 phố Lê Lợi");
        ExchangeRecord x = exchange(r.getExchangeId());
        assertThat(x.operation()).isEqualTo("LOOKUP");
        assertThat(x.clientId()).isEqualTo("demo");
        assertThat(x.purpose()).isEqualTo("1.004616/" + dossier);
    }

    @Test
    void lookupOfAnUnknownCitizenIsNotFound() {
        POPULATION.answer("TraCuu", PopulationStub.nobody());

        HubFaultDetail f = fault(() -> citizens(HubClient.DEMO_KEY).lookup(request(null, null)));

        assertThat(f.getCode()).isEqualTo("citizen.not_found");
    }

    @Test
    void aMalformedPersonalIdIsRefusedBeforeTheDatabase() {
        POPULATION.answer("XacThuc", PopulationStub.verified());
        POPULATION.answer("TraCuu", PopulationStub.lookedUp());

        HubFaultDetail verify = fault(() -> citizens(HubClient.DEMO_KEY)
                .verify(request("03809512345", NAME, "1995-03-07", dossier)));
        HubFaultDetail lookup = fault(() -> citizens(HubClient.DEMO_KEY)
                .lookup(request("03809512345x", null, null, dossier)));

        for (HubFaultDetail f : List.of(verify, lookup)) {
            assertThat(f.getCode()).isEqualTo("personal_id.invalid");
            assertThat(f.getViolation()).singleElement().satisfies(v -> {
                assertThat(v.getField()).isEqualTo("personalId");
                assertThat(v.getCode()).isEqualTo("personal_id.invalid");
                assertThat(v.getMessage()).doesNotContain("03809512345");
            });
            assertThat(f.getMessage()).doesNotContain("03809512345");
        }
        assertThat(POPULATION.requests()).isEmpty();
    }

    @Test
    void aCallWithoutPurposeOrOfficerIsRefusedWithEveryViolation() {
        POPULATION.answer("XacThuc", PopulationStub.verified());
        IdentityRequest noPurpose = request(NAME, "1995-03-07");
        noPurpose.setPurpose(null);
        noPurpose.setOfficerId(null);

        HubFaultDetail f = fault(() -> citizens(HubClient.DEMO_KEY).verify(noPurpose));

        assertThat(f.getCode()).isEqualTo("request.missing_field");
        assertThat(f.getViolation()).extracting(v -> v.getField() + ":" + v.getCode())
                .containsExactly("purpose:request.missing_field", "officerId:request.missing_field");
        IdentityRequest blankDossier = request(NAME, "1995-03-07");
        blankDossier.getPurpose().setDossierCode(" ");
        assertThat(fault(() -> citizens(HubClient.DEMO_KEY).lookup(blankDossier)).getViolation())
                .extracting(v -> v.getField()).containsExactly("purpose.dossierCode");
        assertThat(POPULATION.requests()).isEmpty();
    }

    @Test
    void aBirthDateThatIsNotADateIsAnInvalidField() {
        HubFaultDetail f = fault(() -> citizens(HubClient.DEMO_KEY).verify(request(NAME, "1995-02-30")));

        assertThat(f.getCode()).isEqualTo("request.invalid_field");
        assertThat(f.getViolation()).extracting(v -> v.getField()).containsExactly("birthDate");
        assertThat(POPULATION.requests()).isEmpty();
    }

    @Test
    void anUpstreamOutageIsUnavailable() {
        POPULATION.failWith(503);

        HubFaultDetail f = fault(() -> citizens(HubClient.DEMO_KEY).verify(request(NAME, "1995-03-07")));

        assertThat(f.getCode()).isEqualTo("population.unavailable");
        assertThat(f.getMessage()).doesNotContain("Exception", ID);
        assertThat(POPULATION.requests()).hasSize(1);
    }

    @Test
    void theWsdlIsServedWithTheKeyAndNamesTheOperations() {
        HubClient.Reply wsdl = hub.get(PATH + "?wsdl", HubClient.DEMO_KEY);

        assertThat(wsdl.status()).isEqualTo(200);
        assertThat(wsdl.contentType()).contains("xml");
        assertThat(wsdl.body()).contains("urn:lgsp-hub:citizens:v1", "name=\"verify\"", "name=\"lookup\"",
                "name=\"hubFault\"", "name=\"HubFault\"", "http://127.0.0.1:" + port + PATH);
        // no key, no WSDL, as everywhere else
        assertThat(hub.get(PATH + "?wsdl", null).status()).isEqualTo(401);
    }

    @Test
    void aCallWithoutAKeyIsUnauthenticated() {
        HubClient.Reply r = hub.post(PATH, null, "text/xml; charset=UTF-8", envelope("<c:verify/>"));

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.code()).isEqualTo("auth.unauthenticated");
        // the generated client sees the HTTP 401 as such
        assertThat(catchThrowableOfType(WebServiceException.class,
                () -> citizens(null).verify(request(NAME, "1995-03-07")))).hasStackTraceContaining("401");
        // a wrong key likewise
        assertThat(hub.post(PATH, "wrong-key", "text/xml; charset=UTF-8", envelope("<c:verify/>")).status())
                .isEqualTo(401);
        assertThat(POPULATION.requests()).isEmpty();
    }

    @Test
    void anUnreadableRequestIsAFaultWithoutAStackTrace() {
        for (String body : new String[] {
                "this is not XML at all <<<",
                "<not-an-envelope/>",
                envelope("<c:explode><c:personalId>" + ID + "</c:personalId></c:explode>"),
                envelope("<c:verify><c:unexpected>" + ID + "</c:unexpected></c:verify>"),
                envelope("<c:verify><c:personalId>" + ID + "</c:personalId>"),
        }) {
            HubClient.Reply r = hub.post(PATH, HubClient.DEMO_KEY, "text/xml; charset=UTF-8", body);

            assertThat(r.status()).as(body).isEqualTo(500);
            assertThat(r.body()).as(body)
                    .contains("Fault>", "<faultcode>", ":Client</faultcode>", "hubFault",
                            "<code>request.malformed_xml</code>")
                    .doesNotContain("stackTrace", "at vn.", "at org.", "Exception", "Caused by", ID);
        }
        assertThat(POPULATION.requests()).isEmpty();
    }

    @Test
    void aFaultFromTheFlowIsASoapFaultOfTheRightSide() {
        POPULATION.failWith(503);

        HubClient.Reply refused = hub.post(PATH, HubClient.DEMO_KEY, "text/xml; charset=UTF-8",
                envelope("<c:verify><c:personalId>123</c:personalId></c:verify>"));
        HubClient.Reply unavailable = hub.post(PATH, HubClient.DEMO_KEY, "text/xml; charset=UTF-8", envelope("""
                <c:verify><c:personalId>%s</c:personalId><c:fullName>%s</c:fullName><c:birthDate>1995-03-07</c:birthDate>
                <c:purpose><c:procedureCode>1.004616</c:procedureCode><c:dossierCode>%s</c:dossierCode></c:purpose>
                <c:officerId>canbo01</c:officerId></c:verify>""".formatted(ID, NAME, dossier)));

        assertThat(refused.body()).contains(":Client</faultcode>", "<code>personal_id.invalid</code>",
                "<field>personalId</field>", "<field>purpose</field>").doesNotContain("stackTrace", "at vn.");
        assertThat(unavailable.body()).contains(":Server</faultcode>", "<code>population.unavailable</code>")
                .doesNotContain("stackTrace", "at vn.", "Exception", ID, NAME);
        assertThat(unavailable.contentType()).startsWith("text/xml");
    }

    private static String envelope(String body) {
        return """
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"
                                  xmlns:c="urn:lgsp-hub:citizens:v1">
                  <soapenv:Body>%s</soapenv:Body>
                </soapenv:Envelope>""".formatted(body);
    }
}
