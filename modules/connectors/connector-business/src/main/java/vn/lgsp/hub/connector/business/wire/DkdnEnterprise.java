package vn.lgsp.hub.connector.business.wire;

import java.math.BigDecimal;
import java.time.LocalDate;
import vn.lgsp.hub.core.ids.Masking;

/**
 * An enterprise as the national business registration database (đăng ký doanh nghiệp, DKDN) answers it, field for
 * field. Any field may be absent. {@link #toString()} masks the legal representative, a person.
 *
 * @param loaiHinh  the legal form, e.g. {@code CONG_TY_CO_PHAN}
 * @param tinhTrang the legal status, e.g. {@code DANG_HOAT_DONG}
 * @param vonDieuLe the charter capital in đồng; absent for a branch, which has none of its own
 */
public record DkdnEnterprise(
        String maSoDoanhNghiep,
        String tenDoanhNghiep,
        String tenVietTat,
        String loaiHinh,
        String tinhTrang,
        LocalDate ngayCapLanDau,
        String diaChiTruSo,
        String nguoiDaiDienTheoPhapLuat,
        BigDecimal vonDieuLe) {

    @Override
    public String toString() {
        return "DkdnEnterprise[maSoDoanhNghiep=" + maSoDoanhNghiep + ", nguoiDaiDienTheoPhapLuat="
                + Masking.maskName(nguoiDaiDienTheoPhapLuat) + ", ...]";
    }
}
