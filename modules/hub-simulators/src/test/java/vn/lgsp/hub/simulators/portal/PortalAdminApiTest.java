package vn.lgsp.hub.simulators.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.lgsp.hub.simulators.portal.PortalClient.json;
import static vn.lgsp.hub.simulators.portal.PortalClient.sync;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortalAdminApiTest extends LoggedInPortalTest {

  @Test
  void receivedListsItemsWithoutPayloadAndTheCounters() throws Exception {
    client.api(session, "ev-1", sync("H56-0001", 2));
    client.api(session, "ev-1", sync("H56-0001", 2));
    client.api(session, null, PortalClient.progress("H56-0001", 4));

    HttpResponse<String> response = client.get("/__admin/portal/received");

    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, Object> body = json(response);
    assertThat(body).containsEntry("duplicates", 1).containsEntry("calls", 3).containsEntry("logins", 1);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> received = (List<Map<String, Object>>) body.get("received");
    assertThat(received).hasSize(2);
    assertThat(received.get(0))
        .containsEntry("service", "DongBoHoSoMC")
        .containsEntry("dossierCode", "H56-0001")
        .containsEntry("status", 2)
        .containsEntry("idempotencyKey", "ev-1")
        .containsEntry("updating", false)
        .containsKey("receivedAt");
    assertThat(received.get(1)).containsEntry("service", "CapNhatTienDoHoSoMC").containsEntry("status", 4);
    assertThat(response.body()).doesNotContain("Nguyễn Văn An", "038095123456");
  }

  @Test
  void httpFaultIsAppliedToTheNextCalls() throws Exception {
    HttpResponse<String> switched = client.post("/__admin/portal/faults", "{\"kind\":\"HTTP_503\",\"times\":2}");

    assertThat(switched.statusCode()).isEqualTo(200);
    assertThat(client.api(session, "ev-1", sync("H56-0001", 2)).statusCode()).isEqualTo(503);
    assertThat(client.api(session, "ev-1", sync("H56-0001", 2)).statusCode()).isEqualTo(503);
    assertThat(client.errorCode(client.api(session, "ev-1", sync("H56-0001", 2)))).isEqualTo("0");
  }

  @Test
  void httpSocketFault() throws Exception {
    client.post("/__admin/portal/faults", "{\"kind\":\"CONNECTION_RESET\"}");

    assertThatThrownBy(() -> client.api(session, "ev-1", sync("H56-0001", 2))).isInstanceOf(IOException.class);
  }

  @Test
  void httpDelay() throws Exception {
    client.post("/__admin/portal/faults", "{\"kind\":\"DELAY\",\"delayMs\":300,\"times\":1}");

    long start = System.nanoTime();
    HttpResponse<String> response = client.api(session, "ev-1", sync("H56-0001", 2));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(client.errorCode(response)).isEqualTo("0");
  }

  @Test
  void httpReject() throws Exception {
    client.post("/__admin/portal/faults", "{\"kind\":\"REJECT\",\"times\":1}");

    assertThat(client.errorCode(client.api(session, "ev-1", sync("H56-0001", 2)))).isEqualTo("-1");
    assertThat(simulator.received()).isEmpty();
  }

  @Test
  void pendingFaultsCanBeListed() throws Exception {
    client.post("/__admin/portal/faults", "{\"kind\":\"HTTP_500\",\"times\":3}");
    client.post("/__admin/portal/faults", "{\"kind\":\"DELAY\",\"delayMs\":1500,\"times\":2}");
    client.api(session, "ev-1", sync("H56-0001", 2));

    assertThat(json(client.get("/__admin/portal/faults")).get("pending")).isEqualTo(List.of(
        Map.of("kind", "HTTP_500", "times", 2),
        Map.of("kind", "DELAY", "times", 2, "delayMs", 1500)));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "[]", "{}", "{\"kind\":\"HTTP_418\"}", "{\"kind\":\"HTTP_503\",\"times\":0}",
      "{\"kind\":\"HTTP_503\",\"times\":\"2\"}", "{\"kind\":\"DELAY\",\"times\":1}", "{\"kind\":\"DELAY\",\"delayMs\":-1}"})
  void badFaultRequestsAreRefusedWith400(String body) throws Exception {
    HttpResponse<String> response = client.post("/__admin/portal/faults", body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response)).containsKey("error");
    assertThat(client.get("/__admin/portal/faults").body()).doesNotContain("kind");
  }

  @Test
  void httpResetAndSessionExpiry() throws Exception {
    client.api(session, "ev-1", sync("H56-0001", 2));

    assertThat(client.post("/__admin/portal/sessions/expire", "").statusCode()).isEqualTo(200);
    assertThat(client.errorCode(client.api(session, "ev-2", sync("H56-0002", 2)))).isEqualTo("-2");

    assertThat(client.post("/__admin/portal/reset", "").statusCode()).isEqualTo(200);
    assertThat(simulator.received()).isEmpty();
    assertThat(json(client.get("/__admin/portal/received"))).containsEntry("calls", 0).containsEntry("received", List.of());
  }

  @Test
  void wireMocksOwnResetKeepsThePortalEndpoints() throws Exception {
    assertThat(client.post("/__admin/reset", "").statusCode()).isEqualTo(200);

    assertThat(client.errorCode(client.api(client.login(), "ev-1", sync("H56-0001", 2)))).isEqualTo("0");
    assertThat(client.get("/__admin/mappings").body()).contains("portal: login");
  }

  @Test
  void aStubAddedThroughWireMockOverridesThePortalLogic() throws Exception {
    simulator.wireMock().stubFor(post(urlPathEqualTo(PortalSimulator.API_PATH))
        .willReturn(aResponse().withStatus(429).withBody("slow down")));

    assertThat(client.api(session, "ev-1", sync("H56-0001", 2)).statusCode()).isEqualTo(429);
    assertThat(simulator.callCount()).isZero();
  }
}
