package vn.lgsp.hub.core.error;

/** Base of every exception the hub throws on purpose; it always carries a stable {@link ErrorCode}. */
public class HubException extends RuntimeException {

    private final ErrorCode errorCode;

    public HubException(ErrorCode errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public HubException(ErrorCode errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }
}
