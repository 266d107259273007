package vn.lgsp.hub.connector.docex.axis;

import java.util.Locale;

/** What a package on the axis is: header {@code messagetype} of a send, field {@code messagetype} of a listing. */
public enum MessageType {
    /** An edXML document package. */
    EDOC,
    /** A status package (the business StatusCode of a document). */
    STATUS;

    /** As on the wire: {@code edoc} or {@code status}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads the wire form, case-insensitively; {@code null} when it is neither. */
    public static MessageType fromWire(String value) {
        for (MessageType type : values()) {
            if (type.wire().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return type;
            }
        }
        return null;
    }
}
