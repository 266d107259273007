package vn.lgsp.hub.core.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.ValidationException;

class PersonalIdTest {

    /** A fixed "now" in 2026, Vietnam time. */
    private static final Clock CLOCK_2026 =
            Clock.fixed(Instant.parse("2026-06-15T03:00:00Z"), ZoneId.of("Asia/Ho_Chi_Minh"));

    @Test
    void parsesMaleBornIn1995RegisteredInThanhHoa() {
        PersonalId id = PersonalId.parse("038095123456", CLOCK_2026, "applicant.personalId");

        assertThat(id.value()).isEqualTo("038095123456");
        assertThat(id.provinceCode()).isEqualTo("038");
        assertThat(id.birthYear()).isEqualTo(1995);
        assertThat(id.female()).isFalse();
    }

    @Test
    void parsesFemaleBornIn2001() {
        PersonalId id = PersonalId.parse("038301123456", CLOCK_2026, "personalId");

        assertThat(id.birthYear()).isEqualTo(2001);
        assertThat(id.female()).isTrue();
    }

    @Test
    void centuryDigitOneIsAFemaleBornInThe1900s() {
        PersonalId id = PersonalId.parse("001185000001", CLOCK_2026, "personalId");

        assertThat(id.birthYear()).isEqualTo(1985);
        assertThat(id.female()).isTrue();
        assertThat(id.provinceCode()).isEqualTo("001");
    }

    @Test
    void birthYearEqualToTheCurrentYearIsAllowed() {
        PersonalId id = PersonalId.parse("038326123456", CLOCK_2026, "personalId");

        assertThat(id.birthYear()).isEqualTo(2026);
        assertThat(id.female()).isTrue();
    }

    @Test
    void birthYearInTheFutureIsRefused() {
        ValidationException e = refuse("038330123456");

        assertThat(e.getMessage()).contains("future");
    }

    @Test
    void birthYearNextYearIsRefused() {
        refuse("038227123456"); // 2027, male
    }

    @Test
    void centuryDigitForThe2100sIsAlwaysInTheFutureIn2026() {
        refuse("038400123456"); // 2100
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "03809512345", "0380951234567", "038 95123456", " 038095123456", "038095123456 "})
    void wrongLengthOrStrayCharactersAreRefused(String raw) {
        refuse(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"03809512345A", "O38095123456", "038-95123456", "03809５123456"})
    void lettersAndNonAsciiDigitsAreRefused(String raw) {
        refuse(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"003095123456", "999095123456", "000095123456", "097095123456"})
    void unknownProvinceCodesAreRefused(String raw) {
        ValidationException e = refuse(raw);

        assertThat(e.getMessage()).contains("province");
    }

    @Test
    void nullIsRefused() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> PersonalId.parse(null, CLOCK_2026, "applicant.personalId"));

        assertThat(e).isNotNull();
        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PERSONAL_ID);
        assertThat(e.violations()).singleElement()
                .satisfies(v -> assertThat(v.field()).isEqualTo("applicant.personalId"));
    }

    @Test
    void violationNamesTheFieldAndCarriesTheStableCode() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> PersonalId.parse("999095123456", CLOCK_2026, "applicant.personalId"));

        assertThat(e.errorCode().code()).isEqualTo("personal_id.invalid");
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("applicant.personalId");
            assertThat(v.code()).isEqualTo(ErrorCode.INVALID_PERSONAL_ID);
            assertThat(v.message()).doesNotContain("999095123456").doesNotContain("095123456");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"038330123456", "999095123456", "03809512345A", "0380951234567"})
    void messageNeverRepeatsTheNumber(String raw) {
        ValidationException e = refuse(raw);

        assertThat(e.getMessage()).doesNotContain(raw).doesNotContain(raw.substring(3));
        assertThat(e.violations()).allSatisfy(v -> assertThat(v.message()).doesNotContain(raw));
    }

    @Test
    void maskedKeepsProvinceCodeAndLastFourDigits() {
        PersonalId id = PersonalId.parse("038095123456", CLOCK_2026, "personalId");

        assertThat(id.masked()).isEqualTo("038*****3456");
    }

    @Test
    void toStringIsMasked() {
        PersonalId id = PersonalId.parse("038095123456", CLOCK_2026, "personalId");

        assertThat(id.toString()).isEqualTo("038*****3456").doesNotContain("095123");
        assertThat("applicant " + id).doesNotContain("038095123456");
    }

    @Test
    void equalityIsByValue() {
        PersonalId a = PersonalId.parse("038095123456", CLOCK_2026, "personalId");
        PersonalId b = PersonalId.parse("038095123456", CLOCK_2026, "other");
        PersonalId c = PersonalId.parse("038095123457", CLOCK_2026, "personalId");

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(c);
    }

    @Test
    void isValidAnswersWithoutThrowing() {
        assertThat(PersonalId.isValid("038095123456", CLOCK_2026)).isTrue();
        assertThat(PersonalId.isValid("038330123456", CLOCK_2026)).isFalse();
        assertThat(PersonalId.isValid("003095123456", CLOCK_2026)).isFalse();
        assertThat(PersonalId.isValid(null, CLOCK_2026)).isFalse();
    }

    private static ValidationException refuse(String raw) {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> PersonalId.parse(raw, CLOCK_2026, "personalId"));
        assertThat(e).as("'%s' should be refused", raw).isNotNull();
        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PERSONAL_ID);
        assertThat(e.errorCode().code()).isEqualTo("personal_id.invalid");
        assertThat(e.violations()).singleElement().satisfies(v -> {
            assertThat(v.code()).isEqualTo(ErrorCode.INVALID_PERSONAL_ID);
            assertThat(v.field()).isEqualTo("personalId");
        });
        return e;
    }
}
