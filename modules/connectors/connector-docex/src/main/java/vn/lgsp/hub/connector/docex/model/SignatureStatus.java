package vn.lgsp.hub.connector.docex.model;

/** Outcome of checking a package's XML signature. Whether INVALID or ABSENT is refused is the caller's choice. */
public enum SignatureStatus {
    VALID, INVALID, ABSENT
}
