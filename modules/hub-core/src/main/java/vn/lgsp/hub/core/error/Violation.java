package vn.lgsp.hub.core.error;

/**
 * One reason a request was refused: which field (JSON-pointer-like path, e.g. {@code applicant.personalId}),
 * the stable code and a message a person can act on. Messages never repeat a personal ID or a name.
 */
public record Violation(String field, ErrorCode code, String message) {
}
