package vn.lgsp.hub.core.ids;

import java.util.regex.Pattern;
import vn.lgsp.hub.core.error.ErrorCode;

/**
 * A dossier code (mã hồ sơ). The one-stop-shop form is {@code {agencyCode}-{yyMMdd}-{seq4}}
 * ({@code 000.00.14.H56-261122-0001}); ministry portals use {@code G09.20-20260609-0092637}. Both are accepted:
 * an agency code in its lenient form, a six- or eight-digit date, a four- to seven-digit sequence.
 */
public record DossierCode(String value) {

    private static final Pattern FORM =
            Pattern.compile("^(?=.{1,60}$)[0-9A-Z]+(\\.[0-9A-Z]+)*-(\\d{6}|\\d{8})-\\d{4,7}$");

    public static DossierCode parse(String raw, String field) {
        return new DossierCode(CodePatterns.require(FORM, raw, field, ErrorCode.INVALID_DOSSIER_CODE,
                "{agencyCode}-{yyMMdd}-{sequence} (e.g. 000.00.14.H56-261122-0001)"));
    }

    @Override
    public String toString() {
        return value;
    }
}
