package vn.lgsp.hub.connector.onestop;

import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.UpstreamException;

/** A delivery to the one-stop-shop did not succeed; see {@link UpstreamException} for {@link #retryable()}. */
public class OneStopException extends UpstreamException {

    public OneStopException(ErrorCode errorCode, String message, boolean retryable, Throwable cause) {
        super(errorCode, message, retryable, cause);
    }

    static OneStopException unavailable(String message, Throwable cause) {
        return new OneStopException(ErrorCode.ONESTOP_UNAVAILABLE, message, true, cause);
    }

    static OneStopException malformed(String message) {
        return new OneStopException(ErrorCode.ONESTOP_MALFORMED_REPLY, message, true, null);
    }

    static OneStopException rejected(String message) {
        return new OneStopException(ErrorCode.ONESTOP_REJECTED, message, false, null);
    }
}
