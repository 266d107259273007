package vn.lgsp.hub.connector.docex.model;

/** What an edXML reader gives back: a document package or a status package; match on the type to tell which. */
public sealed interface EdxmlMessage permits EdxmlPackage, StatusPackage {

    TraceHeaderList traceHeaderList();

    SignatureVerification signature();

    /** The envelope as it arrived when the package was signed (whatever the verdict), else null. */
    SignedEnvelope signedEnvelope();
}
