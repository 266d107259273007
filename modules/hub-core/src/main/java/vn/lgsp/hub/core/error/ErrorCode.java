package vn.lgsp.hub.core.error;

/**
 * The hub's one error model: every refusal and failure carries one of these stable codes, over REST
 * ({@code application/problem+json}, field {@code code}), in SOAP faults, in the exchange log and in metrics.
 * Codes are part of the public contract: add new ones, never rename or reuse one.
 */
public enum ErrorCode {
    // request shape
    MALFORMED_JSON("request.malformed_json", 400, "The request body is not well-formed JSON"),
    REJECTED_REQUEST("request.rejected", 400, "The request's path or headers are not acceptable (encoded separators, traversal, control characters)"),
    MALFORMED_XML("request.malformed_xml", 400, "The request body is not a well-formed SOAP message of an operation offered here"),
    MISSING_FIELD("request.missing_field", 400, "A required field is missing"),
    INVALID_FIELD("request.invalid_field", 400, "A field has the wrong type or an invalid value"),
    UNSUPPORTED_MEDIA_TYPE("request.unsupported_media_type", 415, "The content type is not accepted here"),
    METHOD_NOT_ALLOWED("request.method_not_allowed", 405, "This method is not allowed on this path"),
    NOT_FOUND("request.not_found", 404, "No such resource"),
    PAYLOAD_TOO_LARGE("request.payload_too_large", 413, "The request body is too large"),
    RATE_LIMITED("request.rate_limited", 429, "The client has made more calls than its rate limit allows; wait as Retry-After says"),

    // identifiers and domain rules
    INVALID_DOSSIER_CODE("dossier.invalid_code", 400, "The dossier code is not of a known form"),
    INVALID_AGENCY_CODE("agency.invalid_code", 400, "The agency code is not of a known form"),
    INVALID_PROCEDURE_CODE("procedure.invalid_code", 400, "The procedure code is not of a known form"),
    INVALID_PERSONAL_ID("personal_id.invalid", 400, "The personal identification number fails its structure check"),
    UNKNOWN_STATUS("dossier.unknown_status", 400, "The dossier status is not one of the DVCQG codes 1-10"),
    TRANSITION_NOT_ALLOWED("dossier.transition_not_allowed", 409, "The dossier lifecycle does not allow this status change"),

    // exchanges
    EXCHANGE_NOT_FOUND("exchange.not_found", 404, "No exchange with this id is visible to you"),
    EXCHANGE_NOT_REPLAYABLE("exchange.not_replayable", 409, "The exchange is not dead-lettered"),

    // documents (edXML packages and status packages, document exchange)
    DOCUMENT_MALFORMED_XML("document.malformed_xml", 400, "The edXML package is not well-formed XML"),
    DOCUMENT_FORBIDDEN_XML("document.forbidden_xml", 400, "The edXML package contains a DTD or an entity reference; neither is ever accepted"),
    DOCUMENT_TOO_LARGE("document.too_large", 413, "The edXML package is larger than the hub accepts"),
    DOCUMENT_TOO_COMPLEX("document.too_complex", 400, "The edXML package exceeds a nesting, element-count, attribute or text-size limit"),
    DOCUMENT_INVALID("document.invalid", 400, "The edXML package lacks a required field or has a field of the wrong form"),
    DOCUMENT_MISSING_ATTACHMENT("document.missing_attachment", 400, "The edXML manifest and attachments do not match, or an attachment is not valid base64"),
    DOCUMENT_SIGNATURE_INVALID("document.signature_invalid", 422, "The edXML package's XML signature does not verify"),
    DOCUMENT_UNKNOWN("document.unknown", 422, "The status package is about a document the hub has not carried to its sender"),

    // citizens
    CITIZEN_NOT_FOUND("citizen.not_found", 404, "The population database has no citizen with this personal ID"),

    // security
    UNAUTHENTICATED("auth.unauthenticated", 401, "Missing or invalid credentials"),
    FORBIDDEN("auth.forbidden", 403, "This client may not call this service"),

    // availability of the hub's own infrastructure
    BROKER_UNAVAILABLE("hub.broker_unavailable", 503, "The message broker is unavailable; nothing was accepted, try again"),
    STORE_UNAVAILABLE("hub.store_unavailable", 503, "The exchange log is unavailable; nothing was accepted, try again"),
    BUSY("hub.busy", 503, "The hub has as many requests in progress as it takes at once; try again shortly (Retry-After)"),
    INTERNAL("hub.internal_error", 500, "Internal error"),

    // upstream systems (delivery outcomes; seen in the exchange log and by operators)
    PORTAL_UNAVAILABLE("portal.unavailable", 503, "The national portal did not answer in time or answered with a server error"),
    PORTAL_MALFORMED_REPLY("portal.malformed_reply", 502, "The national portal's reply could not be understood"),
    PORTAL_REJECTED("portal.rejected", 422, "The national portal rejected the data"),
    PORTAL_AUTH_FAILED("portal.auth_failed", 502, "The hub could not log in to the national portal"),
    POPULATION_UNAVAILABLE("population.unavailable", 503, "The population database did not answer in time, answered with a server error, or is cut off by the circuit breaker"),
    POPULATION_MALFORMED_REPLY("population.malformed_reply", 502, "The population database's reply could not be understood"),
    POPULATION_REJECTED("population.rejected", 422, "The population database refused the request"),
    ONESTOP_UNAVAILABLE("onestop.unavailable", 503, "The one-stop-shop did not answer in time or answered with a server error"),
    ONESTOP_MALFORMED_REPLY("onestop.malformed_reply", 502, "The one-stop-shop's reply could not be understood"),
    ONESTOP_REJECTED("onestop.rejected", 422, "The one-stop-shop rejected the dossier"),

    // document axis and agencies
    AXIS_UNAVAILABLE("axis.unavailable", 503, "The national document axis did not answer in time or answered with a server error"),
    AXIS_MALFORMED_REPLY("axis.malformed_reply", 502, "The national document axis's reply could not be understood"),
    AXIS_REJECTED("axis.rejected", 422, "The national document axis refused the request"),
    AXIS_AUTH_FAILED("axis.auth_failed", 502, "The national document axis refused the hub's system id and secret"),
    AGENCY_UNAVAILABLE("agency.unavailable", 503, "The receiving agency did not answer in time or answered with a server error"),
    AGENCY_REJECTED("agency.rejected", 422, "The receiving agency refused the document"),

    // any other upstream system, reached by a connector module or a route file: the problem document and the
    // exchange log name the system in a separate field (its connector code), so a new connector needs no new code here
    UPSTREAM_UNAVAILABLE("upstream.unavailable", 503, "The upstream system did not answer in time, answered with a server error, or is cut off by the circuit breaker"),
    UPSTREAM_MALFORMED_REPLY("upstream.malformed_reply", 502, "The upstream system's reply could not be understood"),
    UPSTREAM_REJECTED("upstream.rejected", 422, "The upstream system refused the request"),
    UPSTREAM_NOT_FOUND("upstream.not_found", 404, "The upstream system has no record with this key");

    private final String code;
    private final int httpStatus;
    private final String title;

    ErrorCode(String code, int httpStatus, String title) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.title = title;
    }

    /** The stable, dotted snake_case code, e.g. {@code dossier.invalid_code}. */
    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String title() {
        return title;
    }
}
