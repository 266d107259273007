package vn.lgsp.hub.app.flow.identity;

import java.util.List;

/**
 * The answer to a verification. It never repeats the citizen's stored name, date of birth or ID: only whether the
 * caller's details match and which of them do not.
 *
 * @param match       the citizen exists and every given detail matches
 * @param found       the population database knows a citizen with this personal ID
 * @param differences the given details that do not match the database's
 * @param exchangeId  the exchange that records this call
 */
public record VerifyResponse(boolean match, boolean found, List<Difference> differences, String exchangeId) {

    public VerifyResponse {
        differences = List.copyOf(differences);
    }

    /** One detail that differs, and how. */
    public record Difference(String field, Kind kind) {
    }

    /** How a detail differs. */
    public enum Kind {
        /** The name is the same once diacritics are ignored. */
        DIACRITICS_ONLY,
        DIFFERENT
    }
}
