package vn.lgsp.hub.app.ops;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator API ({@code /api/v1/ops/**}).
 *
 * @param zone      the time zone in which a reconciliation date is a day; default {@code Asia/Ho_Chi_Minh}
 * @param replayMax the most exchange ids one selection replay ({@code POST /api/v1/ops/dead-letters/replay}) or
 *                  re-send by ids may name; default 100
 * @param resendMax the most missing exchanges one re-send of a whole day takes on; the answer says when there were
 *                  more, and calling again goes on; default 500
 */
@ConfigurationProperties("hub.ops")
public record OpsProperties(ZoneId zone, Integer replayMax, Integer resendMax) {

    public OpsProperties {
        zone = zone == null ? ZoneId.of("Asia/Ho_Chi_Minh") : zone;
        replayMax = replayMax == null ? 100 : replayMax;
        resendMax = resendMax == null ? 500 : resendMax;
    }
}
