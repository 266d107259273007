package vn.lgsp.hub.connector.portal.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One progress item of {@code CapNhatTienDoHoSoMC}: a processing step by an officer.
 *
 * @param dossierCode MaHoSo
 * @param officer     NguoiXuLy
 * @param position    ChucDanh
 * @param handledAt   ThoiDiemXuLy
 * @param department  PhongBanXuLy
 * @param content     NoiDungXuLy
 * @param status      TrangThai
 * @param startedAt   NgayBatDau
 * @param dueAt       NgayKetThucTheoQuyDinh
 */
public record PortalProgress(
        @JsonProperty("MaHoSo") String dossierCode,
        @JsonProperty("NguoiXuLy") String officer,
        @JsonProperty("ChucDanh") String position,
        @JsonProperty("ThoiDiemXuLy") String handledAt,
        @JsonProperty("PhongBanXuLy") String department,
        @JsonProperty("NoiDungXuLy") String content,
        @JsonProperty("TrangThai") String status,
        @JsonProperty("NgayBatDau") String startedAt,
        @JsonProperty("NgayKetThucTheoQuyDinh") String dueAt) {

    @Override
    public String toString() {
        // NoiDungXuLy is free text an officer typed; it may name the applicant
        return "PortalProgress[MaHoSo=" + dossierCode + ", TrangThai=" + status + "]";
    }
}
