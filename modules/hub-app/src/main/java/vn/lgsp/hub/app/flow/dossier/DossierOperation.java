package vn.lgsp.hub.app.flow.dossier;

/**
 * What an accepted event becomes at the portal. A new dossier or a status change is a dossier sync
 * ({@code DongBoHoSoMC}); a step reported without a status change is a progress update ({@code CapNhatTienDoHoSoMC}).
 */
public enum DossierOperation {
    DOSSIER_SYNC, PROGRESS_UPDATE
}
