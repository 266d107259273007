package vn.lgsp.hub.connector.docex.model;

import java.time.LocalDateTime;

/** One hop of a package: which organisation handled it and when (local time of Vietnam, as sent). */
public record TraceHeader(String organId, LocalDateTime timestamp) {
}
