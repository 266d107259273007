package vn.lgsp.hub.connector.portal.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A submitted document, item of {@code TaiLieuNop}.
 *
 * @param id            TepDinhKemId
 * @param name          TenTepDinhKem
 * @param deleted       IsDeleted, {@code "True"} or {@code "False"}
 * @param componentCode MaThanhPhanHoSo
 * @param url           DuongDanTaiTepTin
 */
public record PortalFile(
        @JsonProperty("TepDinhKemId") String id,
        @JsonProperty("TenTepDinhKem") String name,
        @JsonProperty("IsDeleted") String deleted,
        @JsonProperty("MaThanhPhanHoSo") String componentCode,
        @JsonProperty("DuongDanTaiTepTin") String url) {
}
