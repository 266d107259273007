package vn.lgsp.hub.connector.docex.signature;

import java.security.Key;
import java.security.KeyException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorException;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyValue;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import vn.lgsp.hub.connector.docex.model.SignatureVerification;

/**
 * Checks the XML-DSig signature in a package's envelope with the JDK's {@code javax.xml.crypto.dsig}, in secure
 * validation mode. The key is the one the signature carries ({@code KeyInfo} with an {@code X509Certificate} or a
 * {@code KeyValue}); whether that key belongs to the sender and is trusted is decided by the caller, per sender. The
 * verifier reports, it never refuses: {@code VALID}, {@code INVALID} with a short reason, or {@code ABSENT}.
 * <p>
 * The signature is checked against the envelope as the reader keeps it, a document whose root is
 * {@code edXMLEnvelope}: a reference {@code URI=""} (with the enveloped-signature transform) covers the header and the
 * manifest; {@code URI="#id"} points at an element with an {@code Id}, {@code ID} or {@code id} attribute. Attachment
 * content lies outside the envelope and is not covered.
 */
public class SignatureVerifier {

    private static final String SECURE_VALIDATION = "org.jcp.xml.dsig.secureValidation";

    private final XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");

    public SignatureVerification verify(Document envelope) {
        NodeList signatures = envelope.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        if (signatures.getLength() == 0) {
            return envelope.getElementsByTagNameNS("*", "Signature").getLength() == 0
                    ? SignatureVerification.absent()
                    : SignatureVerification.invalid("a Signature element outside the XML-DSig namespace");
        }
        if (signatures.getLength() > 1) {
            return SignatureVerification.invalid("more than one signature");
        }
        registerIds(envelope.getDocumentElement());
        DOMValidateContext context = new DOMValidateContext(new EmbeddedKeySelector(), signatures.item(0));
        context.setProperty(SECURE_VALIDATION, Boolean.TRUE);
        try {
            XMLSignature signature = factory.unmarshalXMLSignature(context);
            if (signature.validate(context)) {
                return SignatureVerification.valid(((SelectedKey) signature.getKeySelectorResult()).signer());
            }
            return SignatureVerification.invalid(whyInvalid(signature, context));
        } catch (MarshalException ex) {
            return SignatureVerification.invalid("the signature cannot be read: " + ex.getMessage());
        } catch (XMLSignatureException ex) {
            Throwable cause = ex.getCause() == null ? ex : ex.getCause();
            return SignatureVerification.invalid("the signature cannot be checked: " + cause.getMessage());
        }
    }

    private static String whyInvalid(XMLSignature signature, DOMValidateContext context)
            throws XMLSignatureException {
        for (Object o : signature.getSignedInfo().getReferences()) {
            Reference reference = (Reference) o;
            if (!reference.validate(context)) {
                return "the digest of reference \"" + reference.getURI() + "\" does not match: the signed content"
                        + " was changed after signing";
            }
        }
        return "the signature value does not match the signed content and the key";
    }

    /** {@code URI="#x"} references are resolved through attributes declared as ids; edXML has no schema to say so. */
    private static void registerIds(Element element) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            if (a.getNamespaceURI() == null && List.of("Id", "ID", "id").contains(a.getLocalName())) {
                element.setIdAttributeNode(a, true);
            }
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                registerIds(child);
            }
        }
    }

    private record SelectedKey(PublicKey publicKey, String signer) implements KeySelectorResult {
        @Override
        public Key getKey() {
            return publicKey;
        }
    }

    /** Takes the first certificate or key value the signature carries. */
    private static final class EmbeddedKeySelector extends KeySelector {

        @Override
        public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method,
                                        XMLCryptoContext context) throws KeySelectorException {
            if (keyInfo == null) {
                throw new KeySelectorException("the signature carries no KeyInfo");
            }
            for (Object item : keyInfo.getContent()) {
                if (item instanceof X509Data data) {
                    for (Object x : data.getContent()) {
                        if (x instanceof X509Certificate certificate) {
                            return new SelectedKey(certificate.getPublicKey(),
                                    certificate.getSubjectX500Principal().getName());
                        }
                    }
                } else if (item instanceof KeyValue value) {
                    try {
                        return new SelectedKey(value.getPublicKey(), "KeyValue");
                    } catch (KeyException ex) {
                        throw new KeySelectorException("the KeyValue cannot be read", ex);
                    }
                }
            }
            throw new KeySelectorException("the KeyInfo has neither an X509Certificate nor a KeyValue");
        }
    }
}
