package vn.lgsp.hub.app.security;

/**
 * How many calls a caller may make: {@code perSecond} on average, with bursts of up to {@code burst} calls.
 *
 * @param perSecond calls a second, refilled continuously; at least 1
 * @param burst     calls that may be made at once after a quiet period; at least {@code perSecond}
 */
public record RateLimit(int perSecond, int burst) {

    public RateLimit {
        if (perSecond < 1) {
            throw new IllegalArgumentException("per-second must be at least 1, not " + perSecond);
        }
        if (burst < perSecond) {
            throw new IllegalArgumentException("burst must be at least per-second (" + perSecond + "), not " + burst);
        }
    }
}
