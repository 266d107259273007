package vn.lgsp.hub.simulators.axis;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.lgsp.hub.simulators.SimulatorReplies;
import vn.lgsp.hub.simulators.StandardFault;

/** The axis' answers: {@code {"status":"OK", ...}} or {@code {"status":"FAIL","errorCode","errorDesc"}}. */
final class AxisReplies {

  /** What a {@code MALFORMED_REPLY} fetch gets: a package cut off inside its envelope. */
  private static final byte[] CUT_PACKAGE = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
      + "<edXML:edXML xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"><edXML:edXMLEnvelope><edXML:edXMLHea")
      .getBytes(StandardCharsets.UTF_8);

  private AxisReplies() {
  }

  static ResponseDefinition ok(Map<String, ?> fields) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "OK");
    body.putAll(fields);
    return SimulatorReplies.json(200, body);
  }

  static ResponseDefinition fail(int httpStatus, String errorCode, String errorDesc) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "FAIL");
    body.put("errorCode", errorCode);
    body.put("errorDesc", errorDesc);
    return SimulatorReplies.json(httpStatus, body);
  }

  static ResponseDefinition fault(StandardFault fault, AxisOperation operation) {
    return SimulatorReplies.fault(fault,
        () -> operation == AxisOperation.FETCH
            ? SimulatorReplies.xml(200, CUT_PACKAGE)
            : SimulatorReplies.rawJson(200, "{\"status\":\"OK\",\"d"),
        () -> fail(400, "REJECTED", "Trục từ chối yêu cầu (từ chối mô phỏng)"));
  }
}
