package vn.lgsp.hub.core.ids;

import java.util.regex.Pattern;

/** Masking of personal data for logs and the exchange log. One place, so every module masks the same way. */
public final class Masking {

    /**
     * 12-digit personal IDs and 9-digit old ID-card numbers standing alone in free text: not part of a longer run of
     * letters, digits or dashes (so a UUID or a code such as {@code 000.00.14.H56-261120-0001} is left alone).
     */
    private static final Pattern ID_IN_TEXT =
            Pattern.compile("(?<![0-9A-Za-z-])(\\d{3})\\d{2,5}(\\d{4})(?![0-9A-Za-z-])");

    private Masking() {
    }

    /** {@code 038095123456} becomes {@code 038*****3456}; anything too short to mask keeps only stars. */
    public static String maskPersonalId(String id) {
        if (id == null) {
            return null;
        }
        if (id.length() < 8) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 3) + "*".repeat(id.length() - 7) + id.substring(id.length() - 4);
    }

    /** Keeps the first letter of each word of a name: {@code Nguyễn Văn An} becomes {@code N*** V*** A***}. */
    public static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        StringBuilder sb = new StringBuilder();
        for (String part : name.trim().split("\\s+")) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.appendCodePoint(part.codePointAt(0)).append("***");
        }
        return sb.toString();
    }

    /** Masks runs of 9 to 12 digits (personal IDs, old ID-card numbers) wherever they stand in free text. */
    public static String maskIdsInText(String text) {
        if (text == null) {
            return null;
        }
        return ID_IN_TEXT.matcher(text).replaceAll(m -> m.group(1) + "*".repeat(m.group().length() - 7) + m.group(2));
    }
}
