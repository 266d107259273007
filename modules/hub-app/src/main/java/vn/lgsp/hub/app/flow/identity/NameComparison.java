package vn.lgsp.hub.app.flow.identity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Compares a name as a caller knows it with the name the population database holds. Both are NFC-normalised, case
 * folded and their spacing collapsed; names equal then match. Names that become equal once the diacritics are
 * stripped (NFD, combining marks removed, đ/Đ read as d) differ only in diacritics, which callers usually want to
 * tell apart from a different name ({@code Nguyen Van An} typed on a keyboard without Vietnamese input).
 */
public final class NameComparison {

    /** How two names compare. */
    public enum Result {
        MATCH, DIACRITICS_ONLY, DIFFERENT
    }

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    private static final Pattern SPACING = Pattern.compile("[\\s\\p{Z}]+");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private NameComparison() {
    }

    public static Result compare(String given, String stored) {
        if (given == null || stored == null || given.isBlank() || stored.isBlank()) {
            return Result.DIFFERENT;
        }
        String a = fold(given);
        String b = fold(stored);
        if (a.equals(b)) {
            return Result.MATCH;
        }
        return withoutDiacritics(a).equals(withoutDiacritics(b)) ? Result.DIACRITICS_ONLY : Result.DIFFERENT;
    }

    /** NFC, lower case, single spaces, no spaces at the ends. */
    static String fold(String name) {
        String nfc = Normalizer.normalize(name, Normalizer.Form.NFC);
        String lower = nfc.toLowerCase(VIETNAMESE);
        String spaced = SPACING.matcher(lower).replaceAll(" ").strip();
        return Normalizer.normalize(spaced, Normalizer.Form.NFC);
    }

    /** A folded name with every diacritic removed: {@code nguyễn văn đức} becomes {@code nguyen van duc}. */
    static String withoutDiacritics(String folded) {
        String decomposed = Normalizer.normalize(folded, Normalizer.Form.NFD);
        String bare = COMBINING_MARKS.matcher(decomposed).replaceAll("");
        return bare.replace('đ', 'd').replace('Đ', 'd');
    }
}
