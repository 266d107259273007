package vn.lgsp.hub.simulators.population;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lgsp.hub.simulators.SimulatorHttp.json;
import static vn.lgsp.hub.simulators.population.PopulationClient.KNOWN_ID;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.simulators.SimulatorTest;

class PopulationAdminApiTest extends SimulatorTest<PopulationSimulator, PopulationClient> {

  PopulationAdminApiTest() {
    super(() -> new PopulationSimulator(0), PopulationClient::new);
  }

  @Test
  void faultsCanBeInjectedOverHttp() throws Exception {
    HttpResponse<String> accepted = client.post("/__admin/population/faults", "{\"kind\":\"HTTP_503\",\"times\":2}");
    client.post("/__admin/population/faults", "{\"kind\":\"DELAY\",\"delayMs\":150,\"times\":1}");

    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(json(accepted)).containsEntry("kind", "HTTP_503").containsEntry("times", 2);
    assertThat(json(client.get("/__admin/population/faults")).get("pending")).isEqualTo(List.of(
        Map.of("kind", "HTTP_503", "times", 2), Map.of("kind", "DELAY", "times", 1, "delayMs", 150)));

    assertThat(client.verify(KNOWN_ID).statusCode()).isEqualTo(503);
    assertThat(client.verify(KNOWN_ID).statusCode()).isEqualTo(503);
    assertThat(client.verify(KNOWN_ID).statusCode()).isEqualTo(200);
    assertThat(simulator.wireMock().getAllServeEvents().get(0).getResponseDefinition().getFixedDelayMilliseconds())
        .isEqualTo(150);
    assertThat(client.verify(KNOWN_ID).statusCode()).isEqualTo(200);
  }

  @Test
  void everyFaultKindIsAcceptedByName() throws Exception {
    for (PopulationFault fault : PopulationFault.values()) {
      assertThat(client.post("/__admin/population/faults", "{\"kind\":\"" + fault + "\"}").statusCode())
          .isEqualTo(200);
    }
    assertThat((List<?>) json(client.get("/__admin/population/faults")).get("pending"))
        .hasSize(PopulationFault.values().length);
  }

  @Test
  void badInjectionsAreRefusedWith400() throws Exception {
    assertThat(client.post("/__admin/population/faults", "{\"kind\":\"NOPE\"}").statusCode()).isEqualTo(400);
    assertThat(client.post("/__admin/population/faults", "{\"kind\":\"HTTP_500\",\"times\":0}").statusCode())
        .isEqualTo(400);
    assertThat(client.post("/__admin/population/faults", "{\"kind\":\"DELAY\"}").statusCode()).isEqualTo(400);
    assertThat(client.post("/__admin/population/faults", "not json").statusCode()).isEqualTo(400);
  }

  @Test
  void callsListsOperationsWithoutPersonalData() throws Exception {
    client.verify(KNOWN_ID);
    client.lookup(KNOWN_ID);

    HttpResponse<String> calls = client.get("/__admin/population/calls");

    assertThat(json(calls)).containsEntry("calls", 2)
        .containsEntry("operations", List.of("XacThucThongTinCongDan", "TraCuuThongTinCongDan"));
    assertThat(calls.body()).doesNotContain(KNOWN_ID).doesNotContain("Nguyễn");
  }

  @Test
  @SuppressWarnings("unchecked")
  void sampleListsGeneratedCitizensThatTheServiceKnows() throws Exception {
    HttpResponse<String> response = client.get("/__admin/population/sample?n=5");

    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, Object> body = json(response);
    assertThat(body).containsEntry("notFoundExample", PopulationClient.UNKNOWN_ID);
    assertThat((Integer) body.get("total")).isGreaterThanOrEqualTo(1_020);
    List<Map<String, Object>> citizens = (List<Map<String, Object>>) body.get("citizens");
    assertThat(citizens).hasSize(5).allSatisfy(citizen -> {
      assertThat(citizen).containsOnlyKeys("SoDinhDanh", "HoVaTen", "GioiTinh", "NgayThangNamSinh");
      assertThat(citizen.get("NgayThangNamSinh")).asString().matches("^\\d{8}$");
    });
    String id = (String) citizens.get(0).get("SoDinhDanh");
    assertThat(client.verify(id).body()).contains("<dc:TonTai>true</dc:TonTai>").contains(id);
    assertThat(json(client.get("/__admin/population/sample")).get("citizens")).asList().hasSize(20)
        .startsWith(citizens.toArray());
    assertThat(client.get("/__admin/population/sample?n=0").statusCode()).isEqualTo(400);
    assertThat(client.get("/__admin/population/sample?n=abc").statusCode()).isEqualTo(400);
  }

  @Test
  void resetForgetsCallsAndFaults() throws Exception {
    client.verify(KNOWN_ID);
    client.post("/__admin/population/faults", "{\"kind\":\"HTTP_500\",\"times\":5}");

    assertThat(json(client.post("/__admin/population/reset", ""))).containsEntry("reset", true);

    assertThat(json(client.get("/__admin/population/calls"))).containsEntry("calls", 0);
    assertThat(client.verify(KNOWN_ID).statusCode()).isEqualTo(200);
  }

  @Test
  void wireMocksOwnResetKeepsTheEndpoints() throws Exception {
    client.post("/__admin/reset", "");

    assertThat(client.verify(KNOWN_ID).statusCode()).isEqualTo(200);
    assertThat(client.get("/ws/population?wsdl").statusCode()).isEqualTo(200);
  }
}
