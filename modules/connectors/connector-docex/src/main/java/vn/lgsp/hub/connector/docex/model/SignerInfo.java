package vn.lgsp.hub.connector.docex.model;

/** {@code SignerInfo}: on whose authority, in which position and by whom the document was signed. */
public record SignerInfo(String competence, String position, String fullName) {
}
