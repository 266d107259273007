package vn.lgsp.hub.connector.portal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the portal answers to a login or a call. {@code error_code} arrives as a string ({@code "0"}, {@code "00"},
 * {@code "-2"}) or as a number ({@code 0}); Jackson reads both into the string. Other fields vary by service and
 * are ignored.
 *
 * @param errorCode {@code error_code}; success, expired session or a business refusal, per configuration
 * @param message   the portal's explanation, when it gives one; may quote the data, so mask before use
 * @param session   the session token, on a successful login only
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PortalReply(
        @JsonProperty("error_code") String errorCode,
        @JsonProperty("message") String message,
        @JsonProperty("session") String session) {

    @Override
    public String toString() {
        return "PortalReply[errorCode=" + errorCode + ", session=" + (session == null ? null : "****") + "]";
    }
}
