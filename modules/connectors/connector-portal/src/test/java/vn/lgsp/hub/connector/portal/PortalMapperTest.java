package vn.lgsp.hub.connector.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.connector.portal.wire.PortalDossier;
import vn.lgsp.hub.connector.portal.wire.PortalRequest;
import vn.lgsp.hub.core.model.DossierEvent;
import vn.lgsp.hub.core.model.DossierEvent.ApplicantType;
import vn.lgsp.hub.core.model.DossierEvent.Channel;
import vn.lgsp.hub.core.model.DossierEvent.Document;

class PortalMapperTest {

    private final PortalMapper mapper = new PortalMapper(new PortalProperties());
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void formatsDatesInVietnamLocalTime() {
        assertThat(PortalMapper.formatDate(OffsetDateTime.parse("2026-11-22T02:15:00+00:00")))
                .isEqualTo("20261122091500");
        assertThat(PortalMapper.formatDate(OffsetDateTime.parse("2026-11-22T20:30:05Z")))
                .as("crosses midnight").isEqualTo("20261123033005");
        assertThat(PortalMapper.formatDate(null)).isEmpty();
    }

    @Test
    void firstSyncPutsVietnameseNamesOnTheWire() {
        JsonNode body = json.valueToTree(PortalRequest.syncDossier(mapper.toDossier(SampleEvents.accepted(), false),
                false));

        assertThat(body.get("service").asText()).isEqualTo("DongBoHoSoMC");
        assertThat(body.get("isUpdating").asText()).isEqualTo("False");
        JsonNode item = body.get("data").get(0);
        assertThat(item.get("MaHoSo").asText()).isEqualTo(SampleEvents.DOSSIER_CODE);
        assertThat(item.get("MaTTHC").asText()).isEqualTo("1.004616");
        assertThat(item.get("TenTTHC").asText()).isEqualTo("Cấp giấy phép xây dựng");
        assertThat(item.get("MaLinhVuc").asText()).isEmpty();
        assertThat(item.get("TenLinhVuc").asText()).isEmpty();
        assertThat(item.get("ChuHoSo").asText()).isEqualTo(SampleEvents.FULL_NAME);
        assertThat(item.get("LoaiDoiTuong").asText()).isEqualTo("1");
        assertThat(item.get("MaDoiTuong").asText()).isEqualTo(SampleEvents.PERSONAL_ID);
        assertThat(item.get("Email").asText()).isEqualTo("an@example.vn");
        assertThat(item.get("SoDienThoai").asText()).isEqualTo("0912345678");
        assertThat(item.get("TrichYeuHoSo").asText()).isEqualTo("Xin cấp phép xây nhà ở riêng lẻ");
        assertThat(item.get("NgayTiepNhan").asText()).isEqualTo("20261122091500");
        assertThat(item.get("NgayHenTra").asText()).isEqualTo("20261206170000");
        assertThat(item.get("TrangThaiHoSo").isTextual()).isTrue();
        assertThat(item.get("TrangThaiHoSo").asText()).isEqualTo("2");
        assertThat(item.get("NgayTra").asText()).isEmpty();
        assertThat(item.get("HinhThuc").asText()).isEqualTo("2");
        assertThat(item.get("NgayKetThucXuLy").asText()).isEmpty();
        assertThat(item.get("DonViXuLy").asText()).isEqualTo("Sở Xây dựng");
        assertThat(item.get("GhiChu").asText()).isEqualTo("Tiếp nhận hồ sơ");

        JsonNode document = item.get("TaiLieuNop").get(0);
        assertThat(document.get("TepDinhKemId").asText()).isEqualTo("doc-1");
        assertThat(document.get("TenTepDinhKem").asText()).isEqualTo("Đơn đề nghị");
        assertThat(document.get("IsDeleted").asText()).isEqualTo("False");
        assertThat(document.get("MaThanhPhanHoSo").asText()).isEqualTo("TP01");
        assertThat(document.get("DuongDanTaiTepTin").asText()).isEqualTo("https://onestop.example/files/doc-1");

        JsonNode fee = item.get("DanhSachLePhi").get(0);
        assertThat(fee.get("TenPhiLePhi").asText()).isEqualTo("Lệ phí cấp phép");
        assertThat(fee.get("MaPhiLePhi").asText()).isEqualTo("LP01");
        assertThat(fee.get("HinhThucThu").asText()).isEqualTo("Trực tuyến");
        assertThat(fee.get("Gia").asText()).isEqualTo("75000");
        assertThat(fee.get("LoaiPhiLePhi").asText()).isEqualTo("1");

        assertThat(item.get("DanhSachTepDinhKemKhac").isArray()).isTrue();
        assertThat(item.get("DanhSachHoSoBoSung").isArray()).isTrue();
        assertThat(item.get("DanhSachGiayToKetQua").isArray()).isTrue();
        assertThat(item.fieldNames()).toIterable().hasSize(28).doesNotContain("dossierCode", "status");
    }

    @Test
    void updateLeavesTheIntakeDateAlone() {
        JsonNode body = json.valueToTree(PortalRequest.syncDossier(mapper.toDossier(SampleEvents.accepted(), true),
                true));

        assertThat(body.get("isUpdating").asText()).isEqualTo("True");
        assertThat(body.get("data").get(0).get("NgayTiepNhan").asText()).isEmpty();
    }

    @Test
    void deliveredDossierCarriesResultsAndDeliveryDate() {
        DossierEvent delivered = SampleEvents.withStatus(10);
        DossierEvent withResult = new DossierEvent(delivered.dossierCode(), delivered.procedureCode(),
                delivered.procedureName(), delivered.agencyCode(), delivered.agencyName(), 10,
                delivered.occurredAt(), delivered.dueAt(), Channel.POSTAL, null, delivered.applicant(), null,
                List.of(), List.of(), List.of(new Document("kq-1", "Giấy phép", "KQ01", "https://x/kq-1", false)));

        PortalDossier item = mapper.toDossier(withResult, true);

        assertThat(item.status()).isEqualTo("10");
        assertThat(item.deliveredAt()).isEqualTo("20261122091500");
        assertThat(item.processingEndAt()).isEmpty();
        assertThat(item.channel()).isEqualTo("3");
        JsonNode result = json.valueToTree(item).get("DanhSachGiayToKetQua").get(0);
        assertThat(result.get("TenGiayTo").asText()).isEqualTo("Giấy phép");
        assertThat(result.get("MaThanhPhanHoSo").asText()).isEqualTo("KQ01");
        assertThat(result.get("GiayToId").asText()).isEqualTo("kq-1");
        assertThat(result.get("DuongDanTepTinKetQua").asText()).isEqualTo("https://x/kq-1");
    }

    @Test
    void resultReadyEndsProcessing() {
        PortalDossier item = mapper.toDossier(SampleEvents.withStatus(9), true);

        assertThat(item.processingEndAt()).isEqualTo("20261122091500");
        assertThat(item.deliveredAt()).isEmpty();
    }

    @Test
    void enumerationCodesComeFromConfiguration() {
        PortalProperties properties = new PortalProperties();
        properties.getApplicantTypeCodes().put(ApplicantType.CITIZEN, "0");
        properties.getChannelCodes().put(Channel.ONLINE, "TT");
        PortalMapper configured = new PortalMapper(properties);

        PortalDossier item = configured.toDossier(SampleEvents.accepted(), false);

        assertThat(item.applicantType()).isEqualTo("0");
        assertThat(item.channel()).isEqualTo("TT");
    }

    @Test
    void defaultEnumerationCodes() {
        PortalMapper byDefault = new PortalMapper(new PortalProperties());
        DossierEvent e = SampleEvents.accepted();
        Map<ApplicantType, String> expected = Map.of(ApplicantType.CITIZEN, "1", ApplicantType.BUSINESS, "2",
                ApplicantType.HOUSEHOLD_BUSINESS, "3");
        expected.forEach((type, code) -> {
            DossierEvent event = new DossierEvent(e.dossierCode(), e.procedureCode(), e.procedureName(),
                    e.agencyCode(), e.agencyName(), e.status(), e.occurredAt(), e.dueAt(), Channel.IN_PERSON,
                    e.summary(), new DossierEvent.Applicant(type, "Công ty TNHH A", null, null, null), null,
                    null, null, null);
            PortalDossier item = byDefault.toDossier(event, false);
            assertThat(item.applicantType()).as(type.name()).isEqualTo(code);
            assertThat(item.channel()).isEqualTo("1");
            assertThat(item.applicantId()).isEmpty();
        });
    }

    @Test
    void progressItemDescribesTheOfficersStep() {
        JsonNode body = json.valueToTree(PortalRequest.updateProgress(mapper.toProgress(SampleEvents.withStatus(4))));

        assertThat(body.get("service").asText()).isEqualTo("CapNhatTienDoHoSoMC");
        assertThat(body.has("isUpdating")).isFalse();
        JsonNode item = body.get("data").get(0);
        assertThat(item.get("MaHoSo").asText()).isEqualTo(SampleEvents.DOSSIER_CODE);
        assertThat(item.get("NguoiXuLy").asText()).isEqualTo("canbo01");
        assertThat(item.get("ChucDanh").asText()).isEqualTo("Chuyên viên");
        assertThat(item.get("ThoiDiemXuLy").asText()).isEqualTo("20261122091500");
        assertThat(item.get("PhongBanXuLy").asText()).isEqualTo("Bộ phận một cửa");
        assertThat(item.get("NoiDungXuLy").asText()).isEqualTo("Tiếp nhận hồ sơ");
        assertThat(item.get("TrangThai").asText()).isEqualTo("4");
        assertThat(item.get("NgayBatDau").asText()).isEqualTo("20261122091500");
        assertThat(item.get("NgayKetThucTheoQuyDinh").asText()).isEqualTo("20261206170000");
    }

    @Test
    void wireObjectsDoNotPrintPersonalData() {
        PortalDossier item = mapper.toDossier(SampleEvents.accepted(), false);
        String printed = PortalRequest.syncDossier(item, false).toString();

        assertThat(printed).contains(SampleEvents.DOSSIER_CODE)
                .doesNotContain(SampleEvents.PERSONAL_ID, SampleEvents.FULL_NAME, "an@example.vn", "0912345678");
    }
}
