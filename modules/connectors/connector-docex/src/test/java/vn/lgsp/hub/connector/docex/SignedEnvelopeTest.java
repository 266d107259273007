package vn.lgsp.hub.connector.docex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.lgsp.hub.connector.docex.EdxmlFixtures.reader;
import static vn.lgsp.hub.connector.docex.EdxmlFixtures.resource;
import static vn.lgsp.hub.connector.docex.EdxmlFixtures.writer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.lgsp.hub.connector.docex.model.EdxmlMessage;
import vn.lgsp.hub.connector.docex.model.EdxmlPackage;
import vn.lgsp.hub.connector.docex.model.SignatureStatus;
import vn.lgsp.hub.connector.docex.model.SignatureVerification;
import vn.lgsp.hub.connector.docex.model.StatusPackage;
import vn.lgsp.hub.connector.docex.xml.EdxmlNames;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;

/**
 * A package that comes signed is forwarded with its envelope as it came, so that its recipient can check the
 * sender's signature: read, written, read again, the signature still verifies, whatever form the sender wrote it in,
 * and the attachments (outside the envelope, re-encoded from the store) are the same bytes.
 */
class SignedEnvelopeTest {

    private static final String SAMPLE = text("qcvn102-cong-van.xml");
    private static KeyPair keys;

    @TempDir
    Path dir;

    @BeforeAll
    static void senderKeys() throws Exception {
        keys = SignatureVerifierTest.newKeys();
    }

    static Stream<Arguments> signedForms() {
        return Stream.of(
                Arguments.of("indented QCVN 102", SAMPLE),
                Arguments.of("compact QCVN 102", SAMPLE.replaceAll(">\\s+<", "><")),
                Arguments.of("e-doc.vn namespace, unprefixed, CDATA", text("edoc-schema-revoke.xml")),
                Arguments.of("edXML: bound to the SOAP namespace", text("soap-prefix-replace.xml")),
                Arguments.of("no namespace", text("no-namespace-update.xml")),
                Arguments.of("comments, a processing instruction, a carriage return and a tab",
                        SAMPLE.replace("<edXML:edXMLHeader>", "<edXML:edXMLHeader><!-- ghi chú --><?hub x=\"1\"?>")
                                .replace("quý I năm 2025</edXML:Subject>", "quý I&#13;&#9;năm 2025</edXML:Subject>")
                                .replace("version=\"1.0\">", "version=\"1.0\" note=\"a&#9;b&#10;c &amp; &lt;d&gt;\">")),
                Arguments.of("status package, envelope as root", text("status-bkav.xml")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signedForms")
    void aSignedPackageIsWrittenWithItsEnvelopeAsItCameAndStillVerifies(String form, String xml) throws Exception {
        EdxmlMessage first = read(sign(xml));
        assertThat(first.signature()).isEqualTo(SignatureVerification.valid("KeyValue"));
        assertThat(first.signedEnvelope()).isNotNull();

        byte[] written = write(first);
        EdxmlMessage second = read(written);

        assertThat(second.signature()).isEqualTo(SignatureVerification.valid("KeyValue"));
        assertThat(new String(written, StandardCharsets.UTF_8)).contains(first.signedEnvelope().xml());
        assertThat(second.signedEnvelope()).isEqualTo(first.signedEnvelope());
        assertThat(second).usingRecursiveComparison().ignoringFields("attachments.content.location")
                .isEqualTo(first);
        assertThat(sha256s(second)).isEqualTo(sha256s(first));
        // and once more: what the recipient forwards is still the sender's envelope
        assertThat(read(write(second)).signature().status()).isEqualTo(SignatureStatus.VALID);
    }

    @Test
    void theSendersWhitespaceAndNamespaceTravelWithTheEnvelope() throws Exception {
        String edoc = new String(write(read(sign(text("edoc-schema-revoke.xml")))), StandardCharsets.UTF_8);
        String indented = new String(write(read(sign(SAMPLE))), StandardCharsets.UTF_8);

        assertThat(edoc).startsWith("<?xml").contains("<edXML xmlns=\"" + EdxmlNames.E_DOC + "\">")
                .contains("\n    <edXMLHeader>", "<ds:SignatureValue>", "<AttachmentEncoded>")
                .doesNotContain(EdxmlNames.QCVN_102_2016);
        assertThat(indented).contains("\n    <edXML:edXMLHeader>", "<edXML:AttachmentEncoded>");
    }

    @Test
    void aPackageChangedAfterSigningIsStillWrittenAsItCame() throws Exception {
        String tampered = sign(SAMPLE).replace("<edXML:PageAmount>3<", "<edXML:PageAmount>30<");
        EdxmlPackage first = (EdxmlPackage) read(tampered);
        assertThat(first.signature().status()).isEqualTo(SignatureStatus.INVALID);
        assertThat(first.signedEnvelope()).isNotNull();

        byte[] written = write(first);
        EdxmlPackage second = (EdxmlPackage) read(written);

        assertThat(new String(written, StandardCharsets.UTF_8)).contains(first.signedEnvelope().xml())
                .contains("<edXML:PageAmount>30<");
        assertThat(second.signature()).isEqualTo(first.signature());
        assertThat(sha256s(second)).isEqualTo(sha256s(first));
    }

    @Test
    void anUnsignedPackageIsRebuiltInTheStandardNamespaceAsBefore() {
        for (String sample : new String[] {"qcvn102-cong-van.xml", "edoc-schema-revoke.xml", "status-bkav.xml"}) {
            EdxmlMessage unsigned = read(text(sample));
            assertThat(unsigned.signature().present()).isFalse();
            assertThat(unsigned.signedEnvelope()).as(sample).isNull();

            String written = new String(write(unsigned), StandardCharsets.UTF_8);

            assertThat(written).as(sample).contains("<edXML:edXML xmlns:edXML=\"" + EdxmlNames.QCVN_102_2016
                    + "\" xmlns:xlink=\"" + EdxmlNames.XLINK + "\"><edXML:edXMLEnvelope><edXML:edXMLHeader>")
                    .doesNotContain(EdxmlNames.E_DOC, "\n");
            assertThat(read(written).signedEnvelope()).isNull();
        }
    }

    @Test
    void theEnvelopeKeptIsBoundedByTheEnvelopeSize() throws Exception {
        String signed = sign(SAMPLE);
        int kept = read(signed).signedEnvelope().xml().length();

        assertThat(reader(dir, Map.of("max-envelope-size", String.valueOf(kept))).read(EdxmlFixtures.stream(signed))
                .signature().status()).isEqualTo(SignatureStatus.VALID);
        assertThatThrownBy(() -> reader(dir, Map.of("max-envelope-size", String.valueOf(kept - 1)))
                .read(EdxmlFixtures.stream(signed))).isInstanceOfSatisfying(HubException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.DOCUMENT_TOO_LARGE));
        assertThat(read(signed).signedEnvelope().toString()).doesNotContain("edXMLHeader");
    }

    private static String sign(String xml) throws Exception {
        return SignatureVerifierTest.sign(xml, keys.getPrivate(), keys.getPublic(), null);
    }

    private EdxmlMessage read(String xml) {
        return read(xml.getBytes(StandardCharsets.UTF_8));
    }

    private EdxmlMessage read(byte[] xml) {
        return reader(dir).read(new ByteArrayInputStream(xml));
    }

    private byte[] write(EdxmlMessage message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer(dir).write(message, out);
        return out.toByteArray();
    }

    private static List<String> sha256s(EdxmlMessage message) {
        return message instanceof StatusPackage ? List.of()
                : ((EdxmlPackage) message).attachments().stream().map(a -> a.content().sha256()).toList();
    }

    private static String text(String resource) {
        return new String(resource(resource), StandardCharsets.UTF_8);
    }
}
