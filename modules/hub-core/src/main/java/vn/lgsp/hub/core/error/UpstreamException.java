package vn.lgsp.hub.core.error;

/**
 * A call to an upstream system (portal, one-stop-shop, document axis) did not succeed. {@link #retryable()} tells the
 * delivering flow whether the same call may succeed later (the system was down, slow, garbled or busy) or will fail
 * the same way until someone changes the data or the configuration (a business refusal, a refused login). Messages
 * never contain a name or a full personal ID.
 */
public class UpstreamException extends HubException {

    private final boolean retryable;

    public UpstreamException(ErrorCode errorCode, String message, boolean retryable) {
        super(errorCode, message);
        this.retryable = retryable;
    }

    public UpstreamException(ErrorCode errorCode, String message, boolean retryable, Throwable cause) {
        super(errorCode, message, cause);
        this.retryable = retryable;
    }

    /** Whether the hub should try the same call again later. */
    public boolean retryable() {
        return retryable;
    }
}
