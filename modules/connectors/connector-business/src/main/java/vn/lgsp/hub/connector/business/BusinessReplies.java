package vn.lgsp.hub.connector.business;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import vn.lgsp.hub.connector.business.wire.DkdnEnterprise;
import vn.lgsp.hub.connector.business.wire.DkdnError;

/**
 * Reads the database's answers: a 2xx is the enterprise, every other status and every failure to get an answer a
 * {@link BusinessException}:
 * <ul>
 *   <li>404: {@code upstream.not_found}, not retryable;</li>
 *   <li>400 (the database found the code malformed, though the hub checked it): {@code upstream.rejected};</li>
 *   <li>401, 403: {@code upstream.rejected}, about the hub's API key;</li>
 *   <li>408, 429, 5xx, no answer (refused, reset, timeout): {@code upstream.unavailable}, retryable;</li>
 *   <li>a 2xx that is not an enterprise (not JSON, no code or name, another enterprise's code, a bad date):
 *       {@code upstream.malformed_reply}, retryable.</li>
 * </ul>
 * Bodies are never quoted in a message: they name the legal representative. Only the database's error code
 * ({@code maLoi}) is kept.
 */
public class BusinessReplies {

    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The reply to one lookup of {@code key}: HTTP status and body. */
    public Enterprise read(int status, byte[] body, String key) {
        if (status >= 200 && status < 300) {
            return enterprise(body, key);
        }
        throw failure(status, errorCode(body));
    }

    /** Why a call got no answer at all: refused or reset connection, timeout. Only the exception's type is kept. */
    public BusinessException unreachable(Throwable cause) {
        String type = cause == null ? "unknown" : cause.getClass().getSimpleName();
        return BusinessException.unavailable("no answer from the business registration database (" + type + ")",
                null);
    }

    private Enterprise enterprise(byte[] body, String key) {
        DkdnEnterprise wire;
        try {
            wire = body == null || body.length == 0 ? null : json.readValue(body, DkdnEnterprise.class);
        } catch (IOException e) {
            // the parser's message can quote the body; its type says enough
            throw BusinessException.malformed("the business registration database answered with a body that is not"
                    + " an enterprise (" + e.getClass().getSimpleName() + ")");
        }
        if (wire == null || isBlank(wire.maSoDoanhNghiep()) || isBlank(wire.tenDoanhNghiep())) {
            throw BusinessException.malformed("the business registration database answered without the enterprise's"
                    + " code or name");
        }
        if (!wire.maSoDoanhNghiep().trim().equals(key)) {
            throw BusinessException.malformed("the business registration database answered about another enterprise"
                    + " than " + key);
        }
        return EnterpriseMapper.toEnterprise(wire);
    }

    /** The database's {@code maLoi}, if the body is its error object and the code looks like one. */
    private String errorCode(byte[] body) {
        try {
            DkdnError error = body == null || body.length == 0 ? null : json.readValue(body, DkdnError.class);
            String code = error == null ? null : error.maLoi();
            return code != null && code.matches("[A-Z_]{1,40}") ? code : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static BusinessException failure(int status, String maLoi) {
        String said = maLoi == null ? "" : " (" + maLoi + ")";
        return switch (status) {
            case 404 -> BusinessException.notFound("the business registration database has no enterprise with this"
                    + " code" + said);
            case 400 -> BusinessException.rejected("the business registration database refused the enterprise code"
                    + said);
            case 401, 403 -> BusinessException.rejected("the business registration database refused the hub's"
                    + " credential with HTTP " + status + said + "; check hub.connector.business.api-key");
            case 408, 429 -> BusinessException.unavailable("the business registration database answered HTTP "
                    + status, null);
            default -> status >= 500
                    ? BusinessException.unavailable("the business registration database answered HTTP " + status,
                            null)
                    : BusinessException.rejected("the business registration database refused the request with HTTP "
                            + status + said);
        };
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
