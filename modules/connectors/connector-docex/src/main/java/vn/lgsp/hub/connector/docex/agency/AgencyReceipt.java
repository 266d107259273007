package vn.lgsp.hub.connector.docex.agency;

/**
 * An agency's acknowledgement of a pushed package.
 *
 * @param organId    the agency
 * @param httpStatus what it answered: 200, 201 or 202 (a repeated idempotency key is answered 200 and not stored
 *                   twice, so a repeat cannot be told from a first delivery)
 */
public record AgencyReceipt(String organId, int httpStatus) {
}
