package vn.lgsp.hub.simulators.onestop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.lgsp.hub.simulators.SimulatorHttp.json;

import com.github.tomakehurst.wiremock.common.Json;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.simulators.SimulatorHttp;
import vn.lgsp.hub.simulators.SimulatorTest;

class OneStopSimulatorTest extends SimulatorTest<OneStopSimulator, SimulatorHttp> {

  private static final String DELIVERY = """
      {"dossier":{"dossierCode":"%s","procedureCode":"1.004616","agencyCode":"000.00.14.H56",
        "submittedAt":"2026-11-22T09:15:00+07:00","updatedAt":"2026-11-22T09:20:30+07:00",
        "applicant":{"type":"CITIZEN","fullName":"Nguyễn Văn An","personalId":"038095123456","birthDate":"1995-03-12"}},
       "verification":{"outcome":"MISMATCH","differingFields":["fullName"],"diacriticsOnly":true,
        "checkedAt":"2026-11-22T09:21:00+07:00"}}""";

  OneStopSimulatorTest() {
    super(() -> new OneStopSimulator(0), SimulatorHttp::new);
  }

  @Test
  void issuesAReceiptOnceAndRecognisesTheSameKey() throws Exception {
    HttpResponse<String> first = deliver("D-1", "key-1");
    HttpResponse<String> again = deliver("D-1", "key-1");
    HttpResponse<String> other = deliver("D-2", "key-2");

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(json(first)).containsExactly(Map.entry("receiptNumber", "BN-000001"));
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json(again)).containsEntry("receiptNumber", "BN-000001").containsEntry("duplicate", true);
    assertThat(json(other)).containsEntry("receiptNumber", "BN-000002");
    assertThat(simulator.received()).extracting(ReceivedDossier::dossierCode).containsExactly("D-1", "D-2");
    assertThat(simulator.duplicateCount()).isEqualTo(1);
    assertThat(simulator.callCount()).isEqualTo(3);
  }

  @Test
  void adminListsWhatArrivedWithoutPersonalData() throws Exception {
    client.post("/api/intake/dossiers", DELIVERY.formatted("D-1"),
        Map.of("X-Idempotency-Key", "key-1", "X-Correlation-Id", "cid-1"));

    HttpResponse<String> listed = client.get("/__admin/onestop/received");

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> received = Json.read(listed.body(), List.class);
    assertThat(received).hasSize(1);
    assertThat(received.get(0))
        .containsEntry("dossierCode", "D-1")
        .containsEntry("version", "2026-11-22T09:20:30+07:00")
        .containsEntry("idempotencyKey", "key-1")
        .containsEntry("verification", "MISMATCH")
        .containsEntry("differingFields", List.of("fullName"))
        .containsEntry("correlationId", "cid-1")
        .containsEntry("receiptNumber", "BN-000001")
        .containsKey("receivedAt");
    assertThat(listed.body()).doesNotContain("Nguyễn", "038095123456", "1995");
    assertThat(simulator.received().get(0).delivery()).containsKey("dossier");
  }

  @Test
  void refusesWhatIsNotADelivery() throws Exception {
    assertThat(client.post("/api/intake/dossiers", "not json").statusCode()).isEqualTo(400);
    HttpResponse<String> noCode = client.post("/api/intake/dossiers", "{\"dossier\":{},\"verification\":{\"outcome\":"
        + "\"VERIFIED\"}}");
    assertThat(noCode.statusCode()).isEqualTo(422);
    assertThat(json(noCode).get("message")).asString().contains("dossierCode");
    assertThat(client.post("/api/intake/dossiers", "{\"dossier\":{\"dossierCode\":\"D-1\"}}").statusCode())
        .isEqualTo(422);
    assertThat(simulator.received()).isEmpty();
  }

  @Test
  void faultsApplyToTheNextCallsInOrderAndRecordNothing() throws Exception {
    admin("/__admin/onestop/faults", "{\"kind\":\"HTTP_503\",\"times\":2}");
    admin("/__admin/onestop/faults", "{\"kind\":\"REJECT\"}");
    admin("/__admin/onestop/faults", "{\"kind\":\"MALFORMED_REPLY\"}");

    assertThat(json(client.get("/__admin/onestop/faults")).get("pending")).asList().hasSize(3);
    assertThat(deliver("D-1", "key-1").statusCode()).isEqualTo(503);
    assertThat(deliver("D-1", "key-1").statusCode()).isEqualTo(503);
    HttpResponse<String> rejected = deliver("D-1", "key-1");
    assertThat(rejected.statusCode()).isEqualTo(422);
    assertThat(json(rejected)).containsKey("message");
    HttpResponse<String> malformed = deliver("D-1", "key-1");
    assertThat(malformed.statusCode()).isEqualTo(201);
    assertThatThrownBy(() -> Json.read(malformed.body(), Map.class)).isNotNull();
    assertThat(simulator.received()).isEmpty();
    assertThat(deliver("D-1", "key-1").statusCode()).isEqualTo(201);
  }

  @Test
  void connectionResetAndEmptyReply() {
    simulator.injectFault(OneStopFault.CONNECTION_RESET, 1);
    simulator.injectFault(OneStopFault.EMPTY_REPLY, 1);

    assertThatThrownBy(() -> deliver("D-1", "key-1")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> deliver("D-1", "key-1")).isInstanceOf(IOException.class);
    assertThat(simulator.received()).isEmpty();
  }

  @Test
  void aDelayedDeliveryIsRecordedAtOnceAndAnsweredLate() throws Exception {
    admin("/__admin/onestop/faults", "{\"kind\":\"DELAY\",\"delayMs\":1500}");

    assertThatThrownBy(() -> client.post("/api/intake/dossiers", DELIVERY.formatted("D-1"),
        Map.of("X-Idempotency-Key", "key-1"), Duration.ofMillis(300))).isInstanceOf(IOException.class);

    assertThat(simulator.received()).hasSize(1);
    assertThat(json(deliver("D-1", "key-1"))).containsEntry("duplicate", true);
  }

  @Test
  void downUntilUpAndResetForgetsEverything() throws Exception {
    deliver("D-1", "key-1");
    admin("/__admin/onestop/down", "");

    assertThat(deliver("D-2", "key-2").statusCode()).isEqualTo(503);
    assertThat(deliver("D-2", "key-2").statusCode()).isEqualTo(503);
    assertThat(json(client.get("/__admin/onestop/counters"))).containsEntry("down", true).containsEntry("calls", 3);
    admin("/__admin/onestop/up", "");
    assertThat(deliver("D-2", "key-2").statusCode()).isEqualTo(201);

    admin("/__admin/onestop/down", "");
    admin("/__admin/onestop/reset", "");
    assertThat(simulator.received()).isEmpty();
    assertThat(simulator.callCount()).isZero();
    HttpResponse<String> afterReset = deliver("D-1", "key-1");
    assertThat(afterReset.statusCode()).isEqualTo(201);
    assertThat(json(afterReset)).containsEntry("receiptNumber", "BN-000001");
  }

  @Test
  void badFaultRequestsAreRefused() throws Exception {
    assertThat(client.post("/__admin/onestop/faults", "{\"kind\":\"NOPE\"}").statusCode()).isEqualTo(400);
    assertThat(client.post("/__admin/onestop/faults", "{\"kind\":\"DELAY\"}").statusCode()).isEqualTo(400);
    assertThat(client.post("/__admin/onestop/faults", "{\"kind\":\"HTTP_503\",\"times\":0}").statusCode())
        .isEqualTo(400);
  }

  private HttpResponse<String> deliver(String dossierCode, String key) throws IOException, InterruptedException {
    return client.post("/api/intake/dossiers", DELIVERY.formatted(dossierCode), Map.of("X-Idempotency-Key", key));
  }

  private void admin(String path, String body) throws IOException, InterruptedException {
    assertThat(client.post(path, body).statusCode()).isEqualTo(200);
  }
}
