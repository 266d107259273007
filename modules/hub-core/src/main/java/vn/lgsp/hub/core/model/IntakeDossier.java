package vn.lgsp.hub.core.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import vn.lgsp.hub.core.ids.Masking;

/**
 * A dossier submitted online on the national portal, in the hub's canonical model (the portal's Vietnamese wire names
 * live in the portal connector). It reaches the hub pushed by the portal or fetched by polling, and goes on to the
 * one-stop-shop with the applicant's verification attached. {@link #toString()} is masked.
 *
 * @param dossierCode   mã hồ sơ, as the portal issued it
 * @param procedureCode DVCQG procedure code (mã TTHC)
 * @param procedureName procedure name
 * @param agencyCode    electronic code of the agency that will handle the dossier
 * @param submittedAt   when the applicant submitted it
 * @param updatedAt     when the portal last changed it; a dossier re-sent with a later one is an update
 * @param dueAt         due date of the result, optional
 * @param summary       short description (TrichYeuHoSo), optional
 * @param applicant     who submitted it
 * @param documents     the files submitted, by reference
 */
public record IntakeDossier(
        String dossierCode,
        String procedureCode,
        String procedureName,
        String agencyCode,
        OffsetDateTime submittedAt,
        OffsetDateTime updatedAt,
        OffsetDateTime dueAt,
        String summary,
        Applicant applicant,
        List<DossierEvent.Document> documents) {

    public IntakeDossier {
        // keeps null items, so that the validator can report them instead of failing here
        documents = documents == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(documents));
    }

    /** The moment that tells versions of one dossier apart: the last update, else the submission. */
    public OffsetDateTime version() {
        return updatedAt != null ? updatedAt : submittedAt;
    }

    /**
     * @param type       citizen, business or household business
     * @param fullName   the applicant's (or representative's) name
     * @param personalId 12-digit personal ID of the citizen, or of a business's representative
     * @param birthDate  needed to verify the citizen; optional for businesses
     */
    public record Applicant(DossierEvent.ApplicantType type, String fullName, String personalId, LocalDate birthDate,
                            String email, String phone, String address) {
        @Override
        public String toString() {
            return "Applicant[type=" + type + ", fullName=" + Masking.maskName(fullName)
                    + ", personalId=" + Masking.maskPersonalId(personalId) + "]";
        }
    }

    @Override
    public String toString() {
        return "IntakeDossier[dossierCode=" + dossierCode + ", procedureCode=" + procedureCode + ", agencyCode="
                + agencyCode + ", version=" + version() + ", applicant=" + applicant + "]";
    }
}
