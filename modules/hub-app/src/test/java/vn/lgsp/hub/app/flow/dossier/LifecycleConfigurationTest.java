package vn.lgsp.hub.app.flow.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import vn.lgsp.hub.core.error.ValidationException;
import vn.lgsp.hub.core.lifecycle.DossierLifecycle;
import vn.lgsp.hub.core.lifecycle.DossierStatus;

/** The lifecycle table shipped in config/ loads, and a broken one stops the start-up with the file named. */
class LifecycleConfigurationTest {

    private static DossierLifecycle load(org.springframework.core.io.Resource r) throws Exception {
        return new LifecycleConfiguration().dossierLifecycle(new DossierFlowProperties(r, null, null));
    }

    @Test
    void theShippedTableAllowsTheUsualPathAndNothingOutOfATerminalStatus() throws Exception {
        DossierLifecycle l = load(new ClassPathResource("config/dossier-lifecycle.yml"));
        l.check(null, DossierStatus.ACCEPTED);
        l.check(DossierStatus.ACCEPTED, DossierStatus.IN_PROGRESS);
        l.check(DossierStatus.IN_PROGRESS, DossierStatus.IN_PROGRESS);
        l.check(DossierStatus.RESULT_READY, DossierStatus.RESULT_DELIVERED);
        assertThatThrownBy(() -> l.check(DossierStatus.RESULT_DELIVERED, DossierStatus.IN_PROGRESS))
                .isInstanceOf(ValidationException.class);
        assertThat(l.isTerminal(DossierStatus.WITHDRAWN)).isTrue();
    }

    @Test
    void aTableThatReopensATerminalStatusIsRefused() {
        ByteArrayResource bad = new ByteArrayResource("""
                initial: [1]
                terminal: [10]
                transitions:
                  10: [4]
                """.getBytes(), "bad-lifecycle.yml");
        assertThatThrownBy(() -> load(bad)).hasMessageContaining("bad-lifecycle.yml")
                .hasMessageContaining("terminal");
    }

    @Test
    void anUnknownStatusInTheTableIsRefused() {
        ByteArrayResource bad = new ByteArrayResource("initial: [1]\nterminal: [10]\ntransitions:\n  1: [42]\n"
                .getBytes(), "typo.yml");
        assertThatThrownBy(() -> load(bad)).hasMessageContaining("unknown status 42");
    }
}
