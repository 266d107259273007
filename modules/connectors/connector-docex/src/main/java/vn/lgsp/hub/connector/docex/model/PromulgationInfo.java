package vn.lgsp.hub.connector.docex.model;

import java.time.LocalDate;

/** {@code PromulgationInfo}: where and on which day the document was issued. */
public record PromulgationInfo(String place, LocalDate promulgationDate) {
}
