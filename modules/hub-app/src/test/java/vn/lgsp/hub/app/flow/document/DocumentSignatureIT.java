package vn.lgsp.hub.app.flow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.lgsp.hub.app.support.EdxmlPackages;
import vn.lgsp.hub.app.support.EdxmlSignatures;
import vn.lgsp.hub.app.support.HubClient;
import vn.lgsp.hub.app.support.HubIntegrationTest;
import vn.lgsp.hub.connector.docex.model.SignatureStatus;
import vn.lgsp.hub.connector.docex.model.SignatureVerification;
import vn.lgsp.hub.simulators.agency.PushedDocument;

/**
 * A signed package through the hub. The tests' configuration requires a valid signature from Sở Y tế
 * ({@code 000.00.21.H56}: {@code hub.flow.document.signature.senders.000.00.21.H56=REQUIRE_VALID}); packages are
 * signed here, at test time, with the JDK's XML-DSig API ({@link EdxmlSignatures}).
 *
 * <p>What the recipient gets carries the sender's signature: a package that came signed is forwarded with its
 * envelope as the sender wrote it ({@code EdxmlWriter} writes the signed envelope unchanged, only the attachments are
 * re-encoded), so the recipient can check the signature itself, whether the sender wrote the package compactly, as
 * {@link EdxmlPackages} writes them, or indented (whitespace the signature covers, which a copy rebuilt in the
 * standard form would lose).
 */
class DocumentSignatureIT extends HubIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String XML = "application/xml";
    private static KeyPair keys;

    @Autowired
    private JdbcTemplate jdbc;

    @BeforeAll
    static void senderKeys() {
        keys = EdxmlSignatures.newKeys();
    }

    @BeforeEach
    void freshUpstreams() {
        AGENCIES.reset();
    }

    @Test
    void aSignedPackageFromASenderThatMustSignIsDeliveredWithASignatureTheRecipientCanCheck() {
        String doc = EdxmlPackages.newDocumentId(SIGNING_AGENCY);
        String signed = EdxmlSignatures.sign(EdxmlPackages.letter(doc, SIGNING_AGENCY, PUSH_AGENCY), keys);
        assertThat(EdxmlSignatures.verify(bytes(signed))).isEqualTo(SignatureVerification.valid("KeyValue"));

        PushedDocument got = delivered(doc, signed);

        assertThat(got.xml()).contains(doc, "cong-van.pdf", EdxmlSignatures.DSIG, "SignatureValue");
        assertThat(EdxmlSignatures.verify(got.body())).isEqualTo(SignatureVerification.valid("KeyValue"));
    }

    @Test
    void aSignedPackageIndentedByItsSenderKeepsWhatItsSignatureCoversInTheHubsCopy() {
        String doc = EdxmlPackages.newDocumentId(SIGNING_AGENCY);
        String indented = EdxmlPackages.letter(doc, SIGNING_AGENCY, PUSH_AGENCY).replace("><edXML:", ">\n  <edXML:");
        String signed = EdxmlSignatures.sign(indented, keys);
        assertThat(EdxmlSignatures.verify(bytes(signed)).status()).isEqualTo(SignatureStatus.VALID);

        PushedDocument got = delivered(doc, signed);

        // the sender's whitespace travels with the envelope, and the signature over it still holds
        assertThat(got.xml()).contains(">\n  <edXML:edXMLHeader>", "cong-van.pdf");
        assertThat(EdxmlSignatures.verify(got.body())).isEqualTo(SignatureVerification.valid("KeyValue"));
    }

    @Test
    void aSignedPackageChangedAfterSigningIsRefusedWithNothingQueued() {
        String doc = EdxmlPackages.newDocumentId(SIGNING_AGENCY);
        String signed = EdxmlSignatures.sign(EdxmlPackages.letter(doc, SIGNING_AGENCY, PUSH_AGENCY), keys);
        String tampered = signed.replace("quý IV năm 2026", "quý III năm 2026");
        assertThat(tampered).isNotEqualTo(signed);

        HubClient.Reply r = hub.post("/api/v1/documents", HubClient.DEMO_KEY, XML, tampered);

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("document.signature_invalid");
        assertThat(r.body()).contains("INVALID").doesNotContain("Exception", "at vn.");
        assertThat(queued(doc)).isZero();
    }

    @Test
    void anUnsignedPackageFromASenderThatMustSignIsRefused() {
        String doc = EdxmlPackages.newDocumentId(SIGNING_AGENCY);

        HubClient.Reply r = hub.post("/api/v1/documents", HubClient.DEMO_KEY, XML,
                EdxmlPackages.letter(doc, SIGNING_AGENCY, PUSH_AGENCY));

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("document.signature_invalid");
        assertThat(r.body()).contains("ABSENT");
        assertThat(queued(doc)).isZero();
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    /** Posts {@code xml}, expects 202, and returns what the push agency got once delivered. */
    private PushedDocument delivered(String doc, String xml) {
        HubClient.Reply r = hub.post("/api/v1/documents", HubClient.DEMO_KEY, XML, xml);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        String id = r.json().path("deliveries").get(0).path("exchangeId").asText();
        await().atMost(WAIT).untilAsserted(() -> assertThat(hub.state(id)).isEqualTo("DELIVERED"));
        return AGENCIES.received(PUSH_AGENCY).stream().filter(p -> doc.equals(p.documentId())).findFirst()
                .orElseThrow();
    }

    private Integer queued(String doc) {
        return jdbc.queryForObject("SELECT count(*) FROM exchange WHERE flow = ? AND subject_key LIKE ?",
                Integer.class, DocumentAcceptService.FLOW, "%|" + doc);
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
