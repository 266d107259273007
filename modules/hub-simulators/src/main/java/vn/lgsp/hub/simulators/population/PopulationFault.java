package vn.lgsp.hub.simulators.population;

/** Ways a call to {@code /ws/population} can fail. A faulted call is counted but never answered with data. */
public enum PopulationFault {

  /** HTTP 500 with a plain-text body: a gateway error, not a SOAP fault. */
  HTTP_500,

  /** HTTP 503 with a plain-text body, as an LGSP in front of a saturated database answers. */
  HTTP_503,

  /** The connection is reset before any response byte (WireMock's {@code CONNECTION_RESET_BY_PEER}). */
  CONNECTION_RESET,

  /** HTTP 200, {@code text/xml}, but the envelope is cut off in the middle of the reply. */
  MALFORMED_REPLY,

  /**
   * HTTP 500 with a SOAP 1.1 {@code soap:Client} fault whose detail is the WSDL's declared {@code LoiDichVu}
   * ({@code MaLoi=E403}): the database refuses the call, for example for a procedure without the right to look up.
   */
  SOAP_FAULT_REFUSAL
}
