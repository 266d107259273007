package vn.lgsp.hub.app.flow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

/** Upstream refusal text goes to the exchange log; the name asked about must not go with it. */
class FailureDetailMaskingTest {

    @Test
    void theNameAskedAboutIsMaskedWhereverTheUpstreamTextRepeatsIt() {
        String upstream = "refused by the population database: code E403, Họ tên NGUYỄN VĂN AN không khớp";
        assertThat(CitizenIdentityService.withoutName(upstream, "Nguyễn Văn An"))
                .doesNotContainIgnoringCase("Nguyễn Văn An").contains("N*** V*** A***").contains("code E403");
    }

    @Test
    void aNameSentDecomposedIsFoundInComposedText() {
        String nfd = Normalizer.normalize("Lê Thị Hà", Normalizer.Form.NFD);
        assertThat(CitizenIdentityService.withoutName("no match for Lê Thị Hà", nfd)).doesNotContain("Lê Thị Hà");
    }

    @Test
    void textWithoutTheNameIsLeftAsItIs() {
        assertThat(CitizenIdentityService.withoutName("timeout after 5s", "Nguyễn Văn An")).isEqualTo("timeout after 5s");
        assertThat(CitizenIdentityService.withoutName("timeout", null)).isEqualTo("timeout");
    }
}
