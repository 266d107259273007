package vn.lgsp.hub.core.model;

import java.util.List;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.ValidationException;
import vn.lgsp.hub.core.error.Violation;

/** The field checks the canonical models' validators share; each adds to a list so that all problems are reported. */
final class Checks {

    static final int MAX_TEXT = 2000;

    private Checks() {
    }

    interface ItemCheck<T> {
        void check(T item, String path);
    }

    static <T> void forEach(String field, List<T> items, ItemCheck<T> check) {
        for (int i = 0; i < items.size(); i++) {
            check.check(items.get(i), field + "[" + i + "]");
        }
    }

    static void required(List<Violation> v, String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            v.add(new Violation(field, ErrorCode.MISSING_FIELD, field + " is required"));
        }
    }

    static void text(List<Violation> v, String field, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            v.add(new Violation(field, ErrorCode.INVALID_FIELD, field + " is longer than " + MAX_TEXT + " characters"));
        }
    }

    /** Runs an identifier check unless the value is missing or blank (already reported as missing). */
    static void check(List<Violation> v, Runnable parse, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            parse.run();
        } catch (ValidationException ex) {
            v.addAll(ex.violations());
        }
    }
}
