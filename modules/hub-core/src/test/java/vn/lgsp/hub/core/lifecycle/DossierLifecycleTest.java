package vn.lgsp.hub.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static vn.lgsp.hub.core.lifecycle.LifecycleTable.status;
import static vn.lgsp.hub.core.lifecycle.LifecycleTable.statuses;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.ValidationException;

/** Enforcement of the table in {@code config/dossier-lifecycle.yml} (mirrored in {@link LifecycleTable}). */
class DossierLifecycleTest {

    private final DossierLifecycle lifecycle = LifecycleTable.fromConfig();

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void aNewDossierMayStartInAnInitialStatus(int code) {
        assertThatCode(() -> lifecycle.check(null, status(code))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 5, 6, 7, 8, 9, 10})
    void aNewDossierMayNotStartElsewhere(int code) {
        ValidationException e = refused(null, code);
        assertThat(e.getMessage()).contains("not seen").contains("[1, 2, 3]");
    }

    @ParameterizedTest
    @CsvSource({"1,1", "1,2", "1,3", "1,7", "2,4", "2,5", "2,9", "4,4", "4,5", "4,9", "5,4", "6,4", "9,9", "9,10"})
    void allowedTransitionsPass(int from, int to) {
        assertThatCode(() -> lifecycle.check(status(from), status(to))).doesNotThrowAnyException();
    }

    @Test
    void aFullHappyPathPasses() {
        int[] path = {1, 2, 4, 4, 5, 4, 6, 4, 9, 10};
        DossierStatus previous = null;
        for (int code : path) {
            DossierStatus next = status(code);
            DossierStatus from = previous;
            assertThatCode(() -> lifecycle.check(from, next)).as("%s -> %s", from, next).doesNotThrowAnyException();
            previous = next;
        }
    }

    @Test
    void progressWithoutStatusChangeIsAllowedInProgress() {
        assertThatCode(() -> lifecycle.check(DossierStatus.IN_PROGRESS, DossierStatus.IN_PROGRESS))
                .doesNotThrowAnyException();
    }

    @Test
    void resultDeliveredIsClosed() {
        ValidationException e = refused(10, 4);
        assertThat(e.errorCode().code()).isEqualTo("dossier.transition_not_allowed");
        assertThat(e.getMessage()).contains("closed").contains("10");
    }

    @ParameterizedTest
    @EnumSource(DossierStatus.class)
    void refusedAtIntakeAllowsNothing(DossierStatus next) {
        refused(3, next.code());
    }

    @ParameterizedTest
    @EnumSource(DossierStatus.class)
    void everyTerminalStatusAllowsNothingNotEvenItself(DossierStatus next) {
        for (int terminal : new int[] {3, 7, 8, 10}) {
            refused(terminal, next.code());
        }
    }

    @ParameterizedTest
    @CsvSource({"9,4", "9,5", "9,1", "4,1", "4,2", "4,3", "4,10", "2,1", "2,3", "2,10", "1,4", "1,9", "5,10"})
    void transitionsNotInTheTableAreRefused(int from, int to) {
        ValidationException e = refused(from, to);
        assertThat(e.getMessage()).contains("cannot move to " + to);
    }

    @Test
    void isTerminalFollowsTheTable() {
        assertThat(DossierStatus.values()).filteredOn(lifecycle::isTerminal)
                .containsExactlyInAnyOrder(DossierStatus.REFUSED, DossierStatus.WITHDRAWN, DossierStatus.STOPPED,
                        DossierStatus.RESULT_DELIVERED);
    }

    @Test
    void constructorRefusesATerminalStatusWithAnOutgoingTransition() {
        Map<DossierStatus, Set<DossierStatus>> t = LifecycleTable.transitions();
        t.put(status(10), statuses(4));

        assertThatThrownBy(() -> new DossierLifecycle(LifecycleTable.INITIAL, LifecycleTable.TERMINAL, t))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("terminal status 10");
    }

    @Test
    void constructorAcceptsATerminalStatusWithAnEmptyList() {
        Map<DossierStatus, Set<DossierStatus>> t = LifecycleTable.transitions();
        t.put(status(10), Set.of());

        DossierLifecycle l = new DossierLifecycle(LifecycleTable.INITIAL, LifecycleTable.TERMINAL, t);
        assertThat(catchThrowableOfType(ValidationException.class, () -> l.check(status(10), status(10))))
                .isNotNull();
    }

    @Test
    void tableIsCopiedSoLaterChangesToTheInputDoNotLeakIn() {
        Map<DossierStatus, Set<DossierStatus>> t = new HashMap<>();
        Set<DossierStatus> out = statuses(2);
        t.put(status(1), out);
        Set<DossierStatus> initial = statuses(1);
        DossierLifecycle l = new DossierLifecycle(initial, Set.of(), t);

        out.add(status(9));
        initial.add(status(4));
        t.put(status(2), statuses(4));

        assertThat(catchThrowableOfType(ValidationException.class, () -> l.check(status(1), status(9)))).isNotNull();
        assertThat(catchThrowableOfType(ValidationException.class, () -> l.check(null, status(4)))).isNotNull();
        assertThat(catchThrowableOfType(ValidationException.class, () -> l.check(status(2), status(4)))).isNotNull();
    }

    @Test
    void emptyTableRefusesEverything() {
        DossierLifecycle l = new DossierLifecycle(Set.of(), Set.of(), new EnumMap<>(DossierStatus.class));
        assertThat(catchThrowableOfType(ValidationException.class, () -> l.check(null, status(1)))).isNotNull();
        assertThat(catchThrowableOfType(ValidationException.class, () -> l.check(status(1), status(2)))).isNotNull();
    }

    private ValidationException refused(Integer from, int to) {
        DossierStatus previous = from == null ? null : status(from);
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> lifecycle.check(previous, status(to)));
        assertThat(e).as("%s -> %s should be refused", from, to).isNotNull();
        assertThat(e.errorCode()).isEqualTo(ErrorCode.TRANSITION_NOT_ALLOWED);
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("status");
            assertThat(v.code()).isEqualTo(ErrorCode.TRANSITION_NOT_ALLOWED);
        });
        return e;
    }
}
