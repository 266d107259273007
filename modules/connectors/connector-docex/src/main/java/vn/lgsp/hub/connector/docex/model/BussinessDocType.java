package vn.lgsp.hub.connector.docex.model;

import java.util.Arrays;
import java.util.Optional;

/** {@code BussinessDocType} (spelled as the standard spells it): what the package does to the document. */
public enum BussinessDocType {
    NEW(0), REVOKE(1), UPDATE(2), REPLACE(3);

    private final int wire;

    BussinessDocType(int wire) {
        this.wire = wire;
    }

    public int wire() {
        return wire;
    }

    /** The type for a wire value such as {@code 0} or {@code 1}; empty when it is not one of them. */
    public static Optional<BussinessDocType> fromWire(String raw) {
        return WireCodes.parse(raw).flatMap(n -> Arrays.stream(values()).filter(t -> t.wire == n).findFirst());
    }
}
