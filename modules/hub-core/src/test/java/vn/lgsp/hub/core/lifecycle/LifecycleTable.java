package vn.lgsp.hub.core.lifecycle;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The lifecycle table of {@code config/dossier-lifecycle.yml}, built in code: hub-core has no YAML library, so this
 * mirrors the file by hand. Keep the two in step when the file changes.
 */
public final class LifecycleTable {

    private LifecycleTable() {
    }

    /** {@code initial: [1, 2, 3]} */
    public static final Set<DossierStatus> INITIAL = statuses(1, 2, 3);

    /** {@code terminal: [3, 7, 8, 10]} */
    public static final Set<DossierStatus> TERMINAL = statuses(3, 7, 8, 10);

    /** {@code transitions:} */
    public static Map<DossierStatus, Set<DossierStatus>> transitions() {
        Map<DossierStatus, Set<DossierStatus>> t = new EnumMap<>(DossierStatus.class);
        t.put(status(1), statuses(1, 2, 3, 7));
        t.put(status(2), statuses(2, 4, 5, 6, 7, 8, 9));
        t.put(status(4), statuses(4, 5, 6, 7, 8, 9));
        t.put(status(5), statuses(5, 4, 6, 7, 8, 9));
        t.put(status(6), statuses(6, 4, 5, 7, 8, 9));
        t.put(status(9), statuses(9, 10));
        return t;
    }

    public static DossierLifecycle fromConfig() {
        return new DossierLifecycle(INITIAL, TERMINAL, transitions());
    }

    public static DossierStatus status(int code) {
        return DossierStatus.fromCode(code).orElseThrow(() -> new IllegalArgumentException("no status " + code));
    }

    public static Set<DossierStatus> statuses(int... codes) {
        return Arrays.stream(codes).mapToObj(LifecycleTable::status)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DossierStatus.class)));
    }
}
