package vn.lgsp.hub.connector.docex.axis;

import java.util.Locale;

/**
 * The transport acknowledgement of a fetched package ("I fetched it"), separate from the business StatusCode, which
 * travels as a status package. {@code DONE} removes the entry from the received list; {@code FAIL} leaves it there.
 */
public enum AckStatus {
    DONE, FAIL, PROCESSING;

    /** As on the wire: {@code done}, {@code fail} or {@code processing}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads the wire form or the constant's name, case-insensitively. */
    public static AckStatus parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
