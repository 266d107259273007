package vn.lgsp.hub.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.function.Supplier;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.MediaType;
import vn.lgsp.hub.core.error.ErrorCode;

/**
 * Tomcat's error report for the requests Tomcat refuses itself, before the hub's filters, Spring Security's firewall
 * or Spring MVC see them, and which therefore never reach {@link ProblemHandler}: a path with an encoded {@code /}
 * ({@code %2f}), {@code \} ({@code %5c}) or NUL ({@code %00}), a path that is not valid UTF-8 (overlong
 * {@code %C0%AF}, {@code %FF}), a header too large ({@code server.max-http-request-header-size}) or with a bare CR or
 * a NUL. Tomcat's own report is an HTML page without a stable code; this one writes the hub's
 * {@code application/problem+json} document ({@link Problems}) with {@code request.rejected} for a 400,
 * {@code request.payload_too_large} for a 413, the matching code for the other statuses the hub has one for, and
 * {@code hub.internal_error} for a 5xx. Like Tomcat's report with {@code showReport} off, it never quotes the request
 * or the exception.
 *
 * <p>It reports only when nothing was written yet: an error the application answered itself (every problem document,
 * Spring Boot's {@code /error}) is left as it is. Installed on the host by {@link TomcatErrorReports}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private final Supplier<ObjectMapper> json;

    /** @param json the application's mapper, looked up on first use (the valve is built before the context). */
    public ProblemErrorReportValve(Supplier<ObjectMapper> json) {
        this.json = json;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as ErrorReportValve: nothing for a success or redirect, nor once a body was written or reported
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ErrorCode code = codeFor(status);
        try {
            String body = Problems.json(json.get(), code, status, code.title());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) { // null: the response was committed already; nothing more can be said
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client has gone, or the response cannot take a body any more: the status line is all it gets
        }
    }

    /** The hub's code for a status Tomcat answers with on its own. */
    static ErrorCode codeFor(int status) {
        return switch (status) {
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            // 400, and any other refusal of the request line or headers (414, 417, 431; 501 for an unknown method or
            // transfer coding, 505 for an unknown HTTP version)
            default -> status < 500 || status == 501 || status == 505 ? ErrorCode.REJECTED_REQUEST
                    : ErrorCode.INTERNAL;
        };
    }
}
