package vn.lgsp.hub.simulators.axis;

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
import vn.lgsp.hub.simulators.StandardFault;
import vn.lgsp.hub.simulators.edxml.Packages;

class AxisSimulatorTest extends vn.lgsp.hub.simulators.SimulatorTest<AxisSimulator, AxisClient> {

  private static final String XAY_DUNG = "000.00.14.H56";
  private static final String Y_TE = "000.00.21.H56";
  private static final String BO_XAY_DUNG = "000.00.00.G12";
  private static final String LETTER = Packages.edoc("000.00.14.H56,2026,15", XAY_DUNG, BO_XAY_DUNG, "000.00.12.H40");

  AxisSimulatorTest() {
    super(() -> new AxisSimulator(0), AxisClient::new);
  }

  @Test
  void sendIssuesADocIdOnceAndRecognisesTheSameKey() throws Exception {
    HttpResponse<String> first = client.send(LETTER, "edoc", "key-1");
    HttpResponse<String> again = client.send(LETTER, "edoc", "key-1");
    HttpResponse<String> other = client.send(LETTER, "edoc", "key-2");

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(json(first)).containsExactly(Map.entry("status", "OK"), Map.entry("docId", "AX-000001"));
    assertThat(json(again)).containsEntry("docId", "AX-000001").containsEntry("duplicate", true);
    assertThat(json(other)).containsEntry("docId", "AX-000002");
    assertThat(simulator.sent()).extracting(SentPackage::docId).containsExactly("AX-000001", "AX-000002");
    SentPackage sent = simulator.sent().get(0);
    assertThat(sent.to()).containsExactly(BO_XAY_DUNG, "000.00.12.H40");
    assertThat(sent.documentId()).isEqualTo("000.00.14.H56,2026,15");
    assertThat(sent.responseFor()).isEqualTo("000.00.00.G12,2026,77");
    assertThat(sent.correlationId()).isEqualTo("cid-key-1");
    assertThat(sent.bytes()).isEqualTo(LETTER.getBytes(StandardCharsets.UTF_8).length);
    assertThat(sent.xml()).isEqualTo(LETTER);
    assertThat(simulator.duplicateCount()).isEqualTo(1);
  }

  @Test
  void aSentStatusGoesToTheOriginatorAndEveryRecipientCanFetchIt() throws Exception {
    String status = Packages.status("03", XAY_DUNG, BO_XAY_DUNG, "000.00.00.G12,2026,77");
    String docId = (String) json(client.send(status, "status", "key-s")).get("docId");

    assertThat(simulator.sent().get(0)).extracting(SentPackage::to, SentPackage::statusCode, SentPackage::messagetype)
        .containsExactly(List.of(BO_XAY_DUNG), "03", "status");
    assertThat(received("?organId=" + BO_XAY_DUNG)).singleElement()
        .satisfies(entry -> assertThat(entry).containsEntry("docId", docId).containsEntry("messagetype", "status")
            .containsEntry("from", XAY_DUNG).containsEntry("to", BO_XAY_DUNG));
    HttpResponse<String> fetched = client.authorisedGet("/vxp/edoc/" + docId + "?organId=" + BO_XAY_DUNG);
    assertThat(fetched.statusCode()).isEqualTo(200);
    assertThat(fetched.headers().firstValue("Content-Type")).hasValue("application/xml");
    assertThat(fetched.body()).isEqualTo(status);
  }

  @Test
  void refusesWrongCredentialsOnEveryOperation() throws Exception {
    for (String path : List.of("/vxp/edoc/received?organId=" + XAY_DUNG, "/vxp/edoc/AX-000001?organId=" + XAY_DUNG,
        "/vxp/agencies")) {
      HttpResponse<String> refused = client.get(path);
      assertThat(refused.statusCode()).isEqualTo(401);
      assertThat(json(refused)).containsEntry("status", "FAIL").containsEntry("errorCode", "AUTH");
    }
    HttpResponse<String> wrongSecret = client.postXml("/vxp/edoc/send", HttpRequest.BodyPublishers.ofString(LETTER),
        Map.of("systemid", AxisSimulator.DEFAULT_SYSTEM_ID, "secret", "nope", "from", XAY_DUNG,
            "servicetype", "eDoc", "messagetype", "edoc"));
    assertThat(wrongSecret.statusCode()).isEqualTo(401);
    assertThat(client.post("/vxp/edoc/AX-000001/status", "{\"organId\":\"x\",\"status\":\"done\"}").statusCode())
        .isEqualTo(401);
    assertThat(simulator.sent()).isEmpty();
  }

  @Test
  void refusesWhatIsNotASend() throws Exception {
    assertThat(failure(client.send("not xml", "edoc", "k"), 400)).isEqualTo("INVALID_PACKAGE");
    assertThat(failure(client.send("<edXML/>", "edoc", "k"), 400)).isEqualTo("INVALID_PACKAGE");
    assertThat(failure(client.send(LETTER, "revocation", "k"), 400)).isEqualTo("INVALID_HEADER");
    assertThat(failure(client.post("/vxp/edoc/send", LETTER, Map.of("systemid", AxisSimulator.DEFAULT_SYSTEM_ID,
        "secret", AxisSimulator.DEFAULT_SECRET, "from", XAY_DUNG, "servicetype", "eDoc", "messagetype", "edoc")), 415))
        .isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    assertThat(failure(client.authorisedGet("/vxp/nothing"), 404)).isEqualTo("NOT_FOUND");
    assertThat(simulator.sent()).isEmpty();
  }

  @Test
  void receivedListsPerAgencyAndPagesBySeq() throws Exception {
    InboxDelivery first = simulator.deliverToProvince(XAY_DUNG, BO_XAY_DUNG, "edoc", Packages.edoc("A", BO_XAY_DUNG,
        XAY_DUNG));
    simulator.deliverToProvince(Y_TE, "000.00.00.G15", "edoc", Packages.edoc("B", "000.00.00.G15", Y_TE));
    simulator.deliverToProvince(XAY_DUNG, BO_XAY_DUNG, "status", Packages.status("01", BO_XAY_DUNG, XAY_DUNG, "C"));
    HttpResponse<String> overHttp = client.post("/__admin/axis/inbox?to=" + XAY_DUNG + "&from=" + BO_XAY_DUNG,
        Packages.edoc("D", BO_XAY_DUNG, XAY_DUNG));
    assertThat(overHttp.statusCode()).isEqualTo(200);
    assertThat(json(overHttp)).containsEntry("docId", "AX-000004").containsEntry("seq", 4);
    assertThat(first).isEqualTo(new InboxDelivery("AX-000001", 1));

    assertThat(received("?organId=" + XAY_DUNG)).extracting(entry -> entry.get("seq")).containsExactly(1, 3, 4);
    assertThat(received("?organId=" + XAY_DUNG + "&limit=2")).extracting(entry -> entry.get("seq"))
        .containsExactly(1, 3);
    assertThat(received("?organId=" + XAY_DUNG + "&after=3&limit=2")).extracting(entry -> entry.get("docId"))
        .containsExactly("AX-000004");
    assertThat(received("?organId=" + XAY_DUNG + "&organId=" + Y_TE)).hasSize(4);
    assertThat(received("?organId=" + XAY_DUNG + "," + Y_TE + "&after=1")).hasSize(3);
    Map<String, Object> entry = received("?organId=" + Y_TE).get(0);
    assertThat(entry).containsOnlyKeys("docId", "seq", "from", "to", "messagetype", "created");
    assertThat((String) entry.get("created")).endsWith("+07:00");
    assertThat(failure(client.authorisedGet("/vxp/edoc/received"), 400)).isEqualTo("INVALID_PARAMETER");
    assertThat(failure(client.authorisedGet("/vxp/edoc/received?organId=x&limit=0"), 400))
        .isEqualTo("INVALID_PARAMETER");
    assertThat(failure(client.authorisedGet("/vxp/edoc/received?organId=x&after=abc"), 400))
        .isEqualTo("INVALID_PARAMETER");
    assertThat(client.post("/__admin/axis/inbox?to=" + XAY_DUNG, "<edXML/>").statusCode()).isEqualTo(400);
    assertThat(client.post("/__admin/axis/inbox?to=a&from=b&messagetype=other", "<edXML/>").statusCode())
        .isEqualTo(400);
  }

  @Test
  void fetchServesThePackageToItsRecipientsOnly() throws Exception {
    String xml = Packages.edoc("A", BO_XAY_DUNG, XAY_DUNG);
    InboxDelivery delivery = simulator.deliverToProvince(XAY_DUNG, BO_XAY_DUNG, "edoc", xml);

    assertThat(client.authorisedGet("/vxp/edoc/" + delivery.docId() + "?organId=" + XAY_DUNG).body()).isEqualTo(xml);
    assertThat(failure(client.authorisedGet("/vxp/edoc/" + delivery.docId() + "?organId=" + Y_TE), 404))
        .isEqualTo("NOT_FOUND");
    assertThat(failure(client.authorisedGet("/vxp/edoc/AX-999999?organId=" + XAY_DUNG), 404)).isEqualTo("NOT_FOUND");
    assertThat(failure(client.authorisedGet("/vxp/edoc/" + delivery.docId()), 400)).isEqualTo("INVALID_PARAMETER");
  }

  @Test
  void doneRemovesTheEntryWhileFailAndProcessingKeepIt() throws Exception {
    InboxDelivery one = simulator.deliverToProvince(XAY_DUNG, BO_XAY_DUNG, "edoc", Packages.edoc("A", BO_XAY_DUNG));
    InboxDelivery two = simulator.deliverToProvince(XAY_DUNG, BO_XAY_DUNG, "edoc", Packages.edoc("B", BO_XAY_DUNG));

    assertThat(client.ack(one.docId(), XAY_DUNG, "fail").statusCode()).isEqualTo(200);
    assertThat(client.ack(two.docId(), XAY_DUNG, "processing").statusCode()).isEqualTo(200);
    assertThat(received("?organId=" + XAY_DUNG)).hasSize(2);
    HttpResponse<String> done = client.ack(one.docId(), XAY_DUNG, "done");
    assertThat(json(done)).containsExactly(Map.entry("status", "OK"));
    assertThat(received("?organId=" + XAY_DUNG)).extracting(entry -> entry.get("docId"))
        .containsExactly(two.docId());
    client.ack(one.docId(), XAY_DUNG, "fail");
    assertThat(received("?organId=" + XAY_DUNG)).hasSize(1);
    assertThat(client.authorisedGet("/vxp/edoc/" + one.docId() + "?organId=" + XAY_DUNG).statusCode()).isEqualTo(200);

    assertThat(simulator.acks()).extracting(TransportAck::docId, TransportAck::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple(one.docId(), "fail"), org.assertj.core.groups.Tuple.tuple(two.docId(),
            "processing"), org.assertj.core.groups.Tuple.tuple(one.docId(), "done"),
        org.assertj.core.groups.Tuple.tuple(one.docId(), "fail"));
    assertThat(list(client.get("/__admin/axis/acks")).get(0)).containsEntry("organId", XAY_DUNG)
        .containsKeys("docId", "status", "at");
    assertThat(failure(client.ack(one.docId(), Y_TE, "done"), 404)).isEqualTo("NOT_FOUND");
    assertThat(failure(client.ack(one.docId(), XAY_DUNG, "read"), 400)).isEqualTo("INVALID_PARAMETER");
    assertThat(failure(client.post("/vxp/edoc/" + one.docId() + "/status", "nope", AxisClient.AUTH), 400))
        .isEqualTo("INVALID_PARAMETER");
  }

  @Test
  void listsAgenciesOfOtherProvincesAndMinistries() throws Exception {
    HttpResponse<String> reply = client.authorisedGet("/vxp/agencies");

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> agencies = (List<Map<String, Object>>) json(reply).get("data");
    assertThat(agencies).hasSizeGreaterThanOrEqualTo(12);
    assertThat(agencies).allSatisfy(agency -> {
      assertThat(agency).containsOnlyKeys("code", "pcode", "name", "mail", "mobile", "fax");
      assertThat((String) agency.get("code")).matches("\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}").doesNotEndWith("H56");
    });
    assertThat(agencies).anySatisfy(agency -> assertThat(agency).containsEntry("code", "000.00.00.G06")
        .containsEntry("name", "Bộ Nội vụ"));
  }

  @Test
  void adminListsWhatWasSentWithoutThePackage() throws Exception {
    client.send(LETTER, "edoc", "key-1");

    List<Map<String, Object>> sent = list(client.get("/__admin/axis/sent"));

    assertThat(sent).singleElement().satisfies(item -> assertThat(item)
        .containsEntry("docId", "AX-000001").containsEntry("idempotencyKey", "key-1").containsEntry("from", XAY_DUNG)
        .containsEntry("to", List.of(BO_XAY_DUNG, "000.00.12.H40")).containsEntry("messagetype", "edoc")
        .containsEntry("documentId", "000.00.14.H56,2026,15").containsEntry("correlationId", "cid-key-1")
        .containsKeys("bytes", "receivedAt").doesNotContainKey("body"));
    assertThat(client.get("/__admin/axis/sent").body()).doesNotContain("Nguyễn", "Lê Văn Bình");
    assertThat(json(client.get("/__admin/axis/counters"))).containsEntry("sent", 1).containsEntry("calls", 1);
  }

  @Test
  void faultsApplyInOrderToAnyOperationOrToOne() throws Exception {
    admin("/__admin/axis/faults", "{\"kind\":\"HTTP_503\",\"times\":2,\"operation\":\"send\"}");
    admin("/__admin/axis/faults", "{\"kind\":\"REJECT\"}");
    admin("/__admin/axis/faults", "{\"kind\":\"MALFORMED_REPLY\",\"operation\":\"fetch\"}");

    assertThat(list(client.get("/__admin/axis/faults").body(), "pending")).hasSize(3);
    assertThat(client.authorisedGet("/vxp/agencies").statusCode()).isEqualTo(400);
    assertThat(client.authorisedGet("/vxp/agencies").statusCode()).isEqualTo(200);
    assertThat(client.send(LETTER, "edoc", "key-1").statusCode()).isEqualTo(503);
    assertThat(client.send(LETTER, "edoc", "key-1").statusCode()).isEqualTo(503);
    assertThat(simulator.sent()).isEmpty();
    String docId = (String) json(client.send(LETTER, "edoc", "key-1")).get("docId");
    HttpResponse<String> cut = client.authorisedGet("/vxp/edoc/" + docId + "?organId=" + BO_XAY_DUNG);
    assertThat(cut.statusCode()).isEqualTo(200);
    assertThat(cut.body()).doesNotContain("</edXML:edXML>");
    assertThat(client.authorisedGet("/vxp/edoc/" + docId + "?organId=" + BO_XAY_DUNG).body()).isEqualTo(LETTER);
    assertThat(simulator.callCount(AxisOperation.SEND)).isEqualTo(3);

    simulator.injectFault(StandardFault.CONNECTION_RESET, 1);
    // Java's client tries a GET again once after a broken connection: two to be sure this one fails.
    simulator.injectFault(StandardFault.EMPTY_REPLY, 2, AxisOperation.RECEIVED);
    assertThatThrownBy(() -> client.send(LETTER, "edoc", "key-2")).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> received("?organId=" + XAY_DUNG)).isInstanceOf(IOException.class);
    assertThat(simulator.sent()).hasSize(1);
  }

  @Test
  void badFaultRequestsAreRefused() throws Exception {
    assertThat(client.post("/__admin/axis/faults", "{\"kind\":\"NOPE\"}").statusCode()).isEqualTo(400);
    assertThat(client.post("/__admin/axis/faults", "{\"kind\":\"DELAY\"}").statusCode()).isEqualTo(400);
    assertThat(client.post("/__admin/axis/faults", "{\"kind\":\"HTTP_500\",\"operation\":\"x\"}").statusCode())
        .isEqualTo(400);
    assertThat(client.post("/__admin/axis/down?operation=x", "").statusCode()).isEqualTo(400);
  }

  @Test
  void aDelayedSendIsRecordedAtOnceAndAnsweredLate() throws Exception {
    admin("/__admin/axis/faults", "{\"kind\":\"DELAY\",\"delayMs\":1500}");

    assertThatThrownBy(() -> client.postXml("/vxp/edoc/send", HttpRequest.BodyPublishers.ofString(LETTER),
        Map.of("systemid", AxisSimulator.DEFAULT_SYSTEM_ID, "secret", AxisSimulator.DEFAULT_SECRET, "from", XAY_DUNG,
            "servicetype", "eDoc", "messagetype", "edoc", "X-Idempotency-Key", "key-1"), Duration.ofMillis(300)))
        .isInstanceOf(IOException.class);

    assertThat(simulator.sent()).hasSize(1);
    assertThat(json(client.send(LETTER, "edoc", "key-1"))).containsEntry("duplicate", true);
  }

  @Test
  void downUntilUpWholeOrPerOperationAndResetForgetsEverything() throws Exception {
    client.send(LETTER, "edoc", "key-1");
    admin("/__admin/axis/down", "");
    assertThat(client.send(LETTER, "edoc", "key-2").statusCode()).isEqualTo(503);
    assertThat(client.authorisedGet("/vxp/agencies").statusCode()).isEqualTo(503);
    admin("/__admin/axis/up", "");
    admin("/__admin/axis/down?operation=received", "");
    assertThat(received("?organId=x", 503)).isNull();
    assertThat(client.authorisedGet("/vxp/agencies").statusCode()).isEqualTo(200);
    assertThat(json(client.get("/__admin/axis/faults"))).containsEntry("down", false)
        .containsEntry("downOperations", List.of("received"));
    admin("/__admin/axis/up?operation=received", "");
    assertThat(received("?organId=" + BO_XAY_DUNG)).hasSize(1);

    simulator.setDown(true);
    simulator.deliverToProvince(XAY_DUNG, BO_XAY_DUNG, "edoc", LETTER);
    admin("/__admin/axis/reset", "");
    assertThat(simulator.sent()).isEmpty();
    assertThat(simulator.acks()).isEmpty();
    assertThat(simulator.callCount()).isZero();
    assertThat(received("?organId=" + XAY_DUNG)).isEmpty();
    assertThat(json(client.send(LETTER, "edoc", "key-1"))).containsEntry("docId", "AX-000001")
        .doesNotContainKey("duplicate");
  }

  @Test
  void aLargePackageIsSentStreamedAndFetchedWhole() throws Exception {
    HttpResponse<String> reply = client.send(Packages.large(20, "000.00.14.H56,2026,99", XAY_DUNG, BO_XAY_DUNG),
        "edoc", "key-big");

    assertThat(reply.statusCode()).isEqualTo(200);
    SentPackage sent = simulator.sent().get(0);
    assertThat(sent.bytes()).isGreaterThan(20_000_000);
    assertThat(sent.documentId()).isEqualTo("000.00.14.H56,2026,99");
    HttpResponse<byte[]> fetched = java.net.http.HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(java.net.URI.create(simulator.baseUrl() + "/vxp/edoc/" + sent.docId() + "?organId="
            + BO_XAY_DUNG)).headers("systemid", AxisSimulator.DEFAULT_SYSTEM_ID, "secret",
            AxisSimulator.DEFAULT_SECRET).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(fetched.body()).hasSize(sent.bytes());
  }

  private List<Map<String, Object>> received(String query) throws IOException, InterruptedException {
    return received(query, 200);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> received(String query, int status) throws IOException, InterruptedException {
    HttpResponse<String> reply = client.authorisedGet("/vxp/edoc/received" + query);
    assertThat(reply.statusCode()).isEqualTo(status);
    return status == 200 ? (List<Map<String, Object>>) json(reply).get("data") : null;
  }

  private static String failure(HttpResponse<String> reply, int status) {
    assertThat(reply.statusCode()).isEqualTo(status);
    assertThat(json(reply)).containsEntry("status", "FAIL").containsKey("errorDesc");
    return (String) json(reply).get("errorCode");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(HttpResponse<String> reply) {
    return Json.read(reply.body(), List.class);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(String body, String field) {
    return (List<Object>) Json.read(body, Map.class).get(field);
  }

  private void admin(String path, String body) throws IOException, InterruptedException {
    assertThat(client.post(path, body).statusCode()).isEqualTo(200);
  }
}
