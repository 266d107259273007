package vn.lgsp.hub.connector.docex.model;

import java.util.List;

/** {@code ReplacementInfo}: a document being replaced and the organisations that received it. */
public record ReplacementInfo(String documentId, List<String> organIds) {

    public ReplacementInfo {
        organIds = List.copyOf(organIds == null ? List.of() : organIds);
    }
}
