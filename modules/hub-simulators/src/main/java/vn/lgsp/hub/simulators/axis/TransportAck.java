package vn.lgsp.hub.simulators.axis;

import java.time.Instant;

/**
 * A transport acknowledgement the axis received on {@code POST /vxp/edoc/{docId}/status}, in arrival order.
 *
 * @param docId   the axis document id
 * @param organId the recipient that acknowledged
 * @param status  {@code done}, {@code fail} or {@code processing}
 * @param at      when it arrived
 */
public record TransportAck(String docId, String organId, String status, Instant at) {
}
