package vn.lgsp.hub.app.flow.identity;

import java.time.LocalDate;
import vn.lgsp.hub.core.ids.Masking;

/**
 * The body of {@code POST /api/v1/citizens/verify} and {@code /lookup}. Every call names its purpose (the procedure
 * and the dossier it is made for) and the officer making it; the law binds each use of citizen data to a purpose.
 *
 * @param fullName  needed to verify; optional to look up
 * @param birthDate needed to verify; optional to look up
 */
public record CitizenIdentityRequest(
        String personalId,
        String fullName,
        LocalDate birthDate,
        Purpose purpose,
        String officerId) {

    /** Why the citizen's data is used: the procedure (mã TTHC) and the dossier (mã hồ sơ). */
    public record Purpose(String procedureCode, String dossierCode) {
    }

    /** Masked, so that a request that reaches a log line by accident gives nobody away. */
    @Override
    public String toString() {
        return "CitizenIdentityRequest[personalId=" + Masking.maskPersonalId(personalId)
                + ", fullName=" + Masking.maskName(fullName)
                + ", birthDate=" + (birthDate == null ? null : "****-**-**")
                + ", purpose=" + purpose + ", officerId=" + officerId + "]";
    }
}
