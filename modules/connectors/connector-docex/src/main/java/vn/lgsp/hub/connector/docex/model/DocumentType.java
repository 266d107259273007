package vn.lgsp.hub.connector.docex.model;

/** {@code DocumentType}: the type code (no official list was found; one SDK uses 18 for Công văn) and its name. */
public record DocumentType(String type, String typeName) {
}
