package vn.lgsp.hub.connector.business.wire;

/**
 * The database's error reply: {@code maLoi} a code ({@code KHONG_TIM_THAY}, {@code MA_KHONG_HOP_LE},
 * {@code KHONG_XAC_THUC}), {@code thongBao} a message in Vietnamese, which the hub does not pass on.
 */
public record DkdnError(String maLoi, String thongBao) {
}
