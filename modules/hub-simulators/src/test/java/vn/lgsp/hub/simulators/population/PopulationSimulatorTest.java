package vn.lgsp.hub.simulators.population;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lgsp.hub.simulators.population.PopulationClient.KNOWN_ID;
import static vn.lgsp.hub.simulators.population.PopulationClient.UNKNOWN_ID;
import static vn.lgsp.hub.simulators.population.PopulationClient.count;
import static vn.lgsp.hub.simulators.population.PopulationClient.text;
import static vn.lgsp.hub.simulators.population.PopulationClient.xml;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import vn.lgsp.hub.simulators.SimulatorTest;

class PopulationSimulatorTest extends SimulatorTest<PopulationSimulator, PopulationClient> {

  PopulationSimulatorTest() {
    super(() -> new PopulationSimulator(0), PopulationClient::new);
  }

  @Test
  void urlsPointAtTheServer() {
    assertThat(simulator.port()).isPositive();
    assertThat(simulator.baseUrl()).isEqualTo("http://127.0.0.1:" + simulator.port());
    assertThat(simulator.serviceUrl()).isEqualTo(simulator.baseUrl() + "/ws/population");
  }

  @Test
  void verifyingAKnownIdAnswersTonTaiTrueWithTheCitizen() throws Exception {
    HttpResponse<String> response = client.verify(KNOWN_ID);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("text/xml"));
    Document reply = xml(response.body());
    assertThat(reply.getDocumentElement().getLocalName()).isEqualTo("Envelope");
    assertThat(count(reply, "KetQuaXacThucResponse")).isEqualTo(1);
    assertThat(text(reply, "TonTai")).isEqualTo("true");
    assertThat(count(reply, "CongDan")).isEqualTo(1);
    assertThat(text(reply, "SoDinhDanh")).isEqualTo(KNOWN_ID);
    assertThat(text(reply, "Ho")).isEqualTo("Nguyễn");
    assertThat(text(reply, "ChuDem")).isEqualTo("Văn");
    assertThat(text(reply, "Ten")).isEqualTo("An");
    assertThat(text(reply, "NgayThangNam")).isEqualTo("19950312");
    assertThat(text(reply, "Nam")).isEqualTo("1995");
    assertThat(text(reply, "DanToc")).isEqualTo("Kinh");
    assertThat(text(reply, "QuocTich")).isEqualTo("Việt Nam");
    assertThat(text(reply, "MaTinhThanh")).isEqualTo("38");
    assertThat(count(reply, "Cha")).isEqualTo(1);
    assertThat(count(reply, "Me")).isEqualTo(1);
    assertThat(count(reply, "ChuHo")).isEqualTo(1);
  }

  @Test
  void verifyingAnUnknownIdAnswersTonTaiFalseWithoutCitizen() throws Exception {
    Document reply = xml(client.verify(UNKNOWN_ID).body());

    assertThat(text(reply, "TonTai")).isEqualTo("false");
    assertThat(count(reply, "CongDan")).isZero();
  }

  @Test
  void lookingUpAKnownIdReturnsACollectionWithTheCitizen() throws Exception {
    Document reply = xml(client.lookup("038301123456").body());

    assertThat(count(reply, "CongdanCollection")).isEqualTo(1);
    assertThat(count(reply, "CongDan")).isEqualTo(1);
    assertThat(text(reply, "SoDinhDanh")).isEqualTo("038301123456");
    assertThat(text(reply, "NgayThangNam")).startsWith("2001");
    assertThat(text(reply, "GioiTinh")).isEqualTo("Nữ");
  }

  @Test
  void lookingUpAnUnknownIdReturnsAnEmptyCollection() throws Exception {
    HttpResponse<String> response = client.lookup(UNKNOWN_ID);

    assertThat(response.statusCode()).isEqualTo(200);
    Document reply = xml(response.body());
    assertThat(count(reply, "CongdanCollection")).isEqualTo(1);
    assertThat(count(reply, "CongDan")).isZero();
  }

  @Test
  void theOperationComesFromTheBodyEvenWithoutSoapAction() throws Exception {
    HttpResponse<String> response = client.post(PopulationClient.request("TraCuuThongTinCongDan", KNOWN_ID), null,
        Duration.ofSeconds(5));

    assertThat(count(xml(response.body()), "CongdanCollection")).isEqualTo(1);
  }

  @Test
  void anUnsupportedOperationOrABrokenRequestIsRefusedWithASoapFault() throws Exception {
    HttpResponse<String> unknown = client.call("XacMinhTinhTrangHonNhan", KNOWN_ID);
    HttpResponse<String> broken = client.post("<not-xml", "\"http://dancuquocgia.bca/TraCuuThongTinCongDan\"",
        Duration.ofSeconds(5));

    for (HttpResponse<String> response : java.util.List.of(unknown, broken)) {
      assertThat(response.statusCode()).isEqualTo(500);
      Document reply = xml(response.body());
      assertThat(reply.getElementsByTagNameNS("http://dancuquocgia.bca", "MaLoi").item(0).getTextContent())
          .isEqualTo("E400");
    }
    assertThat(simulator.operationsCalled()).containsExactly("UNKNOWN", "TraCuuThongTinCongDan");
  }

  @Test
  void callsAreRecordedByOperationNameOnlyAndResetForgetsThem() throws Exception {
    client.verify(KNOWN_ID);
    client.lookup(UNKNOWN_ID);
    client.verify(UNKNOWN_ID);

    assertThat(simulator.callCount()).isEqualTo(3);
    assertThat(simulator.operationsCalled())
        .containsExactly("XacThucThongTinCongDan", "TraCuuThongTinCongDan", "XacThucThongTinCongDan");

    simulator.reset();
    assertThat(simulator.callCount()).isZero();
    assertThat(simulator.operationsCalled()).isEmpty();
  }

  @Test
  void theWsdlIsServedWithTheSimulatorsOwnAddress() throws Exception {
    HttpResponse<String> response = client.get("/ws/population?wsdl");

    assertThat(response.statusCode()).isEqualTo(200);
    Document wsdl = xml(response.body());
    assertThat(wsdl.getDocumentElement().getLocalName()).isEqualTo("definitions");
    assertThat(response.body())
        .contains("<wsdl:operation name=\"XacThucThongTinCongDan\">")
        .contains("<wsdl:operation name=\"TraCuuThongTinCongDan\">")
        .contains("name=\"LoiDichVu\"")
        .contains("location=\"" + simulator.serviceUrl() + "\"");
    assertThat(simulator.callCount()).isZero();
  }

  @Test
  void theHandWrittenCitizensAreTwentyValidThanhHoaCitizens() {
    CitizenRegistry registry = CitizenRegistry.load();
    assertThat(registry.handWritten()).hasSizeBetween(18, 25);
    assertThat(registry.find(KNOWN_ID, null)).isPresent();
    assertThat(registry.find(null, "173456789")).hasValueSatisfying(c -> assertThat(c.get("SoDinhDanh")).isEqualTo(KNOWN_ID));

    for (Map<String, Object> citizen : registry.handWritten()) {
      String id = (String) citizen.get("SoDinhDanh");
      assertThat(registry.find(id, null)).containsSame(citizen);
      assertThat(id).matches("^038[0-3]\\d{8}$");
      int centuryAndSex = id.charAt(3) - '0';
      String birth = (String) ((Map<?, ?>) citizen.get("NgayThangNamSinh")).get("NgayThangNam");
      LocalDate birthDate = LocalDate.parse(birth, java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
      assertThat(birthDate).isBefore(LocalDate.now());
      assertThat(birthDate.getYear()).isEqualTo((centuryAndSex < 2 ? 1900 : 2000) + Integer.parseInt(id.substring(4, 6)));
      assertThat(citizen.get("GioiTinh")).isEqualTo(centuryAndSex % 2 == 0 ? "Nam" : "Nữ");
      assertThat(citizen.get("DanToc")).isIn("Kinh", "Mường", "Thái");
      assertThat(citizen.get("QuocTich")).isEqualTo("Việt Nam");
      assertThat(((Map<?, ?>) citizen.get("ThuongTru")).get("MaTinhThanh")).isEqualTo("38");
      assertThat(((Map<?, ?>) citizen.get("HoVaTen")).get("Ten")).asString().isNotBlank();
      assertThat(((Map<?, ?>) citizen.get("ChuHo")).get("SoDinhDanh")).asString().startsWith("038");
    }
  }

  @Test
  void aGeneratedCitizenIsServedLikeAHandWrittenOne() throws Exception {
    Map<String, Object> citizen = CitizenRegistry.load().generated().get(0);
    String id = (String) citizen.get("SoDinhDanh");
    Map<?, ?> name = (Map<?, ?>) citizen.get("HoVaTen");

    Document reply = xml(client.verify(id).body());

    assertThat(text(reply, "TonTai")).isEqualTo("true");
    assertThat(text(reply, "SoDinhDanh")).isEqualTo(id);
    assertThat(text(reply, "Ho")).isEqualTo(name.get("Ho"));
    assertThat(text(reply, "Ten")).isEqualTo(name.get("Ten"));
  }
}
