package vn.lgsp.hub.app.web.limits;

import java.io.IOException;

/**
 * Thrown by the request's input stream once a body without a declared length passes its endpoint's limit. It is an
 * {@link IOException}, as any failure of the stream; {@link RequestBodyLimitFilter} answers 413 whoever saw it, and
 * {@link vn.lgsp.hub.app.web.ProblemHandler} maps it to {@code request.payload_too_large} too.
 */
public final class RequestBodyTooLargeException extends IOException {

    private final long limit;

    public RequestBodyTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes, the most accepted here");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** Whether {@code t} or one of its causes is this exception. */
    public static boolean in(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause() == x ? null : x.getCause()) {
            if (x instanceof RequestBodyTooLargeException) {
                return true;
            }
        }
        return false;
    }
}
