package vn.lgsp.hub.connector.portal;

import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.UpstreamException;

/** A call to the portal did not succeed; see {@link UpstreamException} for what {@link #retryable()} means. */
public class PortalException extends UpstreamException {

    public PortalException(ErrorCode errorCode, String message, boolean retryable) {
        super(errorCode, message, retryable);
    }

    public PortalException(ErrorCode errorCode, String message, boolean retryable, Throwable cause) {
        super(errorCode, message, retryable, cause);
    }

    static PortalException unavailable(String message) {
        return new PortalException(ErrorCode.PORTAL_UNAVAILABLE, message, true);
    }

    static PortalException unavailable(String message, Throwable cause) {
        return new PortalException(ErrorCode.PORTAL_UNAVAILABLE, message, true, cause);
    }

    static PortalException malformed(String message) {
        return new PortalException(ErrorCode.PORTAL_MALFORMED_REPLY, message, true);
    }

    static PortalException rejected(String message) {
        return new PortalException(ErrorCode.PORTAL_REJECTED, message, false);
    }

    static PortalException authFailed(String message, boolean retryable) {
        return new PortalException(ErrorCode.PORTAL_AUTH_FAILED, message, retryable);
    }

    /** The same failure for another caller, so that each thread gets its own stack trace. */
    PortalException copy() {
        return new PortalException(errorCode(), getMessage(), retryable(), this);
    }
}
