package vn.lgsp.hub.connector.docex;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lgsp.hub.connector.docex.EdxmlFixtures.reader;
import static vn.lgsp.hub.connector.docex.EdxmlFixtures.resource;
import static vn.lgsp.hub.connector.docex.EdxmlFixtures.writer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.lgsp.hub.connector.docex.model.Attachment;
import vn.lgsp.hub.connector.docex.model.BussinessDocType;
import vn.lgsp.hub.connector.docex.model.EdxmlMessage;
import vn.lgsp.hub.connector.docex.model.EdxmlPackage;
import vn.lgsp.hub.connector.docex.model.MessageHeader;
import vn.lgsp.hub.connector.docex.model.Organization;
import vn.lgsp.hub.connector.docex.model.ResponseFor;
import vn.lgsp.hub.connector.docex.model.SignatureStatus;
import vn.lgsp.hub.connector.docex.model.StaffInfo;
import vn.lgsp.hub.connector.docex.model.StatusCode;
import vn.lgsp.hub.connector.docex.model.StatusPackage;
import vn.lgsp.hub.connector.docex.xml.EdxmlNames;

class EdxmlReaderTest {

    @TempDir
    Path dir;

    private EdxmlMessage read(byte[] xml) {
        return reader(dir).read(new ByteArrayInputStream(xml));
    }

    private EdxmlPackage readPackage(String resource) {
        return (EdxmlPackage) read(resource(resource));
    }

    @Test
    void readsAFullQcvn102PackageWithSeveralRecipientsAndAttachments() throws IOException {
        EdxmlPackage p = readPackage("qcvn102-cong-van.xml");
        MessageHeader h = p.header();

        assertThat(h.from().organId()).isEqualTo("000.00.14.H56");
        assertThat(h.from().organAdd()).isEqualTo("36 Đại lộ Lê Lợi, phường Điện Biên, thành phố Thanh Hóa");
        assertThat(h.from().website()).isEqualTo("https://soxaydung.thanhhoa.gov.vn");
        assertThat(h.to()).extracting(Organization::organId)
                .containsExactly("000.00.00.H56", "000.00.13.H56", "000.00.04.G18");
        assertThat(h.code().codeNumber()).isEqualTo("125");
        assertThat(h.code().codeNotation()).isEqualTo("SXD-QLXD");
        assertThat(h.promulgationInfo().promulgationDate()).isEqualTo(LocalDate.of(2025, 3, 10));
        assertThat(h.documentType().typeName()).isEqualTo("Công văn");
        assertThat(h.subject()).startsWith("V/v báo cáo tình hình cấp giấy phép xây dựng");
        assertThat(h.signerInfo().fullName()).isEqualTo("Lê Thị Hồng Nhung");
        assertThat(h.dueDate()).isEqualTo(LocalDate.of(2025, 3, 24));
        assertThat(h.toPlaces()).containsExactly("Như trên", "Lưu: VT, QLXD");
        assertThat(h.otherInfo().priority()).isEqualTo(1);
        assertThat(h.otherInfo().pageAmount()).isEqualTo(3);
        assertThat(h.otherInfo().appendixes()).containsExactly("Biểu tổng hợp giấy phép xây dựng quý I");
        assertThat(h.responseFor()).containsExactly(new ResponseFor("000.00.00.H56", "45/UBND-CN",
                LocalDate.of(2025, 2, 20), "000.00.00.H56,2025/02/20,45/UBND-CN"));
        assertThat(h.steeringType()).isZero();
        assertThat(h.documentId()).isEqualTo("000.00.14.H56,2025/03/10,125/SXD-QLXD");

        assertThat(p.traceHeaderList().traceHeaders()).hasSize(2);
        assertThat(p.traceHeaderList().traceHeaders().get(1).timestamp())
                .isEqualTo(LocalDateTime.of(2025, 3, 10, 9, 15, 7));
        assertThat(p.traceHeaderList().bussiness().bussinessDocType()).isEqualTo(BussinessDocType.NEW);
        assertThat(p.traceHeaderList().bussiness().staffInfo())
                .isEqualTo(new StaffInfo("Văn phòng Sở", "Nguyễn Văn An", "0912345678", "vanthu.sxd@thanhhoa.gov.vn"));
        assertThat(p.traceHeaderList().bussiness().paper()).isZero();

        assertThat(p.manifest()).hasSize(2);
        assertThat(p.manifest().get(0).href()).isEqualTo("cid:bao-cao-quy-1.pdf");
        assertThat(p.manifest().get(1).attachmentName()).isEqualTo("Biểu tổng hợp GPXD quý I.doc");

        assertThat(p.attachments()).extracting(Attachment::contentId)
                .containsExactly("bao-cao-quy-1.pdf", "bieu-tong-hop.doc");
        Attachment pdf = p.attachments().get(0);
        assertThat(pdf.content().size()).isEqualTo(1571);
        assertThat(pdf.content().sha256()).isEqualTo("a4e0ddc06c689c711feeab480d271fcd7c3f1ef6221dc34bc17a130164f05408");
        assertThat(Files.readAllBytes(Path.of(pdf.content().location()))).startsWith("%PDF-1.4".getBytes());
        assertThat(p.attachments().get(1).content().sha256())
                .isEqualTo("93e6e8b6b3f5a2e1aea225779f8a75f1b852cc05c777620fc82d8851fb279de6");
        assertThat(p.signature().status()).isEqualTo(SignatureStatus.ABSENT);
    }

    @Test
    void readsTheEDocNamespaceWithDayFirstTimestampsCdataAndAngleBracketContentIds() {
        EdxmlPackage p = readPackage("edoc-schema-revoke.xml");

        assertThat(p.header().from().organName()).isEqualTo("UBND huyện Quảng Xương");
        assertThat(p.traceHeaderList().traceHeaders().get(0).timestamp())
                .isEqualTo(LocalDateTime.of(2025, 4, 2, 14, 30));
        assertThat(p.traceHeaderList().bussiness().bussinessDocType()).isEqualTo(BussinessDocType.REVOKE);
        assertThat(p.traceHeaderList().bussiness().paper()).isEqualTo(1);
        assertThat(p.attachments()).singleElement().satisfies(a -> {
            assertThat(a.cid()).isEqualTo("thu-hoi.pdf");
            assertThat(a.content().size()).isEqualTo(57);
        });
        assertThat(p.manifest().get(0).cid()).isEqualTo("thu-hoi.pdf");
    }

    @Test
    void readsTheEdxmlPrefixBoundToTheSoapEnvelopeNamespaceWithIsoDates() {
        EdxmlPackage p = readPackage("soap-prefix-replace.xml");

        assertThat(p.header().to()).hasSize(2);
        assertThat(p.header().promulgationInfo().promulgationDate()).isEqualTo(LocalDate.of(2025, 5, 5));
        assertThat(p.header().dueDate()).isEqualTo(LocalDate.of(2025, 5, 30));
        // an ISO time with an offset is taken to Vietnam local time
        assertThat(p.traceHeaderList().traceHeaders()).extracting(t -> t.timestamp())
                .containsExactly(LocalDateTime.of(2025, 5, 5, 8, 0), LocalDateTime.of(2025, 5, 5, 8, 0, 5));
        assertThat(p.traceHeaderList().bussiness().bussinessDocType()).isEqualTo(BussinessDocType.REPLACE);
        assertThat(p.traceHeaderList().bussiness().replacementInfoList()).singleElement().satisfies(r -> {
            assertThat(r.documentId()).isEqualTo("000.00.00.G09,2025/04/28,3980/VPCP-KSTT");
            assertThat(r.organIds()).containsExactly("000.00.00.H56", "000.00.00.H30");
        });
        assertThat(p.attachments()).isEmpty();
    }

    @Test
    void readsAPackageWithoutAnyNamespace() {
        EdxmlPackage p = readPackage("no-namespace-update.xml");

        assertThat(p.header().documentType().type()).isEqualTo("18");
        assertThat(p.traceHeaderList().bussiness().bussinessDocType()).isEqualTo(BussinessDocType.UPDATE);
        assertThat(p.traceHeaderList().traceHeaders().get(0).timestamp())
                .isEqualTo(LocalDateTime.of(2025, 6, 1, 10, 0));
    }

    @Test
    void readsABkavStatusPackageWithAnIntegerCode() {
        EdxmlMessage m = read(resource("status-bkav.xml"));

        assertThat(m).isInstanceOfSatisfying(StatusPackage.class, s -> {
            assertThat(s.statusCode()).isEqualTo(StatusCode.ARRIVED);
            assertThat(s.from().organId()).isEqualTo("000.00.13.H56");
            assertThat(s.responseFor().documentId()).isEqualTo("000.00.14.H56,2025/03/10,125/SXD-QLXD");
            assertThat(s.timestamp()).isEqualTo(LocalDateTime.of(2025, 3, 10, 9, 20, 31));
            assertThat(s.description()).isEqualTo("Văn bản đã đến");
        });
    }

    @ParameterizedTest
    @EnumSource(StatusCode.class)
    void writesAndReadsAStatusPackageForEveryCode(StatusCode code) {
        StatusPackage status = new StatusPackage(
                new ResponseFor("000.00.14.H56", "125/SXD-QLXD", LocalDate.of(2025, 3, 10),
                        "000.00.14.H56,2025/03/10,125/SXD-QLXD"),
                Organization.of("000.00.13.H56", "Sở Tài nguyên và Môi trường tỉnh Thanh Hóa"), code,
                "Trạng thái " + code.wire(), LocalDateTime.of(2025, 3, 11, 8, 0, 0),
                new StaffInfo("Văn phòng", "Trần Thị Bình", null, null), null, null);

        byte[] xml = write(status);

        assertThat(new String(xml)).contains("<edXML:StatusCode>" + code.wire() + "</edXML:StatusCode>");
        assertThat(read(xml)).isEqualTo(status);
    }

    @ParameterizedTest
    @EnumSource(StatusCode.class)
    void acceptsStatusCodesWrittenAsIntegers(StatusCode code) {
        String integer = String.valueOf(Integer.parseInt(code.wire()));
        assertThat(StatusCode.fromWire(integer)).contains(code);
        assertThat(StatusCode.fromWire(code.wire())).contains(code);
    }

    @Test
    void writerEmitsTheStandardNamespaceAndRoundTripsEverySample() {
        for (String sample : new String[] {"qcvn102-cong-van.xml", "edoc-schema-revoke.xml",
                "soap-prefix-replace.xml", "no-namespace-update.xml"}) {
            EdxmlPackage first = readPackage(sample);
            byte[] written = write(first);
            EdxmlPackage second = (EdxmlPackage) read(written);

            assertThat(new String(written)).contains("xmlns:edXML=\"" + EdxmlNames.QCVN_102_2016 + "\"");
            assertThat(second).as(sample).usingRecursiveComparison()
                    .ignoringFields("attachments.content.location").isEqualTo(first);
            List<String> firstLocations = first.attachments().stream().map(a -> a.content().location()).toList();
            assertThat(second.attachments()).allSatisfy(a -> assertThat(firstLocations)
                    .doesNotContain(a.content().location()));
        }
    }

    private byte[] write(EdxmlMessage message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer(dir).write(message, out);
        return out.toByteArray();
    }
}
