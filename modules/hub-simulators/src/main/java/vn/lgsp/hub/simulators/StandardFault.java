package vn.lgsp.hub.simulators;

/**
 * The faults the simulators of the document exchange share (the same words as the portal's and the one-stop-shop's):
 * a faulted call is counted but records nothing. {@code DELAY}, the other kind an admin can ask for, is not a fault:
 * the call is processed and only its answer is late.
 */
public enum StandardFault {

  /** HTTP 500, plain text. */
  HTTP_500,

  /** HTTP 503, plain text, as behind a saturated gateway; also what a simulator that is down answers. */
  HTTP_503,

  /** The connection is reset before any response byte. */
  CONNECTION_RESET,

  /** The connection is closed without any response. */
  EMPTY_REPLY,

  /** A success status whose body is cut off, so that a client which does not parse it is caught. */
  MALFORMED_REPLY,

  /** The business refusal (4xx with a message), which a client must not retry. */
  REJECT
}
