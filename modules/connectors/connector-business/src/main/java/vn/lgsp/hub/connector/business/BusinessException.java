package vn.lgsp.hub.connector.business;

import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.UpstreamException;

/**
 * A call to the national business registration database did not succeed, with one of the generic {@code upstream.*} codes: the problem document and the
 * exchange log name the system by its connector code, so the connector needs no error code of its own.
 */
public class BusinessException extends UpstreamException {

    public BusinessException(ErrorCode errorCode, String message, boolean retryable, Throwable cause) {
        super(errorCode, message, retryable, cause);
    }

    /** Down, slow, cut off or answering with a server error: the same call may succeed later. */
    static BusinessException unavailable(String message, Throwable cause) {
        return new BusinessException(ErrorCode.UPSTREAM_UNAVAILABLE, message, true, cause);
    }

    /** A reply that could not be read; retrying may get a readable one. */
    static BusinessException malformed(String message) {
        return new BusinessException(ErrorCode.UPSTREAM_MALFORMED_REPLY, message, true, null);
    }

    /** The system refused the request (or the hub's credential): the same call will be refused again. */
    static BusinessException rejected(String message) {
        return new BusinessException(ErrorCode.UPSTREAM_REJECTED, message, false, null);
    }

    /** The system has no record with the key. */
    static BusinessException notFound(String message) {
        return new BusinessException(ErrorCode.UPSTREAM_NOT_FOUND, message, false, null);
    }
}
