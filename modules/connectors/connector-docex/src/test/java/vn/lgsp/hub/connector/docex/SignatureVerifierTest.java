package vn.lgsp.hub.connector.docex;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lgsp.hub.connector.docex.EdxmlFixtures.reader;
import static vn.lgsp.hub.connector.docex.EdxmlFixtures.resource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import vn.lgsp.hub.connector.docex.model.SignatureStatus;
import vn.lgsp.hub.connector.docex.model.SignatureVerification;

/**
 * Packages are signed here, at test time, the way a sender's system does it: an enveloped XML-DSig signature
 * ({@code URI=""}, RSA-SHA256) over the {@code edXMLEnvelope}, placed in {@code edXMLHeader}.
 */
class SignatureVerifierTest {

    private static final String SAMPLE = new String(resource("qcvn102-cong-van.xml"), StandardCharsets.UTF_8);
    private static KeyPair keyValueKeys;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() throws Exception {
        keyValueKeys = newKeys();
    }

    /** A sender's RSA key pair, for {@link #sign}. */
    static KeyPair newKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private SignatureVerification verify(String xml) {
        return reader(dir).read(EdxmlFixtures.stream(xml)).signature();
    }

    @Test
    void aPackageSignedWithAKeyValueIsValid() throws Exception {
        String signed = sign(SAMPLE, keyValueKeys.getPrivate(), keyValueKeys.getPublic(), null);

        assertThat(verify(signed)).isEqualTo(SignatureVerification.valid("KeyValue"));
    }

    @Test
    void aPackageSignedWithASelfSignedCertificateIsValidAndNamesItsSubject() throws Exception {
        Path keystore = dir.resolve("signer.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "signer", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30",
                "-dname", "CN=Van thu So Xay dung, O=UBND tinh Thanh Hoa, C=VN", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, "changeit".toCharArray());
        }
        Files.delete(keystore);
        X509Certificate certificate = (X509Certificate) store.getCertificate("signer");
        PrivateKey key = (PrivateKey) store.getKey("signer", "changeit".toCharArray());

        SignatureVerification result = verify(sign(SAMPLE, key, null, certificate));

        assertThat(result.status()).isEqualTo(SignatureStatus.VALID);
        assertThat(result.signer()).contains("CN=Van thu So Xay dung");
    }

    @Test
    void aHeaderFieldChangedAfterSigningMakesItInvalid() throws Exception {
        String signed = sign(SAMPLE, keyValueKeys.getPrivate(), keyValueKeys.getPublic(), null);
        String tampered = signed.replace("<edXML:PageAmount>3<", "<edXML:PageAmount>30<");

        SignatureVerification result = verify(tampered);

        assertThat(tampered).isNotEqualTo(signed);
        assertThat(result.status()).isEqualTo(SignatureStatus.INVALID);
        assertThat(result.reason()).contains("digest").contains("changed after signing");
    }

    @Test
    void aSignatureValueThatDoesNotMatchIsInvalid() throws Exception {
        String signed = sign(SAMPLE, keyValueKeys.getPrivate(), keyValueKeys.getPublic(), null);
        int at = signed.indexOf("<ds:SignatureValue>") + "<ds:SignatureValue>".length();
        char first = signed.charAt(at);
        String tampered = signed.substring(0, at) + (first == 'A' ? 'B' : 'A') + signed.substring(at + 1);

        assertThat(verify(tampered).status()).isEqualTo(SignatureStatus.INVALID);
    }

    @Test
    void anUnsignedPackageHasNoSignature() {
        assertThat(verify(SAMPLE)).isEqualTo(SignatureVerification.absent());
    }

    @Test
    void aSignatureOutsideTheDsigNamespaceIsInvalid() {
        String fake = SAMPLE.replace("</edXML:TraceHeaderList>", "</edXML:TraceHeaderList><edXML:Signature>abc"
                + "</edXML:Signature>");
        assertThat(verify(fake).status()).isEqualTo(SignatureStatus.INVALID);
    }

    /** Signs the envelope of {@code xml} and puts the signature into its edXMLHeader. */
    static String sign(String xml, PrivateKey key, PublicKey keyValue, X509Certificate certificate) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document whole = dbf.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element envelope = (Element) whole.getElementsByTagNameNS("*", "edXMLEnvelope").item(0);

        // the envelope on its own, with the namespaces it inherits declared on it, as the hub's reader keeps it
        Document alone = dbf.newDocumentBuilder().newDocument();
        Element root = (Element) alone.importNode(envelope, true);
        NamedNodeMap inherited = whole.getDocumentElement().getAttributes();
        for (int i = 0; i < inherited.getLength(); i++) {
            Attr a = (Attr) inherited.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                root.setAttributeNS(a.getNamespaceURI(), a.getName(), a.getValue());
            }
        }
        alone.appendChild(root);
        Element header = (Element) root.getElementsByTagNameNS("*", "edXMLHeader").item(0);

        XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
        Reference reference = f.newReference("", f.newDigestMethod(DigestMethod.SHA256, null),
                List.of(f.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null)), null, null);
        SignedInfo signedInfo = f.newSignedInfo(
                f.newCanonicalizationMethod(CanonicalizationMethod.INCLUSIVE, (C14NMethodParameterSpec) null),
                f.newSignatureMethod("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", null), List.of(reference));
        KeyInfoFactory kif = f.getKeyInfoFactory();
        KeyInfo keyInfo = certificate != null
                ? kif.newKeyInfo(List.of(kif.newX509Data(List.of(certificate.getSubjectX500Principal().getName(),
                        certificate))))
                : kif.newKeyInfo(List.of(kif.newKeyValue(keyValue)));
        DOMSignContext context = new DOMSignContext(key, header);
        context.setDefaultNamespacePrefix("ds");
        f.newXMLSignature(signedInfo, keyInfo).sign(context);

        Element signature = (Element) header.getLastChild();
        Element wholeHeader = (Element) whole.getElementsByTagNameNS("*", "edXMLHeader").item(0);
        wholeHeader.appendChild(whole.importNode(signature, true));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(whole), new StreamResult(out));
        return out.toString(StandardCharsets.UTF_8);
    }
}
