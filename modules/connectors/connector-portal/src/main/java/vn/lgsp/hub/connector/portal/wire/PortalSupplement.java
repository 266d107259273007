package vn.lgsp.hub.connector.portal.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A supplement request, item of {@code DanhSachHoSoBoSung} (the fields DOMAIN.md §2.2 names; the portal knows
 * more). The canonical model does not carry supplement requests yet, so the hub sends an empty list.
 *
 * @param id            HoSoBoSungId
 * @param requestedBy   NguoiYeuCauBoSung
 * @param content       NoiDungBoSung
 * @param requestedAt   NgayBoSung
 * @param previousDueAt NgayHenTraTruoc
 * @param newDueAt      NgayHenTraMoi
 */
public record PortalSupplement(
        @JsonProperty("HoSoBoSungId") String id,
        @JsonProperty("NguoiYeuCauBoSung") String requestedBy,
        @JsonProperty("NoiDungBoSung") String content,
        @JsonProperty("NgayBoSung") String requestedAt,
        @JsonProperty("NgayHenTraTruoc") String previousDueAt,
        @JsonProperty("NgayHenTraMoi") String newDueAt) {
}
