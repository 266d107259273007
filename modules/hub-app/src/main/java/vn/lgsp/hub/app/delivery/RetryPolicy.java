package vn.lgsp.hub.app.delivery;

import java.time.Duration;

/**
 * How an ordered flow retries. Transient failures (upstream 5xx, connection reset, empty or malformed reply, timeout)
 * are first retried in place a few times, quickly; then the exchange is re-scheduled through the broker with
 * exponential backoff, so that no consumer thread waits on a subject that is stuck, until {@code maxAttempts} or
 * {@code maxDuration} is reached and it is dead-lettered. Rejections are never retried. Bound under
 * {@code hub.flow.<flow>.retry}.
 *
 * @param inPlaceAttempts attempts made in a row before re-scheduling; default 3
 * @param inPlaceDelay    delay before the second in-place attempt, doubling after; default 200ms
 * @param firstDelay      delay of the first re-scheduled round; default 2s
 * @param multiplier      factor applied to the delay at each round; default 2.0
 * @param maxDelay        cap of the delay between rounds; default 5m
 * @param maxAttempts     attempts in all (in place and re-scheduled) before dead-lettering; default 1000, so that
 *                        with the other defaults {@code maxDuration} is the limit that binds: an upstream away for
 *                        hours (a national system's maintenance window) must not dead-letter the backlog, and 20
 *                        attempts ran out two minutes into the long portal drill (docs/RELIABILITY.md)
 * @param maxDuration     time since the first attempt after which the exchange is dead-lettered; default 24h
 */
public record RetryPolicy(Integer inPlaceAttempts, Duration inPlaceDelay, Duration firstDelay, Double multiplier,
                          Duration maxDelay, Integer maxAttempts, Duration maxDuration) {

    public RetryPolicy {
        inPlaceAttempts = inPlaceAttempts == null ? 3 : inPlaceAttempts;
        inPlaceDelay = inPlaceDelay == null ? Duration.ofMillis(200) : inPlaceDelay;
        firstDelay = firstDelay == null ? Duration.ofSeconds(2) : firstDelay;
        multiplier = multiplier == null ? 2.0 : multiplier;
        maxDelay = maxDelay == null ? Duration.ofMinutes(5) : maxDelay;
        maxAttempts = maxAttempts == null ? 1000 : maxAttempts;
        maxDuration = maxDuration == null ? Duration.ofHours(24) : maxDuration;
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(null, null, null, null, null, null, null);
    }

    /** Delay before re-scheduled round {@code round} (1 for the first). */
    public Duration delayBeforeRound(int round) {
        double ms = firstDelay.toMillis() * Math.pow(multiplier, Math.max(0, round - 1));
        return ms >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) ms);
    }
}
