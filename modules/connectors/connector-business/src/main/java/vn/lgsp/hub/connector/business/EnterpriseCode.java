package vn.lgsp.hub.connector.business;

import java.util.regex.Pattern;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.ValidationException;
import vn.lgsp.hub.core.error.Violation;

/**
 * An enterprise code (mã số doanh nghiệp), which is also the enterprise's tax code: 10 digits, or for a dependent unit
 * (a branch, a representative office) the parent's 10 digits, a hyphen and 3 digits. Thanh Hóa's start with 28, but
 * an enterprise registered elsewhere may be looked up too, so the province is not checked. Not personal data.
 */
public record EnterpriseCode(String value) {

    private static final Pattern FORM = Pattern.compile("\\d{10}(-\\d{3})?");

    /** The name of the path parameter (and header) that carries the code. */
    public static final String FIELD = "enterpriseCode";

    public EnterpriseCode {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new ValidationException(new Violation(FIELD, ErrorCode.INVALID_FIELD,
                    "an enterprise code is 10 digits, or 10 digits, a hyphen and 3 digits for a branch"));
        }
    }

    /** {@code text} trimmed, checked; a {@link ValidationException} ({@code request.invalid_field}) otherwise. */
    public static EnterpriseCode parse(String text) {
        return new EnterpriseCode(text == null ? null : text.trim());
    }

    /** Whether the code is a dependent unit's (a branch's): {@code 2800123456-001}. */
    public boolean isBranch() {
        return value.length() > 10;
    }

    @Override
    public String toString() {
        return value;
    }
}
