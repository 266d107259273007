package vn.lgsp.hub.simulators.axis;

/**
 * A package the axis received from elsewhere for a provincial agency, as {@code received} will list it.
 *
 * @param docId the axis document id
 * @param seq   its position in {@code received}: the hub's cursor passes it
 */
public record InboxDelivery(String docId, long seq) {
}
