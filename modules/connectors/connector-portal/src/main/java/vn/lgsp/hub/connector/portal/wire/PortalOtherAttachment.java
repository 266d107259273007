package vn.lgsp.hub.connector.portal.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A paper that is neither submitted nor a result, item of {@code DanhSachTepDinhKemKhac} (fields as OpenCPS lists
 * them). The canonical model has no such papers yet, so the hub sends an empty list.
 *
 * @param name     TenGiayTo
 * @param quantity SoLuong
 * @param type     LoaiGiayTo
 */
public record PortalOtherAttachment(
        @JsonProperty("TenGiayTo") String name,
        @JsonProperty("SoLuong") String quantity,
        @JsonProperty("LoaiGiayTo") String type) {
}
