package vn.lgsp.hub.simulators.edxml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PackageFactsTest {

  @Test
  void readsTheHeaderOfALetter() {
    PackageFacts facts = scan(Packages.edoc("000.00.14.H56,2026,15", "000.00.14.H56", "000.00.00.G12",
        "000.00.12.H40"));

    assertThat(facts.root()).isEqualTo("edXML");
    assertThat(facts.messageType()).isEqualTo("edoc");
    assertThat(facts.documentId()).isEqualTo("000.00.14.H56,2026,15");
    assertThat(facts.from()).isEqualTo("000.00.14.H56");
    assertThat(facts.to()).containsExactly("000.00.00.G12", "000.00.12.H40");
    assertThat(facts.responseForOrganId()).isEqualTo("000.00.00.G12");
    assertThat(facts.responseForDocumentId()).isEqualTo("000.00.00.G12,2026,77");
    assertThat(facts.statusCode()).isNull();
  }

  @Test
  void readsAStatusPackage() {
    PackageFacts facts = scan(Packages.status("03", "000.00.21.H56", "000.00.00.G15", "000.00.00.G15,2026,9"));

    assertThat(facts.status()).isTrue();
    assertThat(facts.messageType()).isEqualTo("status");
    assertThat(facts.statusCode()).isEqualTo("03");
    assertThat(facts.from()).isEqualTo("000.00.21.H56");
    assertThat(facts.to()).isEmpty();
    assertThat(facts.responseForOrganId()).isEqualTo("000.00.00.G15");
    assertThat(facts.responseForDocumentId()).isEqualTo("000.00.00.G15,2026,9");
    assertThat(facts.documentId()).isNull();
  }

  @Test
  void readsByLocalNameWhateverTheNamespaces() {
    String older = "<e:edXML xmlns:e=\"http://www.e-doc.vn/Schema/\"><e:edXMLEnvelope><e:edXMLHeader>"
        + "<e:MessageHeader><e:From><e:OrganId> 000.00.00.H40 </e:OrganId></e:From><To><OrganId><![CDATA[000.00.14.H56]]>"
        + "</OrganId></To><e:DocumentId>000.00.00.H40,2026,3</e:DocumentId></e:MessageHeader></e:edXMLHeader>"
        + "</e:edXMLEnvelope></e:edXML>";

    PackageFacts facts = scan(older);

    assertThat(facts.from()).isEqualTo("000.00.00.H40");
    assertThat(facts.to()).containsExactly("000.00.14.H56");
    assertThat(facts.documentId()).isEqualTo("000.00.00.H40,2026,3");
  }

  @Test
  void stopsWhereTheHeaderEnds() {
    String letter = Packages.edoc("D-1", "000.00.14.H56", "000.00.00.G12");
    String cut = letter.substring(0, letter.indexOf("<edXML:edXMLBody/>")) + "<edXML:edXMLBody><unclosed>";

    assertThat(PackageFacts.scan(bytes(cut))).get().extracting(PackageFacts::documentId).isEqualTo("D-1");
  }

  @Test
  void refusesDtdsAndWhatIsNotXml() {
    String withDoctype = "<?xml version=\"1.0\"?><!DOCTYPE edXML [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<edXML><edXMLEnvelope><edXMLHeader><MessageHeader><DocumentId>&x;</DocumentId></MessageHeader>"
        + "</edXMLHeader></edXMLEnvelope></edXML>";

    assertThat(PackageFacts.scan(bytes(withDoctype))).isEmpty();
    assertThat(PackageFacts.scan(bytes("not xml"))).isEmpty();
    assertThat(PackageFacts.scan(bytes("<edXML><edXMLEnvelope>"))).isEmpty();
    assertThat(PackageFacts.scan(new byte[0])).isEmpty();
    assertThat(PackageFacts.scan(null)).isEmpty();
  }

  private static PackageFacts scan(String xml) {
    return PackageFacts.scan(bytes(xml)).orElseThrow();
  }

  private static byte[] bytes(String xml) {
    return xml.getBytes(StandardCharsets.UTF_8);
  }
}
