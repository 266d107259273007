package vn.lgsp.hub.simulators.portal;

import java.time.Instant;
import java.util.Map;

/**
 * One data item the portal accepted, in arrival order.
 *
 * @param service        {@code DongBoHoSoMC} or {@code CapNhatTienDoHoSoMC}
 * @param dossierCode    the item's {@code MaHoSo}
 * @param status         {@code TrangThaiHoSo} (dossier sync) or {@code TrangThai} (progress)
 * @param idempotencyKey the call's {@code X-Idempotency-Key}, or {@code null} when it had none
 * @param receivedAt     when the call was accepted
 * @param updating       the call's {@code isUpdating} flag; always false for progress updates
 * @param item           the item as sent, parsed from JSON (objects are maps, arrays are lists)
 */
public record ReceivedCall(
    String service,
    String dossierCode,
    Integer status,
    String idempotencyKey,
    Instant receivedAt,
    boolean updating,
    Map<String, Object> item) {
}
