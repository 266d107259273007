package vn.lgsp.hub.connector.onestop;

/**
 * The one-stop-shop's acknowledgement of a delivered dossier.
 *
 * @param receiptNumber the receipt number (số biên nhận) it issued; may be {@code null} when it answered a repeated
 *                      delivery with HTTP 409 and did not repeat the number
 * @param duplicate     whether it had already received a delivery with the same idempotency key
 */
public record OneStopReceipt(String receiptNumber, boolean duplicate) {
}
