package vn.lgsp.hub.connector.portal.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A fee or charge, item of {@code DanhSachLePhi}.
 *
 * @param name   TenPhiLePhi
 * @param code   MaPhiLePhi
 * @param method HinhThucThu
 * @param amount Gia, in VND
 * @param type   LoaiPhiLePhi
 */
public record PortalFee(
        @JsonProperty("TenPhiLePhi") String name,
        @JsonProperty("MaPhiLePhi") String code,
        @JsonProperty("HinhThucThu") String method,
        @JsonProperty("Gia") String amount,
        @JsonProperty("LoaiPhiLePhi") String type) {
}
