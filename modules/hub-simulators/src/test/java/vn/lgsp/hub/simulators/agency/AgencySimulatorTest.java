package vn.lgsp.hub.simulators.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.lgsp.hub.simulators.SimulatorHttp.json;

import com.github.tomakehurst.wiremock.common.Json;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.simulators.SimulatorHttp;
import vn.lgsp.hub.simulators.SimulatorTest;
import vn.lgsp.hub.simulators.StandardFault;
import vn.lgsp.hub.simulators.edxml.Packages;

class AgencySimulatorTest extends SimulatorTest<AgencySimulator, SimulatorHttp> {

  private static final String XAY_DUNG = "000.00.14.H56";
  private static final String Y_TE = "000.00.21.H56";
  private static final String LETTER = Packages.edoc("000.00.00.G12,2026,77", "000.00.00.G12", XAY_DUNG);

  AgencySimulatorTest() {
    super(() -> new AgencySimulator(0), SimulatorHttp::new);
  }

  @Test
  void acceptsOnceAndRecognisesTheKeyPerAgency() throws Exception {
    HttpResponse<String> first = push(XAY_DUNG, LETTER, "key-1");
    HttpResponse<String> again = push(XAY_DUNG, LETTER, "key-1");
    HttpResponse<String> elsewhere = push(Y_TE, LETTER, "key-1");
    HttpResponse<String> anyCode = push("G09.20", LETTER, "key-9");

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(json(first)).containsExactly(Map.entry("status", "OK"));
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json(again)).containsEntry("duplicate", true);
    assertThat(elsewhere.statusCode()).isEqualTo(202);
    assertThat(anyCode.statusCode()).isEqualTo(202);
    assertThat(simulator.received()).extracting(PushedDocument::organId).containsExactly(XAY_DUNG, Y_TE, "G09.20");
    assertThat(simulator.received(XAY_DUNG)).singleElement().satisfies(document -> {
      assertThat(document.documentId()).isEqualTo("000.00.00.G12,2026,77");
      assertThat(document.messagetype()).isEqualTo("edoc");
      assertThat(document.correlationId()).isEqualTo("cid-key-1");
      assertThat(document.xml()).isEqualTo(LETTER);
    });
    assertThat(simulator.duplicateCount()).isEqualTo(1);
    assertThat(simulator.callCount()).isEqualTo(4);
  }

  @Test
  void adminListsWhatArrivedPerAgencyWithoutThePackage() throws Exception {
    push(XAY_DUNG, LETTER, "key-1");
    push(Y_TE, Packages.status("06", "000.00.00.G15", Y_TE, "000.00.21.H56,2026,4"), "key-2");

    List<Map<String, Object>> all = list(client.get("/__admin/agencies/received"));
    List<Map<String, Object>> yTe = list(client.get("/__admin/agencies/received?organId=" + Y_TE));

    assertThat(all).hasSize(2);
    assertThat(yTe).singleElement().satisfies(item -> assertThat(item)
        .containsEntry("organId", Y_TE).containsEntry("idempotencyKey", "key-2").containsEntry("messagetype", "status")
        .containsEntry("statusCode", "06").containsEntry("responseFor", "000.00.21.H56,2026,4")
        .containsEntry("correlationId", "cid-key-2").containsKeys("bytes", "receivedAt").doesNotContainKey("body"));
    assertThat(client.get("/__admin/agencies/received").body()).doesNotContain("Nguyễn", "Lê Văn Bình");
    assertThat(json(client.get("/__admin/agencies/counters"))).containsEntry("received", 2).containsEntry("calls", 2);
  }

  @Test
  void refusesWhatIsNotAnXmlPackage() throws Exception {
    assertThat(push(XAY_DUNG, "not xml", "k").statusCode()).isEqualTo(400);
    assertThat(client.post("/agencies/" + XAY_DUNG + "/documents", LETTER).statusCode()).isEqualTo(415);
    assertThat(client.post("/agencies//documents", LETTER).statusCode()).isEqualTo(404);
    assertThat(simulator.received()).isEmpty();
  }

  @Test
  void faultsApplyInOrderToEveryAgencyOrToOne() throws Exception {
    admin("/__admin/agencies/faults", "{\"kind\":\"HTTP_500\",\"times\":2,\"organId\":\"" + Y_TE + "\"}");
    admin("/__admin/agencies/faults", "{\"kind\":\"REJECT\"}");
    admin("/__admin/agencies/faults", "{\"kind\":\"MALFORMED_REPLY\"}");

    assertThat(json(client.get("/__admin/agencies/faults")).get("pending")).asList().hasSize(3);
    HttpResponse<String> rejected = push(XAY_DUNG, LETTER, "key-1");
    assertThat(rejected.statusCode()).isEqualTo(422);
    assertThat(json(rejected)).containsEntry("status", "FAIL").containsKey("message");
    assertThat(push(Y_TE, LETTER, "key-2").statusCode()).isEqualTo(500);
    HttpResponse<String> malformed = push(XAY_DUNG, LETTER, "key-1");
    assertThat(malformed.statusCode()).isEqualTo(202);
    assertThatThrownBy(() -> Json.read(malformed.body(), Map.class)).isNotNull();
    assertThat(push(Y_TE, LETTER, "key-2").statusCode()).isEqualTo(500);
    assertThat(simulator.received()).isEmpty();
    assertThat(push(Y_TE, LETTER, "key-2").statusCode()).isEqualTo(202);

    simulator.injectFault(StandardFault.CONNECTION_RESET, 1, XAY_DUNG);
    simulator.injectFault(StandardFault.EMPTY_REPLY, 1);
    assertThatThrownBy(() -> push(XAY_DUNG, LETTER, "key-1")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> push(Y_TE, LETTER, "key-3")).isInstanceOf(IOException.class);
    assertThat(simulator.received()).hasSize(1);
  }

  @Test
  void aDelayedPushIsRecordedAtOnceAndAnsweredLate() throws Exception {
    admin("/__admin/agencies/faults", "{\"kind\":\"DELAY\",\"delayMs\":1500}");

    assertThatThrownBy(() -> client.postXml("/agencies/" + XAY_DUNG + "/documents",
        HttpRequest.BodyPublishers.ofString(LETTER), Map.of("X-Idempotency-Key", "key-1"), Duration.ofMillis(300)))
        .isInstanceOf(IOException.class);

    assertThat(simulator.received()).hasSize(1);
    assertThat(push(XAY_DUNG, LETTER, "key-1").statusCode()).isEqualTo(200);
  }

  @Test
  void downUntilUpWholeOrPerAgencyAndResetForgetsEverything() throws Exception {
    push(XAY_DUNG, LETTER, "key-1");
    admin("/__admin/agencies/down?organId=" + Y_TE, "");
    assertThat(push(Y_TE, LETTER, "key-2").statusCode()).isEqualTo(503);
    assertThat(push(XAY_DUNG, LETTER, "key-3").statusCode()).isEqualTo(202);
    admin("/__admin/agencies/up?organId=" + Y_TE, "");
    assertThat(push(Y_TE, LETTER, "key-2").statusCode()).isEqualTo(202);
    admin("/__admin/agencies/down", "");
    assertThat(push(XAY_DUNG, LETTER, "key-4").statusCode()).isEqualTo(503);
    admin("/__admin/agencies/up", "");
    assertThat(push(XAY_DUNG, LETTER, "key-4").statusCode()).isEqualTo(202);

    simulator.setDown(true, XAY_DUNG);
    admin("/__admin/agencies/reset", "");
    assertThat(simulator.received()).isEmpty();
    assertThat(simulator.callCount()).isZero();
    assertThat(push(XAY_DUNG, LETTER, "key-1").statusCode()).isEqualTo(202);
  }

  @Test
  void aLargePackageIsAcceptedStreamed() throws Exception {
    HttpResponse<String> reply = client.postXml("/agencies/" + XAY_DUNG + "/documents",
        Packages.large(20, "000.00.00.G12,2026,99", "000.00.00.G12", XAY_DUNG), Map.of("X-Idempotency-Key", "big"));

    assertThat(reply.statusCode()).isEqualTo(202);
    PushedDocument document = simulator.received().get(0);
    assertThat(document.bytes()).isGreaterThan(20_000_000);
    assertThat(document.documentId()).isEqualTo("000.00.00.G12,2026,99");
    assertThat(document.body()).endsWith("</edXML:edXML>".getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> push(String organId, String xml, String key) throws IOException, InterruptedException {
    return client.postXml("/agencies/" + organId + "/documents", HttpRequest.BodyPublishers.ofString(xml),
        Map.of("X-Idempotency-Key", key, "X-Correlation-Id", "cid-" + key));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(HttpResponse<String> reply) {
    return Json.read(reply.body(), List.class);
  }

  private void admin(String path, String body) throws IOException, InterruptedException {
    assertThat(client.post(path, body).statusCode()).isEqualTo(200);
  }
}
