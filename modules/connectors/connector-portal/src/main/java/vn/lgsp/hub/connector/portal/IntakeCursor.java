package vn.lgsp.hub.connector.portal;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * Where an intake listing stands: the last dossier seen, by the portal's update time and then its code. Both are
 * needed because many dossiers can share one second; the time alone would skip or repeat some at a page boundary.
 *
 * @param updatedAt   the dossier's NgayCapNhat
 * @param dossierCode its MaHoSo
 */
public record IntakeCursor(OffsetDateTime updatedAt, String dossierCode) {

    public IntakeCursor {
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(dossierCode, "dossierCode");
    }
}
