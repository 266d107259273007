package vn.lgsp.hub.simulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatorsMainTest {

  @Test
  void startsEverySimulatorAndPrintsOneLineForEach() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Map<String, String> settings = new HashMap<>(Map.of("SIM_PORTAL_USERNAME", "u", "SIM_PORTAL_PASSWORD", "p",
        "SIM_AXIS_SECRET", "s"));
    // every simulator on a free port, those of connector modules added by scripts/new-connector included
    SimulatorsMain.SIMULATORS.forEach(spec -> settings.put(spec.portSetting(), "0"));
    List<Simulator> running = SimulatorsMain.startAll(Settings.of(settings),
        new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      // connector modules' simulators (scripts/new-connector) come after these six, one line each
      assertThat(running).hasSizeGreaterThanOrEqualTo(6);
      assertThat(printed.toString(StandardCharsets.UTF_8).lines()).hasSize(running.size());
      Simulator portal = running.get(0);
      Simulator population = running.get(1);
      Simulator onestop = running.get(2);
      Simulator axis = running.get(3);
      Simulator agencies = running.get(4);
      Simulator business = running.get(5);
      assertThat(printed.toString(StandardCharsets.UTF_8))
          .startsWith("Portal simulator: http://127.0.0.1:" + portal.port() + " (admin: /__admin)" + System.lineSeparator()
              + "Population simulator: http://127.0.0.1:" + population.port() + " (admin: /__admin)"
              + System.lineSeparator()
              + "One-stop-shop simulator: http://127.0.0.1:" + onestop.port() + " (admin: /__admin)"
              + System.lineSeparator()
              + "Document axis simulator: http://127.0.0.1:" + axis.port() + " (admin: /__admin)"
              + System.lineSeparator()
              + "Agency push simulator: http://127.0.0.1:" + agencies.port() + " (admin: /__admin)"
              + System.lineSeparator()
              + "Business registration simulator: http://127.0.0.1:" + business.port() + " (admin: /__admin)"
              + System.lineSeparator());
      HttpResponse<String> enterprise = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(business.baseUrl() + "/dkdn/v1/enterprises/2800123456"))
              .header("X-Api-Key", "k").GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(enterprise.statusCode()).isEqualTo(200);
      HttpResponse<String> agencyList = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(axis.baseUrl() + "/vxp/agencies"))
              .headers("systemid", "lgsp-h56", "secret", "s").GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(agencyList.statusCode()).isEqualTo(200);
      assertThat(agencyList.body()).contains("000.00.00.G06");
      HttpResponse<String> pushed = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(agencies.baseUrl() + "/agencies/000.00.14.H56/documents"))
              .header("Content-Type", "application/xml")
              .POST(HttpRequest.BodyPublishers.ofString("<edXML/>")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(pushed.statusCode()).isEqualTo(202);
      HttpResponse<String> intake = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(onestop.baseUrl() + "/api/intake/dossiers"))
              .POST(HttpRequest.BodyPublishers.ofString(
                  "{\"dossier\":{\"dossierCode\":\"D-1\"},\"verification\":{\"outcome\":\"VERIFIED\"}}"))
              .build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(intake.statusCode()).isEqualTo(201);
      HttpResponse<String> wsdl = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(population.baseUrl() + "/ws/population?wsdl")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(wsdl.body()).contains("XacThucThongTinCongDan");
      HttpResponse<String> login = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(portal.baseUrl() + "/adapter/auth"))
              .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"u\",\"password\":\"p\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(login.body()).contains("\"session\"");
    } finally {
      SimulatorsMain.stopAll(running);
    }
  }

  @Test
  void aBadPortSettingIsReportedByName() {
    assertThatThrownBy(() -> SimulatorsMain.startAll(Settings.of(Map.of("SIM_PORTAL_PORT", "abc")), System.out))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SIM_PORTAL_PORT");
  }

  @Test
  void systemPropertyOrEnvironmentDefaultsApply() {
    Settings settings = Settings.of(Map.of("A", " 42 ", "B", ""));

    assertThat(settings.intValue("A", 1)).isEqualTo(42);
    assertThat(settings.intValue("B", 7)).isEqualTo(7);
    assertThat(settings.value("C", "d")).isEqualTo("d");
  }

  @Test
  void notifierKeepsOnlyTheFirstLine() {
    assertThat(QuietNotifier.firstLine("Request was not matched\n{\"MaDoiTuong\":\"038095123456\"}"))
        .isEqualTo("Request was not matched");
  }
}
