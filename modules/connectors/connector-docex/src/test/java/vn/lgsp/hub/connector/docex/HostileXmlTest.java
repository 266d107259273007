package vn.lgsp.hub.connector.docex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static vn.lgsp.hub.connector.docex.EdxmlFixtures.reader;
import static vn.lgsp.hub.connector.docex.EdxmlFixtures.resource;
import static vn.lgsp.hub.connector.docex.EdxmlFixtures.stream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lgsp.hub.connector.docex.EdxmlFixtures.CountingStream;
import vn.lgsp.hub.connector.docex.model.Attachment;
import vn.lgsp.hub.connector.docex.model.EdxmlPackage;
import vn.lgsp.hub.connector.docex.xml.EdxmlNames;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;
import vn.lgsp.hub.core.error.ValidationException;

/** Every refusal has its code, happens before anything is expanded or read whole, and leaves no stored attachment. */
class HostileXmlTest {

    private static final String SAMPLE = new String(resource("qcvn102-cong-van.xml"), StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @AfterEach
    void noAttachmentIsLeftBehind() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    private ErrorCode refusal(InputStream in, Map<String, String> settings) {
        return catchThrowableOfType(() -> reader(dir, settings).read(in), HubException.class).errorCode();
    }

    private ErrorCode refusal(String xml) {
        return refusal(stream(xml), Map.of());
    }

    @Test
    void malformedXml() {
        assertThat(refusal("<edXML><edXMLEnvelope></edXML>")).isEqualTo(ErrorCode.DOCUMENT_MALFORMED_XML);
        assertThat(refusal("not xml at all")).isEqualTo(ErrorCode.DOCUMENT_MALFORMED_XML);
        assertThat(refusal("")).isEqualTo(ErrorCode.DOCUMENT_MALFORMED_XML);
    }

    @Test
    void aPackageInAnUnknownNamespaceIsInvalid() {
        assertThat(refusal(SAMPLE.replace(EdxmlNames.QCVN_102_2016, "urn:evil")))
                .isEqualTo(ErrorCode.DOCUMENT_INVALID);
        // a known root does not vouch for an envelope or attachment in a foreign namespace
        assertThat(refusal(SAMPLE.replace("<edXML:edXMLEnvelope>", "<e:edXMLEnvelope xmlns:e=\"urn:evil\">")
                .replace("</edXML:edXMLEnvelope>", "</e:edXMLEnvelope>"))).isEqualTo(ErrorCode.DOCUMENT_INVALID);
        assertThat(refusal(SAMPLE.replaceFirst("<edXML:Attachment>", "<e:Attachment xmlns:e=\"urn:evil\">")
                .replaceFirst("</edXML:Attachment>", "</e:Attachment>"))).isEqualTo(ErrorCode.DOCUMENT_INVALID);
    }

    @Test
    void truncatedXmlInsideAnAttachment() {
        String truncated = SAMPLE.substring(0, SAMPLE.indexOf("</edXML:ContentTransferEncoded>") - 40);
        assertThat(refusal(truncated)).isEqualTo(ErrorCode.DOCUMENT_MALFORMED_XML);
    }

    @Test
    void doctypeWithAnExternalEntity() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE edXML [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<edXML><edXMLEnvelope><edXMLHeader><MessageHeader><Subject>&xxe;</Subject></MessageHeader>"
                + "</edXMLHeader></edXMLEnvelope></edXML>";
        assertThat(refusal(xxe)).isEqualTo(ErrorCode.DOCUMENT_FORBIDDEN_XML);
    }

    @Test
    void externalDtd() {
        String external = "<?xml version=\"1.0\"?><!DOCTYPE edXML SYSTEM \"http://attacker.invalid/edxml.dtd\">"
                + SAMPLE.substring(SAMPLE.indexOf("<edXML:edXML"));
        assertThat(refusal(external)).isEqualTo(ErrorCode.DOCUMENT_FORBIDDEN_XML);
    }

    @Test
    void billionLaughs() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i < 10; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        dtd.append("]><edXML>&lol9;</edXML>");
        assertThat(refusal(dtd.toString())).isEqualTo(ErrorCode.DOCUMENT_FORBIDDEN_XML);
    }

    @Test
    void anEntityReferenceWithoutDoctypeIsForbidden() {
        assertThat(refusal("<edXML><Subject>&xxe;</Subject></edXML>")).isEqualTo(ErrorCode.DOCUMENT_FORBIDDEN_XML);
    }

    @Test
    void overDeepNesting() {
        String deep = "<edXML>" + "<a>".repeat(64) + "</a>".repeat(64) + "</edXML>";
        assertThat(refusal(deep)).isEqualTo(ErrorCode.DOCUMENT_TOO_COMPLEX);
    }

    @Test
    void nestingJustWithinTheDepthLimitIsNotRefusedForItsDepth() {
        String deep = "<edXML>" + "<a>".repeat(63) + "</a>".repeat(63) + "</edXML>";
        // 64 levels pass the depth check; the package is then refused for having no envelope
        assertThat(refusal(deep)).isEqualTo(ErrorCode.DOCUMENT_INVALID);
    }

    @Test
    void tooManyElements() {
        String many = "<edXML>" + "<x/>".repeat(100_000) + "</edXML>";
        assertThat(refusal(many)).isEqualTo(ErrorCode.DOCUMENT_TOO_COMPLEX);
    }

    @Test
    void elementLimitIsConfigurable() {
        assertThat(refusal(stream(SAMPLE), Map.of("max-elements", "20"))).isEqualTo(ErrorCode.DOCUMENT_TOO_COMPLEX);
    }

    @Test
    void tooManyAttributes() {
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i < 65; i++) {
            attributes.append(" a").append(i).append("=\"x\"");
        }
        assertThat(refusal("<edXML" + attributes + "/>")).isEqualTo(ErrorCode.DOCUMENT_TOO_COMPLEX);
    }

    @Test
    void overlongAttribute() {
        assertThat(refusal("<edXML version=\"" + "1".repeat(8193) + "\"/>")).isEqualTo(ErrorCode.DOCUMENT_TOO_COMPLEX);
    }

    @Test
    void oversizedTextInTheHeader() {
        String big = SAMPLE.replace("<edXML:Content>", "<edXML:Content>" + "Nội dung rất dài. ".repeat(60_000));
        assertThat(refusal(big)).isEqualTo(ErrorCode.DOCUMENT_TOO_COMPLEX);
    }

    @Test
    void oversizedTextOutsideTheEnvelope() {
        String big = SAMPLE.replace("<edXML:AttachmentEncoded>", "<edXML:Note>" + "x".repeat(1024 * 1024 + 1)
                + "</edXML:Note><edXML:AttachmentEncoded>");
        assertThat(refusal(big)).isEqualTo(ErrorCode.DOCUMENT_TOO_COMPLEX);
    }

    @Test
    void attachmentTextIsNotBoundByTheTextLimit() throws IOException {
        // the sample's PDF has over 2000 base64 characters; only the package size bounds attachment content
        EdxmlPackage p = (EdxmlPackage) reader(dir, Map.of("max-text-length", "1000")).read(stream(SAMPLE));

        assertThat(p.attachments().get(0).content().size()).isEqualTo(1571);
        for (Attachment a : p.attachments()) {
            Files.delete(Path.of(a.content().location()));
        }
    }

    @Test
    void envelopeLargerThanItsBound() {
        assertThat(refusal(stream(SAMPLE), Map.of("max-envelope-size", "2000")))
                .isEqualTo(ErrorCode.DOCUMENT_TOO_LARGE);
    }

    @Test
    void packageLargerThanTheConfiguredSize() {
        assertThat(refusal(stream(SAMPLE), Map.of("max-package-size", "4KB"))).isEqualTo(ErrorCode.DOCUMENT_TOO_LARGE);
    }

    @Test
    void aBodyOf200MegabytesIsRefusedWhileStreamingWithoutReadingItAll() {
        CountingStream body = EdxmlFixtures.largePackage(150L * 1024 * 1024, null); // ≈ 200 MB of base64

        assertThat(refusal(body, Map.of())).isEqualTo(ErrorCode.DOCUMENT_TOO_LARGE);
        // refused at the 100 MiB default, give or take the parser's read-ahead buffer
        assertThat(body.count()).isBetween(100L * 1024 * 1024, 100L * 1024 * 1024 + 64 * 1024);
    }

    @Test
    void attachmentThatIsNotBase64() {
        String bad = SAMPLE.replaceFirst("<edXML:ContentTransferEncoded>",
                "<edXML:ContentTransferEncoded>this is not base64!");
        ValidationException ex = catchThrowableOfType(() -> reader(dir).read(stream(bad)), ValidationException.class);

        assertThat(ex.errorCode()).isEqualTo(ErrorCode.DOCUMENT_MISSING_ATTACHMENT);
        assertThat(ex.violations().get(0).field())
                .isEqualTo("AttachmentEncoded.Attachment[0].ContentTransferEncoded");
    }

    @Test
    void attachmentWithDataAfterThePadding() {
        String bad = SAMPLE.replaceFirst("<edXML:ContentTransferEncoded>[^<]*<",
                "<edXML:ContentTransferEncoded>QQ==QUJD<");
        assertThat(refusal(bad)).isEqualTo(ErrorCode.DOCUMENT_MISSING_ATTACHMENT);
    }

    @Test
    void attachmentCutShortOfAWholeQuantum() {
        String bad = SAMPLE.replaceFirst("<edXML:ContentTransferEncoded>[^<]*<", "<edXML:ContentTransferEncoded>QUJ<");
        assertThat(refusal(bad)).isEqualTo(ErrorCode.DOCUMENT_MISSING_ATTACHMENT);
    }

    @Test
    void aFailureAfterAnAttachmentWasStoredRemovesIt() {
        // the first attachment is stored, then the second one is refused: the @AfterEach check sees no file
        String bad = SAMPLE.replace("<edXML:ContentTransferEncoded>" + lastContent(), "<edXML:ContentTransferEncoded>%%");
        assertThat(refusal(bad)).isEqualTo(ErrorCode.DOCUMENT_MISSING_ATTACHMENT);
    }

    @Test
    void notAnEdxmlPackage() {
        assertThat(refusal("<html><body/></html>")).isEqualTo(ErrorCode.DOCUMENT_INVALID);
        assertThat(refusal("<edXMLEnvelope><edXMLHeader/></edXMLEnvelope>")).isEqualTo(ErrorCode.DOCUMENT_INVALID);
    }

    @Test
    void unreadableDatesAndCodesAreReportedTogether() {
        String bad = SAMPLE.replace("2025/03/24", "24 tháng 3").replace("<edXML:Priority>1", "<edXML:Priority>cao")
                .replace("<edXML:BussinessDocType>0", "<edXML:BussinessDocType>9");
        ValidationException ex = catchThrowableOfType(() -> reader(dir).read(stream(bad)), ValidationException.class);

        assertThat(ex.violations()).extracting(v -> v.field()).containsExactlyInAnyOrder("MessageHeader.DueDate",
                "MessageHeader.OtherInfo.Priority", "TraceHeaderList.Bussiness.BussinessDocType");
        assertThat(ex.violations()).allSatisfy(v -> assertThat(v.code()).isEqualTo(ErrorCode.DOCUMENT_INVALID));
    }

    private static String lastContent() {
        int start = SAMPLE.lastIndexOf("<edXML:ContentTransferEncoded>") + "<edXML:ContentTransferEncoded>".length();
        return SAMPLE.substring(start, start + 8);
    }

    @Test
    void bytesNotInTheDeclaredEncodingAreMalformed() {
        byte[] latin = "<edXML>\u00ff\u00fe</edXML>".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(refusal(new ByteArrayInputStream(latin), Map.of())).isEqualTo(ErrorCode.DOCUMENT_MALFORMED_XML);
    }
}
