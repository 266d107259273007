package vn.lgsp.hub.connector.portal.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The intake listing call: the dossiers whose ({@code NgayCapNhat}, {@code MaHoSo}) comes strictly after
 * ({@code tuThoiDiem}, {@code sauMaHoSo}), oldest first, at most {@code soLuong}. Empty strings list from the start.
 *
 * @param service     the listing service's name
 * @param unitCode    madonvi
 * @param afterTime   tuThoiDiem, {@code yyyyMMddHHmmss} local to Vietnam, or empty
 * @param afterCode   sauMaHoSo, or empty
 * @param pageSize    soLuong
 */
public record PortalIntakeQuery(
        @JsonProperty("service") String service,
        @JsonProperty("madonvi") String unitCode,
        @JsonProperty("tuThoiDiem") String afterTime,
        @JsonProperty("sauMaHoSo") String afterCode,
        @JsonProperty("soLuong") int pageSize) {
}
