package vn.lgsp.hub.connector.population;

import java.time.LocalDate;
import java.util.Objects;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;
import vn.lgsp.hub.core.ids.Masking;
import vn.lgsp.hub.core.ids.PersonalId;

/**
 * One question to the population database, the body of both routes. A call without a purpose (procedure and
 * dossier code), an officer or a request id is refused before it leaves the hub, because the law binds every use
 * of citizen data to a purpose (DOMAIN.md §4.2).
 *
 * @param personalId    the citizen's personal ID, already validated
 * @param fullName      full name as the caller knows it (needed to verify, optional to look up)
 * @param birthDate     date of birth as the caller knows it (needed to verify, optional to look up)
 * @param procedureCode procedure code (mã TTHC), sent as MaDVC: the purpose
 * @param dossierCode   the dossier the call is made for; kept for the audit, the upstream interface has no field
 * @param officerId     the officer's account, sent as MaCanBo
 * @param requestId     unique id of this call, sent as MaYeuCau
 */
public record PopulationRequest(
        PersonalId personalId,
        String fullName,
        LocalDate birthDate,
        String procedureCode,
        String dossierCode,
        String officerId,
        String requestId) {

    public PopulationRequest {
        Objects.requireNonNull(personalId, "personalId");
        requirePresent(procedureCode, "procedureCode");
        requirePresent(dossierCode, "dossierCode");
        requirePresent(officerId, "officerId");
        requirePresent(requestId, "requestId");
    }

    private static void requirePresent(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new HubException(ErrorCode.MISSING_FIELD, field + " is required for a population-database call");
        }
    }

    /** Masked, so that a request that reaches a log line by accident gives nobody away. */
    @Override
    public String toString() {
        return "PopulationRequest[personalId=" + personalId.masked()
                + ", fullName=" + Masking.maskName(fullName)
                + ", birthDate=" + (birthDate == null ? null : "****-**-**")
                + ", procedureCode=" + procedureCode
                + ", dossierCode=" + dossierCode
                + ", officerId=" + officerId
                + ", requestId=" + requestId + "]";
    }
}
