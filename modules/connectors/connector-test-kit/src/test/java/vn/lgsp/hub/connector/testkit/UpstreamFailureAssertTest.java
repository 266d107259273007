package vn.lgsp.hub.connector.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.lgsp.hub.connector.testkit.UpstreamFailureAssert.assertThatFailure;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.UpstreamException;
import vn.lgsp.hub.core.error.ValidationException;
import vn.lgsp.hub.core.error.Violation;

class UpstreamFailureAssertTest {

    private final UpstreamException unavailable =
            new UpstreamException(ErrorCode.UPSTREAM_UNAVAILABLE, "HTTP 503 for 2800123456", true);

    @Test
    void passesOnTheRightCodeAndRetryability() {
        assertThatFailure(unavailable).isUpstream(ErrorCode.UPSTREAM_UNAVAILABLE).isRetryable()
                .hasMessageContaining("HTTP 503").revealsNone("Nguyễn");
        assertThatFailure(new ValidationException(new Violation("key", ErrorCode.INVALID_FIELD, "bad")))
                .isValidation(ErrorCode.INVALID_FIELD);
    }

    @Test
    void failsOnAnotherCodeAnotherRetryabilityOrAnotherKind() {
        assertThatThrownBy(() -> assertThatFailure(unavailable).isUpstream(ErrorCode.UPSTREAM_REJECTED))
                .isInstanceOf(AssertionError.class).hasMessageContaining("upstream.rejected");
        assertThatThrownBy(() -> assertThatFailure(unavailable).isNotRetryable())
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertThatFailure(new IOException("x")).isUpstream(ErrorCode.UPSTREAM_UNAVAILABLE))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertThatFailure(unavailable).isValidation(ErrorCode.INVALID_FIELD))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void revealsNoneLooksIntoCauses() {
        UpstreamException wrapped = new UpstreamException(ErrorCode.UPSTREAM_MALFORMED_REPLY, "unreadable", true,
                new IllegalStateException("near \"Nguyễn Văn An\""));

        assertThatThrownBy(() -> assertThatFailure(wrapped).revealsNone("Nguyễn Văn An"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("IllegalStateException");
    }
}
