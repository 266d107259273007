package vn.lgsp.hub.connector.testkit;

import org.assertj.core.api.AbstractAssert;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;
import vn.lgsp.hub.core.error.UpstreamException;
import vn.lgsp.hub.core.error.ValidationException;

/**
 * Assertions on what a connector's route threw, in the words of the hub's error model:
 * {@code assertThatFailure(e).isUpstream(ErrorCode.UPSTREAM_UNAVAILABLE).isRetryable()}. A {@link HubException}
 * subclass of the connector's own (such as a {@code OneStopException}) passes as long as it is an
 * {@link UpstreamException}.
 */
public final class UpstreamFailureAssert extends AbstractAssert<UpstreamFailureAssert, Throwable> {

    private UpstreamFailureAssert(Throwable actual) {
        super(actual, UpstreamFailureAssert.class);
    }

    public static UpstreamFailureAssert assertThatFailure(Throwable actual) {
        return new UpstreamFailureAssert(actual);
    }

    /** A {@link HubException} with {@code code}. */
    public UpstreamFailureAssert hasCode(ErrorCode code) {
        isNotNull();
        if (!(actual instanceof HubException hub)) {
            failWithMessage("Expected a HubException with code <%s> but was <%s>", code.code(), actual);
            return this;
        }
        if (hub.errorCode() != code) {
            failWithMessage("Expected code <%s> but was <%s> (%s)", code.code(), hub.errorCode().code(),
                    hub.getMessage());
        }
        return this;
    }

    /** An {@link UpstreamException} with {@code code}. */
    public UpstreamFailureAssert isUpstream(ErrorCode code) {
        isNotNull();
        if (!(actual instanceof UpstreamException)) {
            failWithMessage("Expected an UpstreamException with code <%s> but was <%s>", code.code(), actual);
        }
        return hasCode(code);
    }

    /** A {@link ValidationException} with {@code code}, refused before any call. */
    public UpstreamFailureAssert isValidation(ErrorCode code) {
        isNotNull();
        if (!(actual instanceof ValidationException)) {
            failWithMessage("Expected a ValidationException with code <%s> but was <%s>", code.code(), actual);
        }
        return hasCode(code);
    }

    public UpstreamFailureAssert isRetryable() {
        return retryable(true);
    }

    public UpstreamFailureAssert isNotRetryable() {
        return retryable(false);
    }

    private UpstreamFailureAssert retryable(boolean expected) {
        isNotNull();
        if (!(actual instanceof UpstreamException upstream)) {
            failWithMessage("Expected an UpstreamException but was <%s>", actual);
            return this;
        }
        if (upstream.retryable() != expected) {
            failWithMessage("Expected retryable <%s> but was <%s> (%s)", expected, upstream.retryable(),
                    upstream.getMessage());
        }
        return this;
    }

    /** The message contains {@code text}. */
    public UpstreamFailureAssert hasMessageContaining(String text) {
        isNotNull();
        if (actual.getMessage() == null || !actual.getMessage().contains(text)) {
            failWithMessage("Expected the message to contain <%s> but was <%s>", text, actual.getMessage());
        }
        return this;
    }

    /** Neither the message nor any cause's message contains one of {@code values} (personal data, secrets). */
    public UpstreamFailureAssert revealsNone(String... values) {
        isNotNull();
        for (Throwable t = actual; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (String value : values) {
                if (t.getMessage() != null && t.getMessage().contains(value)) {
                    failWithMessage("Expected no <%s> in the failure, but <%s> says <%s>", value,
                            t.getClass().getName(), t.getMessage());
                }
            }
        }
        return this;
    }
}
