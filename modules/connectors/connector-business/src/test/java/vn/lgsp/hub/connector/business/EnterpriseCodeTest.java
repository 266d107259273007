package vn.lgsp.hub.connector.business;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.ValidationException;

class EnterpriseCodeTest {

    @Test
    void acceptsTenDigitsAndABranchsSuffix() {
        assertThat(EnterpriseCode.parse(" 2800123456 ").value()).isEqualTo("2800123456");
        assertThat(EnterpriseCode.parse("2800123456").isBranch()).isFalse();
        assertThat(EnterpriseCode.parse("2800123456-001").isBranch()).isTrue();
        assertThat(EnterpriseCode.parse("0101234567").value()).isEqualTo("0101234567");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "280012345", "28001234567", "2800123456-01", "2800123456-0001",
        "2800123456_001", "280012345A", "２８００１２３４５６", "2800123456-001-002"})
    void refusesAnythingElseAsAnInvalidField(String text) {
        ValidationException e = catchThrowableOfType(() -> EnterpriseCode.parse(text), ValidationException.class);

        assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("enterpriseCode"));
    }
}
