package vn.lgsp.hub.connector.docex.model;

/** {@code Code}: the document's number and notation, e.g. {@code 125} and {@code UBND-VP} for "125/UBND-VP". */
public record DocumentCode(String codeNumber, String codeNotation) {
}
