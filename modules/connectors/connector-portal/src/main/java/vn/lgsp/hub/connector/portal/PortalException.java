package vn.lgsp.hub.connector.portal;

import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;

/**
 * A call to the portal did not succeed. {@link #retryable()} tells the calling flow whether the same call may
 * succeed later (the portal was down, slow, garbled or busy) or will fail the same way until someone changes the
 * data or the configuration (a business refusal, a refused login). Messages never contain a name or a full
 * personal ID.
 */
public class PortalException extends HubException {

    private final boolean retryable;

    public PortalException(ErrorCode errorCode, String message, boolean retryable) {
        super(errorCode, message);
        this.retryable = retryable;
    }

    public PortalException(ErrorCode errorCode, String message, boolean retryable, Throwable cause) {
        super(errorCode, message, cause);
        this.retryable = retryable;
    }

    /** Whether the hub should try the same call again later. */
    public boolean retryable() {
        return retryable;
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
        return new PortalException(errorCode(), getMessage(), retryable, this);
    }
}
