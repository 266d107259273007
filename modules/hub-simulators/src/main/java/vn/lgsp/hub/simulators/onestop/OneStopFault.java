package vn.lgsp.hub.simulators.onestop;

/**
 * Ways a delivery to {@code /api/intake/dossiers} can fail; the same words as the portal simulator's faults. A
 * faulted delivery is counted as a call but never recorded, and its idempotency key stays unknown.
 */
public enum OneStopFault {

  /** HTTP 500, plain text. */
  HTTP_500,

  /** HTTP 503, plain text, as behind a saturated gateway. */
  HTTP_503,

  /** The connection is reset before any response byte. */
  CONNECTION_RESET,

  /** The connection is closed without any response. */
  EMPTY_REPLY,

  /** HTTP 201 whose JSON body is cut off inside the receipt number. */
  MALFORMED_REPLY,

  /** HTTP 422 with {@code {"message": …}}: the business refusal, which a client must not retry. */
  REJECT
}
