package vn.lgsp.hub.core.ids;

import java.time.Clock;
import java.time.Year;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.ValidationException;
import vn.lgsp.hub.core.error.Violation;

/**
 * A 12-digit personal identification number (số định danh cá nhân): {@code PPP G YY NNNNNN}, where PPP is the
 * province of birth registration, G encodes century and sex, YY the birth year. There is no check digit, so the
 * structure check is all that can be done offline (DOMAIN.md §1.2).
 *
 * <p>{@link #toString()} is masked on purpose, so that an ID that reaches a log line by accident stays masked.
 */
public final class PersonalId {

    private static final Pattern FORM = Pattern.compile("^(\\d{3})([0-9])(\\d{2})(\\d{6})$");

    private final String value;
    private final int birthYear;
    private final boolean female;

    private PersonalId(String value, int birthYear, boolean female) {
        this.value = value;
        this.birthYear = birthYear;
        this.female = female;
    }

    public static PersonalId parse(String raw) {
        return parse(raw, Clock.systemDefaultZone(), "personalId");
    }

    /**
     * @param field the request field the value came from, named in the violation
     * @throws ValidationException with {@link ErrorCode#INVALID_PERSONAL_ID}; the message never repeats the value
     */
    public static PersonalId parse(String raw, Clock clock, String field) {
        if (raw == null) {
            throw invalid(field, "must be 12 digits");
        }
        Matcher m = FORM.matcher(raw);
        if (!m.matches()) {
            throw invalid(field, "must be exactly 12 digits");
        }
        if (!ProvinceCodes.isKnown(m.group(1))) {
            throw invalid(field, "starts with an unknown province code " + m.group(1));
        }
        int g = m.group(2).charAt(0) - '0';
        int century = 1900 + (g / 2) * 100;
        int birthYear = century + Integer.parseInt(m.group(3));
        if (birthYear > Year.now(clock).getValue()) {
            throw invalid(field, "encodes a birth year in the future");
        }
        return new PersonalId(raw, birthYear, g % 2 == 1);
    }

    public static boolean isValid(String raw, Clock clock) {
        try {
            parse(raw, clock, "personalId");
            return true;
        } catch (ValidationException e) {
            return false;
        }
    }

    private static ValidationException invalid(String field, String why) {
        return new ValidationException(new Violation(field, ErrorCode.INVALID_PERSONAL_ID,
                "The personal ID " + why + " (12 digits: province code, century/sex digit, birth year, sequence)"));
    }

    /** The full number. Only for the wire to a system that needs it; never for logs. */
    public String value() {
        return value;
    }

    public String provinceCode() {
        return value.substring(0, 3);
    }

    public int birthYear() {
        return birthYear;
    }

    public boolean female() {
        return female;
    }

    /** {@code 038*****3456}: province code and last four digits, as DOMAIN.md §4.2 suggests. */
    public String masked() {
        return Masking.maskPersonalId(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PersonalId other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
