package vn.lgsp.hub.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DossierStatusTest {

    @Test
    void fromCodeFindsTheFirstAndLastStatus() {
        assertThat(DossierStatus.fromCode(1)).contains(DossierStatus.SUBMITTED);
        assertThat(DossierStatus.fromCode(10)).contains(DossierStatus.RESULT_DELIVERED);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 11, -1, 100})
    void fromCodeIsEmptyOutsideOneToTen(int code) {
        assertThat(DossierStatus.fromCode(code)).isEmpty();
    }

    @Test
    void codesAreOneToTenInOrderAndRoundTrip() {
        assertThat(Arrays.stream(DossierStatus.values()).mapToInt(DossierStatus::code))
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        for (DossierStatus s : DossierStatus.values()) {
            assertThat(DossierStatus.fromCode(s.code())).contains(s);
        }
    }

    @Test
    void vietnameseNamesFollowDomainReference() {
        assertThat(DossierStatus.IN_PROGRESS.vietnameseName()).isEqualTo("Đang xử lý");
        assertThat(DossierStatus.RESULT_READY.vietnameseName()).isEqualTo("Đã xử lý xong");
        assertThat(DossierStatus.RESULT_DELIVERED.vietnameseName()).isEqualTo("Đã trả kết quả");
    }
}
