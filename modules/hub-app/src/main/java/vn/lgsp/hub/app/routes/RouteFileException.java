package vn.lgsp.hub.app.routes;

/** A route file that cannot be loaded; the message names the file and, where known, the line. */
public class RouteFileException extends RuntimeException {

    public RouteFileException(String message) {
        super(message);
    }

    public RouteFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
