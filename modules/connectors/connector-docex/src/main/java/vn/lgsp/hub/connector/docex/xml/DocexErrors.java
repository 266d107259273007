package vn.lgsp.hub.connector.docex.xml;

import javax.xml.stream.XMLStreamException;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;
import vn.lgsp.hub.core.error.ValidationException;
import vn.lgsp.hub.core.error.Violation;

/** The refusals of the edXML reader, each with its stable code. */
final class DocexErrors {

    private DocexErrors() {
    }

    static HubException tooComplex(String message) {
        return new HubException(ErrorCode.DOCUMENT_TOO_COMPLEX, message);
    }

    static HubException forbidden(String message) {
        return new HubException(ErrorCode.DOCUMENT_FORBIDDEN_XML, message);
    }

    static ValidationException invalid(String field, String message) {
        return new ValidationException(new Violation(field, ErrorCode.DOCUMENT_INVALID, message));
    }

    /**
     * A parser error, unless a limit of ours fired underneath it (the size limit fires inside the parser's reads, and
     * some parsers wrap what a stream throws).
     */
    static HubException fromParser(XMLStreamException ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HubException hub) {
                return hub;
            }
            if (t instanceof XMLStreamException xse && xse.getNestedException() instanceof HubException hub) {
                return hub;
            }
        }
        String where = ex.getLocation() == null ? ""
                : " at line " + ex.getLocation().getLineNumber() + ", column " + ex.getLocation().getColumnNumber();
        return new HubException(ErrorCode.DOCUMENT_MALFORMED_XML, "The package is not well-formed XML" + where, ex);
    }
}
