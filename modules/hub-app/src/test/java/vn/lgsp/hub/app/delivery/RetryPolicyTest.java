package vn.lgsp.hub.app.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void delaysGrowByTheMultiplierUpToTheCap() {
        RetryPolicy retry = new RetryPolicy(3, Duration.ofMillis(200),
                Duration.ofSeconds(2), 2.0, Duration.ofSeconds(20), 20, Duration.ofHours(24));
        assertThat(retry.delayBeforeRound(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(retry.delayBeforeRound(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(retry.delayBeforeRound(4)).isEqualTo(Duration.ofSeconds(16));
        assertThat(retry.delayBeforeRound(5)).isEqualTo(Duration.ofSeconds(20));
        assertThat(retry.delayBeforeRound(500)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void unsetValuesTakeTheDocumentedDefaults() {
        RetryPolicy retry = RetryPolicy.defaults();
        assertThat(retry.inPlaceAttempts()).isEqualTo(3);
        assertThat(retry.firstDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(retry.maxDelay()).isEqualTo(Duration.ofMinutes(5));
        assertThat(retry.maxAttempts()).isEqualTo(1000);
        assertThat(retry.maxDuration()).isEqualTo(Duration.ofHours(24));
    }
}
