package vn.lgsp.hub.connector.portal.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Envelope of every call to the adapter API: {@code {"service", "isUpdating"?, "data": [...]}}.
 *
 * @param service    the portal service name
 * @param isUpdating {@code "True"} or {@code "False"} for {@link #SYNC_DOSSIER}; absent for other services
 * @param data       the items; the hub sends one per call so that each event succeeds or fails on its own
 * @param <T>        item type
 */
public record PortalRequest<T>(
        @JsonProperty("service") String service,
        @JsonProperty("isUpdating") @JsonInclude(JsonInclude.Include.NON_NULL) String isUpdating,
        @JsonProperty("data") List<T> data) {

    /** Creates or updates a dossier on the portal. */
    public static final String SYNC_DOSSIER = "DongBoHoSoMC";
    /** Adds a processing step to a dossier's progress. */
    public static final String UPDATE_PROGRESS = "CapNhatTienDoHoSoMC";

    public PortalRequest {
        data = data == null ? List.of() : List.copyOf(data);
    }

    public static PortalRequest<PortalDossier> syncDossier(PortalDossier dossier, boolean updating) {
        // the portal is a .NET-style service that expects capitalised booleans as strings
        return new PortalRequest<>(SYNC_DOSSIER, updating ? "True" : "False", List.of(dossier));
    }

    public static PortalRequest<PortalProgress> updateProgress(PortalProgress progress) {
        return new PortalRequest<>(UPDATE_PROGRESS, null, List.of(progress));
    }
}
