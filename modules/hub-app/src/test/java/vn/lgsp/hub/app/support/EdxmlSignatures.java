package vn.lgsp.hub.app.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import vn.lgsp.hub.connector.docex.model.SignatureVerification;
import vn.lgsp.hub.connector.docex.signature.SignatureVerifier;

/**
 * Signs edXML packages at test time the way a sender's system does (compare connector-docex's
 * {@code SignatureVerifierTest}): an enveloped XML-DSig signature with the JDK's {@code javax.xml.crypto.dsig}, a
 * reference {@code URI=""} over the {@code edXMLEnvelope}, inclusive C14N, RSA-SHA256, the public key as a
 * {@code KeyValue}, placed at the end of {@code edXMLHeader}. And checks a package's signature as the hub does: on a
 * document whose root is the envelope, with the namespaces it inherits declared on it.
 */
public final class EdxmlSignatures {

    private static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

    private EdxmlSignatures() {
    }

    public static KeyPair newKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
    }

    /** {@code xml} with a signature of its envelope by {@code keys} at the end of its {@code edXMLHeader}. */
    public static String sign(String xml, KeyPair keys) {
        try {
            Document whole = parse(xml.getBytes(StandardCharsets.UTF_8));
            Document alone = envelopeOf(whole);
            Element header = child(alone.getDocumentElement(), "edXMLHeader");

            XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
            Reference reference = f.newReference("", f.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(f.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null)), null, null);
            SignedInfo signedInfo = f.newSignedInfo(
                    f.newCanonicalizationMethod(CanonicalizationMethod.INCLUSIVE, (C14NMethodParameterSpec) null),
                    f.newSignatureMethod(RSA_SHA256, null), List.of(reference));
            KeyInfoFactory kif = f.getKeyInfoFactory();
            DOMSignContext context = new DOMSignContext(keys.getPrivate(), header);
            context.setDefaultNamespacePrefix("ds");
            f.newXMLSignature(signedInfo, kif.newKeyInfo(List.of(kif.newKeyValue(keys.getPublic())))).sign(context);

            Element signature = (Element) header.getLastChild();
            child(envelope(whole), "edXMLHeader").appendChild(whole.importNode(signature, true));
            return serialise(whole);
        } catch (Exception e) {
            throw new IllegalStateException("could not sign the package", e);
        }
    }

    /** The signature of a package as the hub's verifier sees it: on its envelope alone. */
    public static SignatureVerification verify(byte[] xml) {
        try {
            return new SignatureVerifier().verify(envelopeOf(parse(xml)));
        } catch (Exception e) {
            throw new IllegalStateException("could not read the package", e);
        }
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return dbf.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    /** The envelope on its own, with the namespaces it inherits declared on it, as the hub's reader keeps it. */
    private static Document envelopeOf(Document whole) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        Document alone = dbf.newDocumentBuilder().newDocument();
        Element root = (Element) alone.importNode(envelope(whole), true);
        NamedNodeMap inherited = whole.getDocumentElement().getAttributes();
        for (int i = 0; i < inherited.getLength(); i++) {
            Attr a = (Attr) inherited.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI()) && !root.hasAttribute(a.getName())) {
                root.setAttributeNS(a.getNamespaceURI(), a.getName(), a.getValue());
            }
        }
        alone.appendChild(root);
        return alone;
    }

    private static Element envelope(Document whole) {
        return (Element) whole.getElementsByTagNameNS("*", "edXMLEnvelope").item(0);
    }

    private static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        throw new IllegalArgumentException("no " + localName + " in " + parent.getLocalName());
    }

    private static String serialise(Document doc) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The XML-DSig namespace, for tests that look for the element. */
    public static final String DSIG = XMLSignature.XMLNS;
}
