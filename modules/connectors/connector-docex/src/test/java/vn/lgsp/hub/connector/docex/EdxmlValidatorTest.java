package vn.lgsp.hub.connector.docex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static vn.lgsp.hub.connector.docex.EdxmlFixtures.reader;
import static vn.lgsp.hub.connector.docex.EdxmlFixtures.resource;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lgsp.hub.connector.docex.model.DocumentCode;
import vn.lgsp.hub.connector.docex.model.EdxmlMessage;
import vn.lgsp.hub.connector.docex.model.EdxmlPackage;
import vn.lgsp.hub.connector.docex.model.MessageHeader;
import vn.lgsp.hub.connector.docex.model.Organization;
import vn.lgsp.hub.connector.docex.model.PromulgationInfo;
import vn.lgsp.hub.connector.docex.model.StatusPackage;
import vn.lgsp.hub.connector.docex.validation.EdxmlValidator;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.ValidationException;
import vn.lgsp.hub.core.error.Violation;

class EdxmlValidatorTest {

    @TempDir
    Path dir;

    private final EdxmlValidator lenient = new EdxmlValidator(false);

    private EdxmlMessage read(String resource) {
        return reader(dir).read(new ByteArrayInputStream(resource(resource)));
    }

    private static List<Violation> violations(EdxmlValidator validator, EdxmlMessage message) {
        return catchThrowableOfType(() -> validator.validate(message), ValidationException.class).violations();
    }

    @Test
    void theSamplesAreValid() {
        for (String sample : List.of("qcvn102-cong-van.xml", "edoc-schema-revoke.xml", "soap-prefix-replace.xml",
                "no-namespace-update.xml", "status-bkav.xml")) {
            assertThatCode(() -> lenient.validate(read(sample))).as(sample).doesNotThrowAnyException();
        }
    }

    @Test
    void reportsEveryMissingHeaderFieldAtOnceWithItsPath() {
        MessageHeader empty = new MessageHeader(Organization.of(null, "Sở Xây dựng"),
                List.of(Organization.of("000.00.00.H56", null), Organization.of("", "Bộ Xây dựng")),
                new DocumentCode(null, "SXD-VP"), new PromulgationInfo("Thanh Hóa", null), null, " ", null, null, null,
                null, null, null, null, null);

        List<Violation> v = violations(lenient, new EdxmlPackage(empty, null, null, null, null));

        assertThat(v).extracting(Violation::field).containsExactly("MessageHeader.From.OrganId",
                "MessageHeader.To[1].OrganId", "MessageHeader.Code.CodeNumber",
                "MessageHeader.PromulgationInfo.PromulgationDate", "MessageHeader.DocumentType.Type",
                "MessageHeader.Subject", "MessageHeader.DocumentId");
        assertThat(v).extracting(Violation::code).containsOnly(ErrorCode.DOCUMENT_INVALID);
    }

    @Test
    void atLeastOneRecipient() {
        EdxmlPackage p = (EdxmlPackage) read("no-namespace-update.xml");
        EdxmlPackage noRecipient = with(p, p.header().from(), List.of(), p.header().documentId());

        assertThat(violations(lenient, noRecipient))
                .extracting(Violation::field).containsExactly("MessageHeader.To");
    }

    @Test
    void agencyCodesAreLenientUnlessStrictIsAsked() {
        EdxmlPackage p = (EdxmlPackage) read("no-namespace-update.xml");
        EdxmlPackage ministry = withDocumentId(withFrom(p, "G09.20"), "G09.20,2025,130/BTC-VP");

        assertThatCode(() -> lenient.validate(ministry)).doesNotThrowAnyException();
        assertThat(violations(new EdxmlValidator(true), ministry)).extracting(Violation::field)
                .containsExactly("MessageHeader.From.OrganId", "MessageHeader.DocumentId[OrganId]");
        assertThat(violations(lenient, withFrom(p, "sở xây dựng"))).extracting(Violation::field)
                .containsExactly("MessageHeader.From.OrganId");
    }

    @Test
    void documentIdIsTheCommaSeparatedTriple() {
        EdxmlPackage p = (EdxmlPackage) read("no-namespace-update.xml");

        for (String ok : List.of("000.00.01.H08,2018,10", "000.00.14.H56,2025/06/01,130/SXD-VP",
                "000.00.14.H56, 01/06/2025 , 130/SXD-VP")) {
            assertThatCode(() -> lenient.validate(withDocumentId(p, ok))).as(ok).doesNotThrowAnyException();
        }
        for (String bad : List.of("130/SXD-VP", "000.00.14.H56,2025", "000.00.14.H56,hôm nay,130/SXD-VP",
                "000.00.14.H56,2025,")) {
            assertThat(violations(lenient, withDocumentId(p, bad))).as(bad).extracting(Violation::field)
                    .containsExactly("MessageHeader.DocumentId");
        }
    }

    @Test
    void aManifestNamingAMissingAttachmentIsRefused() {
        ValidationException ex = catchThrowableOfType(() -> lenient.validate(read("missing-attachment.xml")),
                ValidationException.class);

        assertThat(ex.errorCode()).isEqualTo(ErrorCode.DOCUMENT_MISSING_ATTACHMENT);
        assertThat(ex.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("edXMLManifest.Reference[0]");
            assertThat(v.message()).contains("cid:to-trinh.pdf");
        });
    }

    @Test
    void anAttachmentNoReferenceNamesIsRefused() {
        EdxmlPackage p = (EdxmlPackage) read("qcvn102-cong-van.xml");
        EdxmlPackage oneReference = new EdxmlPackage(p.header(), p.traceHeaderList(), p.manifest().subList(0, 1),
                p.attachments(), null);

        assertThat(violations(lenient, oneReference)).extracting(Violation::field, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AttachmentEncoded.Attachment[1].ContentId",
                        ErrorCode.DOCUMENT_MISSING_ATTACHMENT));
    }

    @Test
    void statusPackagesNeedSenderCodeAndDocument() {
        StatusPackage empty = new StatusPackage(null, null, null, null, null, null, null, null);

        assertThat(violations(lenient, empty)).extracting(Violation::field).containsExactly("Status.From.OrganId",
                "Status.StatusCode", "Status.ResponseFor.DocumentId");
    }

    private static EdxmlPackage withFrom(EdxmlPackage p, String organId) {
        return with(p, Organization.of(organId, null), p.header().to(), p.header().documentId());
    }

    private static EdxmlPackage withDocumentId(EdxmlPackage p, String documentId) {
        return with(p, p.header().from(), p.header().to(), documentId);
    }

    private static EdxmlPackage with(EdxmlPackage p, Organization from, List<Organization> to, String documentId) {
        MessageHeader h = p.header();
        return new EdxmlPackage(new MessageHeader(from, to, h.code(), h.promulgationInfo(), h.documentType(),
                h.subject(), h.content(), h.signerInfo(), h.dueDate(), h.toPlaces(), h.otherInfo(), h.responseFor(),
                h.steeringType(), documentId), p.traceHeaderList(), p.manifest(), p.attachments(), p.signature());
    }
}
