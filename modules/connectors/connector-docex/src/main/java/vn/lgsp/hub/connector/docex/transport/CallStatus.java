package vn.lgsp.hub.connector.docex.transport;

import java.time.Clock;

/**
 * How this connector's recent calls went (see {@link vn.lgsp.hub.core.upstream.CallStatus}): a refusal is an answer,
 * the system is up. A type of the connector's own, for its health indicator.
 */
public final class CallStatus extends vn.lgsp.hub.core.upstream.CallStatus {

    public CallStatus(Clock clock) {
        super(clock);
    }
}
