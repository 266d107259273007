package vn.lgsp.hub.core.ids;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTest {

    @Test
    void maskPersonalIdKeepsProvinceAndLastFour() {
        assertThat(Masking.maskPersonalId("038095123456")).isEqualTo("038*****3456");
        assertThat(Masking.maskPersonalId("123456789")).isEqualTo("123**6789");
    }

    @Test
    void maskPersonalIdOfShortValuesKeepsOnlyStars() {
        assertThat(Masking.maskPersonalId("1234567")).isEqualTo("*******");
        assertThat(Masking.maskPersonalId("")).isEmpty();
        assertThat(Masking.maskPersonalId(null)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Nguyễn Văn An|N*** V*** A***",
            "  Lê   Thị  Ánh  |L*** T*** Á***",
            "Đặng|Đ***",
            "Ông Ích Khiêm|Ô*** Í*** K***"})
    void maskNameKeepsTheFirstLetterOfEachWord(String name, String masked) {
        assertThat(Masking.maskName(name)).isEqualTo(masked);
    }

    @Test
    void maskNameHidesTheRestOfEachWord() {
        String masked = Masking.maskName("Nguyễn Văn An");
        assertThat(masked).doesNotContain("guyễn").doesNotContain("ăn").doesNotContain("An");
    }

    @Test
    void maskNameLeavesNullAndBlankAlone() {
        assertThat(Masking.maskName(null)).isNull();
        assertThat(Masking.maskName("")).isEmpty();
        assertThat(Masking.maskName("   ")).isEqualTo("   ");
    }

    @Test
    void maskIdsInTextMasksATwelveDigitAndANineDigitIdInASentence() {
        String text = "Công dân có CCCD 038095123456 và CMND cũ 123456789 nộp hồ sơ.";

        assertThat(Masking.maskIdsInText(text))
                .isEqualTo("Công dân có CCCD 038*****3456 và CMND cũ 123**6789 nộp hồ sơ.");
    }

    @Test
    void maskIdsInTextMasksRunsOfNineToTwelveDigits() {
        assertThat(Masking.maskIdsInText("123456789")).isEqualTo("123**6789");
        assertThat(Masking.maskIdsInText("1234567890")).isEqualTo("123***7890");
        assertThat(Masking.maskIdsInText("12345678901")).isEqualTo("123****8901");
        assertThat(Masking.maskIdsInText("123456789012")).isEqualTo("123*****9012");
    }

    @Test
    void maskIdsInTextMasksIdsGluedToLettersOrPunctuation() {
        assertThat(Masking.maskIdsInText("cccd=038095123456;")).isEqualTo("cccd=038*****3456;");
        assertThat(Masking.maskIdsInText("(038095123456)")).isEqualTo("(038*****3456)");
        assertThat(Masking.maskIdsInText("ID:038095123456,next")).isEqualTo("ID:038*****3456,next");
    }

    @Test
    void maskIdsInTextLeavesShorterNumbersAlone() {
        String text = "Ngày 20261122, hồ sơ số 0001, mã 1.004616, hẹn 2026-11-22 lúc 0800.";

        assertThat(Masking.maskIdsInText(text)).isEqualTo(text);
        assertThat(Masking.maskIdsInText("12345678")).isEqualTo("12345678");
    }

    @Test
    void maskIdsInTextLeavesDossierCodesAlone() {
        String text = "Hồ sơ 000.00.14.H56-261122-0001 và G09.20-20260609-0092637";

        assertThat(Masking.maskIdsInText(text)).isEqualTo(text);
    }

    @Test
    void maskIdsInTextMasksEveryOccurrence() {
        assertThat(Masking.maskIdsInText("038095123456 / 038301654321"))
                .isEqualTo("038*****3456 / 038*****4321");
    }

    @Test
    void maskIdsInTextLeavesNullAndPlainTextAlone() {
        assertThat(Masking.maskIdsInText(null)).isNull();
        assertThat(Masking.maskIdsInText("không có số nào")).isEqualTo("không có số nào");
    }

    @Test
    void digitRunsInsideIdentifiersAndTimestampsAreLeftAlone() {
        String text = "waiting for exchange 0b7c1c2e-4a51-4c1e-9f0e-123456789012, next attempt at"
                + " 2026-11-22T11:50:15.541587265Z, CCCD 038095123456";
        assertThat(Masking.maskIdsInText(text))
                .contains("123456789012", "15.541587265Z", "CCCD 038*****3456")
                .doesNotContain("038095123456");
    }
}
