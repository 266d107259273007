package vn.lgsp.hub.simulators.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.lgsp.hub.simulators.population.PopulationClient.KNOWN_ID;
import static vn.lgsp.hub.simulators.population.PopulationClient.text;
import static vn.lgsp.hub.simulators.population.PopulationClient.xml;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import vn.lgsp.hub.simulators.SimulatorTest;

class PopulationFaultsTest extends SimulatorTest<PopulationSimulator, PopulationClient> {

  PopulationFaultsTest() {
    super(() -> new PopulationSimulator(0), PopulationClient::new);
  }

  @ParameterizedTest
  @CsvSource({"HTTP_500, 500", "HTTP_503, 503"})
  void httpErrorStatusesAreReturnedThenTheServiceRecovers(PopulationFault fault, int status) throws Exception {
    simulator.injectFault(fault, 2);

    assertThat(client.verify(KNOWN_ID).statusCode()).isEqualTo(status);
    HttpResponse<String> second = client.lookup(KNOWN_ID);
    assertThat(second.statusCode()).isEqualTo(status);
    assertThat(second.body()).doesNotContain("Envelope");
    HttpResponse<String> third = client.verify(KNOWN_ID);

    assertThat(third.statusCode()).isEqualTo(200);
    assertThat(text(xml(third.body()), "TonTai")).isEqualTo("true");
    assertThat(simulator.callCount()).isEqualTo(3);
    assertThat(simulator.operationsCalled())
        .containsExactly("XacThucThongTinCongDan", "TraCuuThongTinCongDan", "XacThucThongTinCongDan");
  }

  @Test
  void connectionResetSurfacesAsIOException() throws Exception {
    simulator.injectFault(PopulationFault.CONNECTION_RESET, 1);

    assertThatThrownBy(() -> client.verify(KNOWN_ID)).isInstanceOf(IOException.class);

    assertThat(simulator.callCount()).isEqualTo(1);
    assertThat(client.verify(KNOWN_ID).statusCode()).isEqualTo(200);
  }

  @Test
  void malformedReplyIsHttp200XmlThatDoesNotParse() throws Exception {
    simulator.injectFault(PopulationFault.MALFORMED_REPLY, 1);

    HttpResponse<String> response = client.verify(KNOWN_ID);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("text/xml"));
    assertThat(response.body()).contains("TonTai");
    assertThatThrownBy(() -> xml(response.body())).isInstanceOf(SAXException.class);
  }

  @Test
  void refusalIsTheDeclaredLoiDichVuSoapFault() throws Exception {
    simulator.injectFault(PopulationFault.SOAP_FAULT_REFUSAL, 1);

    HttpResponse<String> response = client.lookup(KNOWN_ID);

    assertThat(response.statusCode()).isEqualTo(500);
    Document reply = xml(response.body());
    assertThat(reply.getElementsByTagNameNS("http://schemas.xmlsoap.org/soap/envelope/", "Fault").getLength())
        .isEqualTo(1);
    assertThat(reply.getElementsByTagName("faultcode").item(0).getTextContent()).isEqualTo("soap:Client");
    assertThat(reply.getElementsByTagNameNS("http://dancuquocgia.bca", "LoiDichVu").getLength()).isEqualTo(1);
    assertThat(reply.getElementsByTagNameNS("http://dancuquocgia.bca", "MaLoi").item(0).getTextContent())
        .isEqualTo("E403");
    assertThat(response.body()).doesNotContain(KNOWN_ID);
  }

  @Test
  void delayedReplyIsLateButComplete() throws Exception {
    simulator.injectDelay(Duration.ofMillis(400), 1);

    long start = System.nanoTime();
    HttpResponse<String> slow = client.verify(KNOWN_ID);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    assertThat(text(xml(slow.body()), "TonTai")).isEqualTo("true");
    client.verify(KNOWN_ID);
    assertThat(simulator.wireMock().getAllServeEvents())
        .filteredOn(event -> event.getRequest().getUrl().equals(PopulationSimulator.SERVICE_PATH))
        .extracting(event -> event.getResponseDefinition().getFixedDelayMilliseconds())
        .containsExactly(null, 400); // newest first
  }

  @Test
  void aClientTimeoutIsProvokedByALongDelay() {
    simulator.injectDelay(Duration.ofSeconds(2), 1);

    assertThatThrownBy(() -> client.post(PopulationClient.request("XacThucThongTinCongDan", KNOWN_ID),
        null, Duration.ofMillis(200))).isInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void injectionsApplyInOrderOnePerCall() throws Exception {
    simulator.injectFault(PopulationFault.HTTP_503, 1);
    simulator.injectFault(PopulationFault.SOAP_FAULT_REFUSAL, 1);
    simulator.injectFault(PopulationFault.HTTP_500, 1);

    assertThat(client.verify(KNOWN_ID).statusCode()).isEqualTo(503);
    assertThat(client.verify(KNOWN_ID).body()).contains("LoiDichVu");
    assertThat(client.verify(KNOWN_ID).statusCode()).isEqualTo(500);
    assertThat(client.verify(KNOWN_ID).statusCode()).isEqualTo(200);
  }

  @Test
  void faultsTakePrecedenceOverABrokenRequest() throws Exception {
    simulator.injectFault(PopulationFault.HTTP_503, 1);

    assertThat(client.post("garbage", null, Duration.ofSeconds(5)).statusCode()).isEqualTo(503);
    assertThat(simulator.operationsCalled()).containsExactly("UNKNOWN");
  }

  @Test
  void resetClearsPendingFaults() throws Exception {
    simulator.injectFault(PopulationFault.HTTP_500, 3);
    simulator.reset();

    assertThat(client.verify(KNOWN_ID).statusCode()).isEqualTo(200);
  }

  @Test
  void nonsensicalInjectionsAreRefused() {
    assertThatThrownBy(() -> simulator.injectFault(PopulationFault.HTTP_500, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> simulator.injectDelay(Duration.ofMillis(-1), 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> simulator.injectFault(null, 1)).isInstanceOf(NullPointerException.class);
  }
}
