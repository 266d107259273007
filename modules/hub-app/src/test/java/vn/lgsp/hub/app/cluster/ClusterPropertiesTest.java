package vn.lgsp.hub.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClusterPropertiesTest {

    @Test
    void defaultsLeadOnASingleInstanceWithADistinctName() {
        ClusterProperties a = new ClusterProperties(null, null, null, null, null, null);
        ClusterProperties b = new ClusterProperties(null, "", null, null, null, null);
        assertThat(a.enabled()).isTrue();
        assertThat(a.region()).isEqualTo("lgsp-hub");
        assertThat(a.lease()).isEqualTo(Duration.ofSeconds(15));
        assertThat(a.heartbeat()).isEqualTo(Duration.ofSeconds(3));
        assertThat(a.retryInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(a.instanceId()).hasSizeLessThanOrEqualTo(ClusterProperties.MAX_ID).isNotEqualTo(b.instanceId());
    }

    @Test
    void aHeartbeatThatCannotRenewTwiceInALeaseIsRefused() {
        assertThatThrownBy(() -> new ClusterProperties(true, "hub-1", null, Duration.ofSeconds(5),
                Duration.ofSeconds(3), null)).hasMessageContaining("hub.cluster.heartbeat");
    }

    @Test
    void anInstanceIdTheLockTableCannotHoldIsRefused() {
        assertThatThrownBy(() -> new ClusterProperties(true, "x".repeat(37), null, null, null, null))
                .hasMessageContaining("hub.cluster.instance-id");
    }
}
