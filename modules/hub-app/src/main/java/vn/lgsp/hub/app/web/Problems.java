package vn.lgsp.hub.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.Violation;

/**
 * Builds the hub's RFC 9457 problem documents: {@code type} names the error code, {@code code} carries it for
 * machines, {@code errors} lists field-level violations.
 */
public final class Problems {

    private static final String TYPE_PREFIX = "urn:lgsp-hub:error:";

    private Problems() {
    }

    public static ProblemDetail of(ErrorCode code, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(code.httpStatus()), detail);
        p.setType(URI.create(TYPE_PREFIX + code.code()));
        p.setTitle(code.title());
        p.setProperty("code", code.code());
        return p;
    }

    public static ProblemDetail of(ErrorCode code, String detail, List<Violation> violations) {
        ProblemDetail p = of(code, detail);
        if (violations.size() > 0) {
            p.setProperty("errors", violations.stream()
                    .map(v -> Map.of("field", v.field(), "code", v.code().code(), "message", v.message()))
                    .toList());
        }
        return p;
    }

    public static ResponseEntity<ProblemDetail> response(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    /**
     * The problem document of {@code code} as JSON text, for Tomcat's error report ({@link ProblemErrorReportValve}),
     * which answers without a servlet response; {@code status} is the one Tomcat answers with, which for a code
     * chosen by status range may differ from {@code code.httpStatus()}.
     */
    public static String json(ObjectMapper json, ErrorCode code, int status, String detail)
            throws JsonProcessingException {
        ProblemDetail p = of(code, detail);
        p.setStatus(status);
        return json.writeValueAsString(p);
    }

    /** For filters that answer before Spring MVC is involved (authentication). */
    public static void write(HttpServletResponse response, ObjectMapper json, ErrorCode code, String detail)
            throws IOException {
        response.setStatus(code.httpStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), of(code, detail));
    }
}
