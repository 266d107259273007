package vn.lgsp.hub.connector.onestop;

import java.time.Clock;
import vn.lgsp.hub.core.upstream.CallStatus;

/** How recent deliveries to the one-stop-shop went (see {@link CallStatus}): a rejection is an answer, the one-stop-shop is up. */
public final class OneStopCallStatus extends CallStatus {

    public OneStopCallStatus(Clock clock) {
        super(clock);
    }
}
