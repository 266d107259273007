package vn.lgsp.hub.connector.business;

import java.util.Map;
import vn.lgsp.hub.connector.business.wire.DkdnEnterprise;

/**
 * From the database's words to the hub's: field names in English, the legal form and status as English codes. A code
 * not in the tables is passed on unchanged rather than refused: the database may add one, and the rest of the record
 * is still worth having.
 */
public final class EnterpriseMapper {

    /** Loại hình doanh nghiệp (Luật Doanh nghiệp 2020) and dependent units. */
    static final Map<String, String> TYPES = Map.of(
            "CONG_TY_CO_PHAN", "JOINT_STOCK_COMPANY",
            "CONG_TY_TNHH_MOT_THANH_VIEN", "SINGLE_MEMBER_LLC",
            "CONG_TY_TNHH_HAI_THANH_VIEN_TRO_LEN", "MULTI_MEMBER_LLC",
            "DOANH_NGHIEP_TU_NHAN", "PRIVATE_ENTERPRISE",
            "CONG_TY_HOP_DANH", "PARTNERSHIP",
            "CHI_NHANH", "BRANCH",
            "VAN_PHONG_DAI_DIEN", "REPRESENTATIVE_OFFICE",
            "DIA_DIEM_KINH_DOANH", "BUSINESS_LOCATION");

    /** Tình trạng pháp lý. */
    static final Map<String, String> STATUSES = Map.of(
            "DANG_HOAT_DONG", "ACTIVE",
            "TAM_NGUNG_KINH_DOANH", "SUSPENDED",
            "DANG_LAM_THU_TUC_GIAI_THE", "AWAITING_DISSOLUTION",
            "DA_GIAI_THE", "DISSOLVED",
            "DA_CHAM_DUT_HOAT_DONG", "CLOSED",
            "BI_THU_HOI_GCN", "REVOKED",
            "DA_PHA_SAN", "BANKRUPT");

    private EnterpriseMapper() {
    }

    public static Enterprise toEnterprise(DkdnEnterprise wire) {
        return new Enterprise(wire.maSoDoanhNghiep(), wire.tenDoanhNghiep(), blankToNull(wire.tenVietTat()),
                translate(TYPES, wire.loaiHinh()), translate(STATUSES, wire.tinhTrang()), wire.ngayCapLanDau(),
                blankToNull(wire.diaChiTruSo()), blankToNull(wire.nguoiDaiDienTheoPhapLuat()), wire.vonDieuLe());
    }

    private static String translate(Map<String, String> table, String code) {
        return code == null || code.isBlank() ? null : table.getOrDefault(code.trim(), code.trim());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
