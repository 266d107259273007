package vn.lgsp.hub.app.delivery;

/**
 * The three queues of an ordered flow.
 *
 * @param events    accepted exchanges waiting for delivery; message groups keyed by subject
 * @param parked    exchanges parked behind an earlier exchange of the same subject that is not delivered yet
 * @param deadLetter retries exhausted, rejected upstream, or poison messages moved there by the broker
 */
public record DeliveryQueues(String events, String parked, String deadLetter) {
}
