package vn.lgsp.hub.core.model;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the hub found when it checked an intake applicant against the population database; attached to the dossier
 * delivered to the one-stop-shop. It names fields, never their values.
 *
 * @param outcome         the verdict
 * @param differingFields for {@link Outcome#MISMATCH}: the applicant's fields that differ ({@code fullName},
 *                        {@code birthDate}); empty otherwise
 * @param diacriticsOnly  for a name that differs: whether it differs only in diacritics
 * @param checkedAt       when the database answered, or when the hub gave up waiting for it
 * @param exchangeId      the identity exchange that recorded the call, {@code null} when no call was answered
 * @param reason          for {@link Outcome#UNAVAILABLE}: the error code of the last failure
 */
public record IdentityVerification(Outcome outcome, List<String> differingFields, boolean diacriticsOnly,
                                   OffsetDateTime checkedAt, String exchangeId, String reason) {

    public IdentityVerification {
        differingFields = differingFields == null ? List.of() : List.copyOf(differingFields);
    }

    public enum Outcome {
        /** The citizen exists and the name and date of birth match. */
        VERIFIED,
        /** The citizen exists but some details differ. */
        MISMATCH,
        /** The database knows no citizen with this personal ID. */
        NOT_FOUND,
        /** The database could not be asked within the configured time; the officer must check by hand. */
        UNAVAILABLE,
        /** The applicant is not a citizen (a business) and gave no personal ID: nothing to verify. */
        NOT_APPLICABLE
    }
}
