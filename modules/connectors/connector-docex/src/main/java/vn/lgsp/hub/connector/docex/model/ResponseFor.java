package vn.lgsp.hub.connector.docex.model;

import java.time.LocalDate;

/** {@code ResponseFor}: the earlier document this one answers, or the document a status package is about. */
public record ResponseFor(String organId, String code, LocalDate promulgationDate, String documentId) {
}
