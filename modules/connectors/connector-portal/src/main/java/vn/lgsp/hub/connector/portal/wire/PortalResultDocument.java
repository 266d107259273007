package vn.lgsp.hub.connector.portal.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A result document, item of {@code DanhSachGiayToKetQua}.
 *
 * @param name          TenGiayTo
 * @param componentCode MaThanhPhanHoSo
 * @param id            GiayToId
 * @param url           DuongDanTepTinKetQua
 */
public record PortalResultDocument(
        @JsonProperty("TenGiayTo") String name,
        @JsonProperty("MaThanhPhanHoSo") String componentCode,
        @JsonProperty("GiayToId") String id,
        @JsonProperty("DuongDanTepTinKetQua") String url) {
}
