package vn.lgsp.hub.connector.docex.axis;

/**
 * The axis' acknowledgement of a sent package.
 *
 * @param docId     the id the axis gave the package
 * @param duplicate whether the axis had already received a package with the same idempotency key (it then answers
 *                  with the first package's id and does not store it twice)
 */
public record AxisReceipt(String docId, boolean duplicate) {
}
