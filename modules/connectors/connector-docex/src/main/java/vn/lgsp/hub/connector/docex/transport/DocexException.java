package vn.lgsp.hub.connector.docex.transport;

import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.UpstreamException;

/**
 * A call to the national document axis or a push to a provincial agency did not succeed; see
 * {@link UpstreamException} for {@link #retryable()}. The codes are {@code axis.*} and {@code agency.*} (plus
 * {@code document.too_large} for a fetched package above {@code hub.connector.docex.max-package-size}).
 */
public class DocexException extends UpstreamException {

    public DocexException(ErrorCode errorCode, String message, boolean retryable, Throwable cause) {
        super(errorCode, message, retryable, cause);
    }
}
