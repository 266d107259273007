package vn.lgsp.hub.core.ids;

import java.util.regex.Pattern;
import vn.lgsp.hub.core.error.ErrorCode;

/**
 * An electronic agency code (mã định danh điện tử). Accepted leniently in the Quyết định 20/2020 form (up to 35
 * characters, groups of 0-9A-Z separated by dots), because real systems send codes such as {@code G09.20}; the strict
 * QCVN 102 four-level form ({@code 000.00.14.H56}) is what the hub checks where it issues a code itself.
 */
public record AgencyCode(String value) {

    private static final Pattern LENIENT = Pattern.compile("^(?=.{1,35}$)[0-9A-Z]+(\\.[0-9A-Z]+)*$");
    private static final Pattern STRICT = Pattern.compile("^\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}$");

    public static AgencyCode parse(String raw, String field) {
        return new AgencyCode(CodePatterns.require(LENIENT, raw, field, ErrorCode.INVALID_AGENCY_CODE,
                "groups of digits and capital letters separated by dots, at most 35 characters (e.g. 000.00.14.H56)"));
    }

    public static AgencyCode parseStrict(String raw, String field) {
        return new AgencyCode(CodePatterns.require(STRICT, raw, field, ErrorCode.INVALID_AGENCY_CODE,
                "NNN.NN.NN.XNN (QCVN 102, e.g. 000.00.14.H56)"));
    }

    public boolean isStrictForm() {
        return STRICT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
