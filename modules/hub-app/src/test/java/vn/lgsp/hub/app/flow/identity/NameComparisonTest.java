package vn.lgsp.hub.app.flow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lgsp.hub.app.flow.identity.NameComparison.Result.DIACRITICS_ONLY;
import static vn.lgsp.hub.app.flow.identity.NameComparison.Result.DIFFERENT;
import static vn.lgsp.hub.app.flow.identity.NameComparison.Result.MATCH;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameComparisonTest {

    private static final String NAME = "Nguyễn Văn An";

    @Test
    void theSameNameMatches() {
        assertThat(NameComparison.compare(NAME, NAME)).isEqualTo(MATCH);
    }

    @Test
    void decomposedAndComposedFormsMatch() {
        String nfd = Normalizer.normalize(NAME, Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo(NAME);
        assertThat(NameComparison.compare(nfd, NAME)).isEqualTo(MATCH);
        assertThat(NameComparison.compare(NAME, nfd)).isEqualTo(MATCH);
    }

    @Test
    void caseAndSpacingAreFolded() {
        assertThat(NameComparison.compare("  NGUYỄN   văn\tAN ", NAME)).isEqualTo(MATCH);
        assertThat(NameComparison.compare("Nguyễn\u00a0Văn An", NAME)).isEqualTo(MATCH);
        assertThat(NameComparison.compare("ĐỖ THỊ HẰNG", "Đỗ Thị Hằng")).isEqualTo(MATCH);
    }

    @ParameterizedTest
    @CsvSource({
            "Nguyen Van An, Nguyễn Văn An",
            "NGUYEN VAN AN, Nguyễn Văn An",
            "Nguyễn Văn Ân, Nguyễn Văn An",
            "Do Duc Dung, Đỗ Đức Dũng",
            "do duc dung, Đỗ Đức Dũng",
            "Lê Thi Cuc, Lê Thị Cúc"})
    void aDifferenceOnlyInDiacriticsIsReportedAsSuch(String given, String stored) {
        assertThat(NameComparison.compare(given, stored)).isEqualTo(DIACRITICS_ONLY);
    }

    @ParameterizedTest
    @CsvSource({
            "Nguyễn Văn Anh, Nguyễn Văn An",
            "Trần Văn An, Nguyễn Văn An",
            "Nguyễn An, Nguyễn Văn An",
            "Văn An Nguyễn, Nguyễn Văn An",
            "Đỗ Đức Dũng Anh, Đỗ Đức Dũng"})
    void otherDifferencesAreDifferent(String given, String stored) {
        assertThat(NameComparison.compare(given, stored)).isEqualTo(DIFFERENT);
    }

    @Test
    void missingNamesNeverMatch() {
        assertThat(NameComparison.compare(null, NAME)).isEqualTo(DIFFERENT);
        assertThat(NameComparison.compare(NAME, null)).isEqualTo(DIFFERENT);
        assertThat(NameComparison.compare(" ", " ")).isEqualTo(DIFFERENT);
    }
}
