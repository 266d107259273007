package vn.lgsp.hub.connector.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import vn.lgsp.hub.core.error.ErrorCode;

class PortalHealthIndicatorTest {

    private final PortalCallStatus status =
            new PortalCallStatus(Clock.fixed(Instant.parse("2026-11-22T02:15:00Z"), ZoneOffset.UTC));
    private final PortalHealthIndicator indicator = new PortalHealthIndicator(status);

    @Test
    void unknownBeforeTheFirstCall() {
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void downAfterAFailureAndUpOnceThePortalAnswersAgain() {
        status.failed(PortalException.unavailable("no reply"));
        status.failed(PortalException.unavailable("no reply"));

        Health down = indicator.health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails()).containsEntry("consecutiveFailures", 2)
                .containsEntry("lastErrorCode", ErrorCode.PORTAL_UNAVAILABLE.code())
                .containsEntry("lastFailureAt", "2026-11-22T02:15:00Z");

        status.rejected(PortalException.rejected("error_code -1"));
        Health up = indicator.health();
        assertThat(up.getStatus()).isEqualTo(Status.UP);
        assertThat(up.getDetails()).containsEntry("consecutiveFailures", 0)
                .containsEntry("lastAnswerAt", "2026-11-22T02:15:00Z");
    }
}
