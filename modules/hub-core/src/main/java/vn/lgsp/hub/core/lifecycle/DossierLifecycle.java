package vn.lgsp.hub.core.lifecycle;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.ValidationException;
import vn.lgsp.hub.core.error.Violation;

/**
 * Which status changes a dossier may make. The table is data ({@code config/dossier-lifecycle.yml}), handed in by the
 * application; this class only enforces it. A terminal status has no way out, whatever the table says, so that a
 * mistake in the data cannot reopen a closed dossier.
 */
public final class DossierLifecycle {

    private final Set<DossierStatus> initial;
    private final Set<DossierStatus> terminal;
    private final Map<DossierStatus, Set<DossierStatus>> allowed;

    public DossierLifecycle(Set<DossierStatus> initial, Set<DossierStatus> terminal,
                            Map<DossierStatus, Set<DossierStatus>> allowed) {
        this.initial = copy(initial);
        this.terminal = copy(terminal);
        this.allowed = new EnumMap<>(DossierStatus.class);
        allowed.forEach((from, to) -> this.allowed.put(from, copy(to)));
        for (DossierStatus t : this.terminal) {
            Set<DossierStatus> out = this.allowed.get(t);
            if (out != null && !out.isEmpty()) {
                throw new IllegalArgumentException("terminal status " + t.code() + " must not have transitions " + out);
            }
        }
    }

    private static Set<DossierStatus> copy(Set<DossierStatus> s) {
        return s.isEmpty() ? EnumSet.noneOf(DossierStatus.class) : EnumSet.copyOf(s);
    }

    /**
     * @param previous the status last accepted for this dossier, or {@code null} when the hub has not seen it yet
     * @throws ValidationException with {@link ErrorCode#TRANSITION_NOT_ALLOWED}
     */
    public void check(DossierStatus previous, DossierStatus next) {
        if (previous == null) {
            if (!initial.contains(next)) {
                throw refused("A dossier the hub has not seen yet cannot start in status " + next.code()
                        + "; it may start in " + codes(initial));
            }
            return;
        }
        if (terminal.contains(previous)) {
            throw refused("The dossier is closed in status " + previous.code() + " (" + previous.vietnameseName()
                    + "); no further status is accepted");
        }
        Set<DossierStatus> out = allowed.getOrDefault(previous, Set.of());
        if (!out.contains(next)) {
            throw refused("A dossier in status " + previous.code() + " cannot move to " + next.code()
                    + "; allowed next statuses are " + codes(out));
        }
    }

    public boolean isTerminal(DossierStatus status) {
        return terminal.contains(status);
    }

    private static ValidationException refused(String message) {
        return new ValidationException(new Violation("status", ErrorCode.TRANSITION_NOT_ALLOWED, message));
    }

    private static String codes(Set<DossierStatus> statuses) {
        return statuses.stream().map(s -> String.valueOf(s.code())).toList().toString();
    }
}
