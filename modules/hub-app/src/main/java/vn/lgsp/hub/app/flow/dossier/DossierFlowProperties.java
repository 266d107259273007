package vn.lgsp.hub.app.flow.dossier;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * The dossier status sync flow (one-stop-shop → hub → portal).
 *
 * @param lifecycleLocation where the lifecycle table is; default {@code classpath:config/dossier-lifecycle.yml}
 *                          (the file under {@code config/}, packaged into the jar)
 * @param consumers         parallel delivery consumers; dossiers are spread over them, each dossier on one at a
 *                          time; default 4
 * @param retry             the delivery retry policy
 */
@ConfigurationProperties("hub.flow.dossier")
public record DossierFlowProperties(Resource lifecycleLocation, Integer consumers, Retry retry) {

    public DossierFlowProperties {
        consumers = consumers == null ? 4 : consumers;
        retry = retry == null ? new Retry(null, null, null, null, null, null, null) : retry;
    }

    /**
     * Transient failures (portal 5xx, connection reset, empty or malformed reply, timeout) are first retried in place
     * a few times, quickly; then the event is re-scheduled through the broker with exponential backoff, so that no
     * consumer thread waits on a dossier that is stuck, until {@code maxAttempts} or {@code maxDuration} is reached
     * and it is dead-lettered. Rejections by the portal are never retried.
     *
     * @param inPlaceAttempts attempts made in a row before re-scheduling; default 3
     * @param inPlaceDelay    delay before the second in-place attempt, doubling after; default 200ms
     * @param firstDelay      delay of the first re-scheduled round; default 2s
     * @param multiplier      factor applied to the delay at each round; default 2.0
     * @param maxDelay        cap of the delay between rounds; default 5m
     * @param maxAttempts     attempts in all (in place and re-scheduled) before dead-lettering; default 20
     * @param maxDuration     time since the first attempt after which the event is dead-lettered; default 24h
     */
    public record Retry(Integer inPlaceAttempts, Duration inPlaceDelay, Duration firstDelay, Double multiplier,
                        Duration maxDelay, Integer maxAttempts, Duration maxDuration) {
        public Retry {
            inPlaceAttempts = inPlaceAttempts == null ? 3 : inPlaceAttempts;
            inPlaceDelay = inPlaceDelay == null ? Duration.ofMillis(200) : inPlaceDelay;
            firstDelay = firstDelay == null ? Duration.ofSeconds(2) : firstDelay;
            multiplier = multiplier == null ? 2.0 : multiplier;
            maxDelay = maxDelay == null ? Duration.ofMinutes(5) : maxDelay;
            maxAttempts = maxAttempts == null ? 20 : maxAttempts;
            maxDuration = maxDuration == null ? Duration.ofHours(24) : maxDuration;
        }

        /** Delay before re-scheduled round {@code round} (1 for the first). */
        public Duration delayBeforeRound(int round) {
            double ms = firstDelay.toMillis() * Math.pow(multiplier, Math.max(0, round - 1));
            return ms >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) ms);
        }
    }
}
