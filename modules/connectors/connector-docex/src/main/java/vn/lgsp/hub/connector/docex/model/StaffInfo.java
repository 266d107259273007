package vn.lgsp.hub.connector.docex.model;

/** {@code StaffInfo}: the officer who handled a package or a status change. */
public record StaffInfo(String department, String staff, String mobile, String email) {
}
