package vn.lgsp.hub.connector.docex.model;

/**
 * The signature of a package: absent, or present and found valid or invalid. {@code reason} says briefly why it is
 * invalid; {@code signer} names the key that signed (the certificate's subject, or {@code KeyValue}) and says nothing
 * about whether that key is trusted, which is decided per sender elsewhere.
 */
public record SignatureVerification(SignatureStatus status, String reason, String signer) {

    public static SignatureVerification absent() {
        return new SignatureVerification(SignatureStatus.ABSENT, null, null);
    }

    public static SignatureVerification valid(String signer) {
        return new SignatureVerification(SignatureStatus.VALID, null, signer);
    }

    public static SignatureVerification invalid(String reason) {
        return new SignatureVerification(SignatureStatus.INVALID, reason, null);
    }

    public boolean present() {
        return status != SignatureStatus.ABSENT;
    }
}
