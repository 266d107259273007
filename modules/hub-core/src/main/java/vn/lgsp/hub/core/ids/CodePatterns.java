package vn.lgsp.hub.core.ids;

import java.util.regex.Pattern;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.ValidationException;
import vn.lgsp.hub.core.error.Violation;

/** Shared check for the identifier types whose whole rule is a pattern. */
final class CodePatterns {

    private CodePatterns() {
    }

    static String require(Pattern pattern, String raw, String field, ErrorCode code, String expected) {
        if (raw == null || !pattern.matcher(raw).matches()) {
            throw new ValidationException(new Violation(field, code,
                    field + " " + (raw == null ? "is missing" : "'" + abbreviate(raw) + "' is not of the form " + expected)));
        }
        return raw;
    }

    /** Echo at most 40 characters of the refused value, so that a huge value does not flood the answer. */
    private static String abbreviate(String raw) {
        return raw.length() <= 40 ? raw : raw.substring(0, 40) + "…";
    }
}
