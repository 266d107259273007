package vn.lgsp.hub.simulators.portal;

/**
 * Ways a call to {@code /adapter/api} can fail. A faulted call is counted but never recorded, so a
 * client that retries after it must still end with exactly one accepted item.
 */
public enum PortalFault {

  /** HTTP 500 with a plain-text body. */
  HTTP_500,

  /** HTTP 503 with a plain-text body, as a portal behind a saturated gateway answers. */
  HTTP_503,

  /** The connection is reset before any response byte (WireMock's {@code CONNECTION_RESET_BY_PEER}). */
  CONNECTION_RESET,

  /** The connection is closed without any response (WireMock's {@code EMPTY_RESPONSE}). */
  EMPTY_REPLY,

  /**
   * HTTP 200, {@code Content-Type: application/json}, but the body is JSON cut off right after a
   * success code, so a client that looks for {@code "error_code":"0"} without parsing is caught.
   */
  MALFORMED_REPLY
}
