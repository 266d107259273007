package vn.lgsp.hub.app.flow.identity.soap;

import java.util.List;
import vn.lgsp.hub.app.ws.citizens.HubFault;
import vn.lgsp.hub.app.ws.citizens.HubFaultDetail;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.Violation;

/**
 * The hub's error model as a SOAP fault: the declared {@code HubFault}, whose {@code hubFault} detail carries the
 * stable code, a message and the violations, as a REST problem document carries {@code code}, {@code detail} and
 * {@code errors}. The faultstring is the same message.
 */
final class SoapFaults {

    static final String INTERNAL_MESSAGE = "Internal error; quote the correlation id to the operator";

    private SoapFaults() {
    }

    static HubFault fault(ErrorCode code, String message) {
        return fault(code, message, List.of());
    }

    static HubFault fault(ErrorCode code, String message, List<Violation> violations) {
        return new HubFault(message, detail(code, message, violations));
    }

    static HubFaultDetail detail(ErrorCode code, String message, List<Violation> violations) {
        HubFaultDetail detail = new HubFaultDetail();
        detail.setCode(code.code());
        detail.setMessage(message);
        for (Violation v : violations) {
            vn.lgsp.hub.app.ws.citizens.Violation x = new vn.lgsp.hub.app.ws.citizens.Violation();
            x.setField(v.field());
            x.setCode(v.code().code());
            x.setMessage(v.message());
            detail.getViolation().add(x);
        }
        return detail;
    }

    /** Whether the fault is the caller's (a 4xx over REST: soap:Client) rather than the hub's (soap:Server). */
    static boolean callersFault(String code) {
        for (ErrorCode c : ErrorCode.values()) {
            if (c.code().equals(code)) {
                return c.httpStatus() < 500;
            }
        }
        return false;
    }
}
