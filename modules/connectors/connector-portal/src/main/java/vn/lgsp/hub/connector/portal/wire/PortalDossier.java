package vn.lgsp.hub.connector.portal.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One dossier item of {@code DongBoHoSoMC}. Field order follows DOMAIN.md §2.2.
 *
 * @param dossierCode      MaHoSo
 * @param procedureCode    MaTTHC
 * @param procedureName    TenTTHC
 * @param fieldCode        MaLinhVuc (area of the procedure)
 * @param fieldName        TenLinhVuc
 * @param receiptNumber    SoBienNhan
 * @param applicantName    ChuHoSo (personal data)
 * @param applicantType    LoaiDoiTuong
 * @param applicantId      MaDoiTuong: the personal ID for citizens (personal data)
 * @param otherInfo        ThongTinKhac
 * @param email            Email (personal data)
 * @param fax              Fax
 * @param phone            SoDienThoai (personal data)
 * @param summary          TrichYeuHoSo
 * @param receivedAt       NgayTiepNhan
 * @param dueAt            NgayHenTra
 * @param status           TrangThaiHoSo
 * @param deliveredAt      NgayTra
 * @param deliveryInfo     ThongTinTra
 * @param channel          HinhThuc
 * @param processingEndAt  NgayKetThucXuLy
 * @param agencyName       DonViXuLy
 * @param note             GhiChu
 * @param documents        TaiLieuNop
 * @param fees             DanhSachLePhi
 * @param otherAttachments DanhSachTepDinhKemKhac
 * @param supplements      DanhSachHoSoBoSung
 * @param results          DanhSachGiayToKetQua
 */
public record PortalDossier(
        @JsonProperty("MaHoSo") String dossierCode,
        @JsonProperty("MaTTHC") String procedureCode,
        @JsonProperty("TenTTHC") String procedureName,
        @JsonProperty("MaLinhVuc") String fieldCode,
        @JsonProperty("TenLinhVuc") String fieldName,
        @JsonProperty("SoBienNhan") String receiptNumber,
        @JsonProperty("ChuHoSo") String applicantName,
        @JsonProperty("LoaiDoiTuong") String applicantType,
        @JsonProperty("MaDoiTuong") String applicantId,
        @JsonProperty("ThongTinKhac") String otherInfo,
        @JsonProperty("Email") String email,
        @JsonProperty("Fax") String fax,
        @JsonProperty("SoDienThoai") String phone,
        @JsonProperty("TrichYeuHoSo") String summary,
        @JsonProperty("NgayTiepNhan") String receivedAt,
        @JsonProperty("NgayHenTra") String dueAt,
        @JsonProperty("TrangThaiHoSo") String status,
        @JsonProperty("NgayTra") String deliveredAt,
        @JsonProperty("ThongTinTra") String deliveryInfo,
        @JsonProperty("HinhThuc") String channel,
        @JsonProperty("NgayKetThucXuLy") String processingEndAt,
        @JsonProperty("DonViXuLy") String agencyName,
        @JsonProperty("GhiChu") String note,
        @JsonProperty("TaiLieuNop") List<PortalFile> documents,
        @JsonProperty("DanhSachLePhi") List<PortalFee> fees,
        @JsonProperty("DanhSachTepDinhKemKhac") List<PortalOtherAttachment> otherAttachments,
        @JsonProperty("DanhSachHoSoBoSung") List<PortalSupplement> supplements,
        @JsonProperty("DanhSachGiayToKetQua") List<PortalResultDocument> results) {

    public PortalDossier {
        documents = documents == null ? List.of() : List.copyOf(documents);
        fees = fees == null ? List.of() : List.copyOf(fees);
        otherAttachments = otherAttachments == null ? List.of() : List.copyOf(otherAttachments);
        supplements = supplements == null ? List.of() : List.copyOf(supplements);
        results = results == null ? List.of() : List.copyOf(results);
    }

    @Override
    public String toString() {
        return "PortalDossier[MaHoSo=" + dossierCode + ", TrangThaiHoSo=" + status + "]";
    }
}
