package vn.lgsp.hub.core.ids;

import java.util.regex.Pattern;
import vn.lgsp.hub.core.error.ErrorCode;

/**
 * An administrative procedure code (mã TTHC) as DVCQG knows it, {@code 1.004616}, optionally followed by the agency
 * code local systems append ({@code 1.004616.000.00.00.H56}).
 */
public record ProcedureCode(String value) {

    private static final Pattern FORM = Pattern.compile("^\\d\\.\\d{6}(\\.\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2})?$");

    public static ProcedureCode parse(String raw, String field) {
        return new ProcedureCode(CodePatterns.require(FORM, raw, field, ErrorCode.INVALID_PROCEDURE_CODE,
                "N.NNNNNN, optionally followed by an agency code (e.g. 1.004616 or 1.004616.000.00.00.H56)"));
    }

    @Override
    public String toString() {
        return value;
    }
}
