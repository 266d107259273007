package vn.lgsp.hub.connector.docex.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * Business status of a received document (DOMAIN §3.2). The wire form is two digits; BKAV writes integers, so
 * {@code 1} reads as {@link #ARRIVED}. 103 and 104 are local states of one implementation and never travel.
 */
public enum StatusCode {
    /** 01 Đã đến: sent automatically once the receiver fetched the document. */
    ARRIVED(1),
    /** 02 Từ chối tiếp nhận. */
    REFUSED(2),
    /** 03 Đã tiếp nhận, waiting to be assigned. */
    RECEIVED(3),
    /** 04 Đã phân công. */
    ASSIGNED(4),
    /** 05 Đang xử lý. */
    IN_PROGRESS(5),
    /** 06 Hoàn thành. */
    DONE(6),
    /** 13 Thu hồi / yêu cầu lấy lại. */
    REVOCATION(13),
    /** 15 Revocation or update accepted. */
    REVOCATION_ACCEPTED(15),
    /** 16 Revocation or update refused. */
    REVOCATION_REFUSED(16);

    private final int number;

    StatusCode(int number) {
        this.number = number;
    }

    /** The two-digit wire code, e.g. {@code 01}. */
    public String wire() {
        return String.format("%02d", number);
    }

    public static Optional<StatusCode> fromWire(String raw) {
        return WireCodes.parse(raw).flatMap(n -> Arrays.stream(values()).filter(s -> s.number == n).findFirst());
    }
}
