package vn.lgsp.hub.connector.business;

import java.time.Clock;
import vn.lgsp.hub.core.upstream.CallStatus;

/** How the business registration database's recent calls went (see {@link CallStatus}). */
public final class BusinessCallStatus extends CallStatus {

    public BusinessCallStatus(Clock clock) {
        super(clock);
    }
}
