package vn.lgsp.hub.simulators.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.lgsp.hub.simulators.portal.PortalClient.progress;
import static vn.lgsp.hub.simulators.portal.PortalClient.sync;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lgsp.hub.simulators.SimulatorTest;

class PortalSimulatorTest extends SimulatorTest<PortalSimulator, PortalClient> {

  PortalSimulatorTest() {
    super(() -> new PortalSimulator(0), PortalClient::new);
  }

  @Test
  void baseUrlIsLoopbackWithTheBoundPort() {
    assertThat(simulator.port()).isPositive();
    assertThat(simulator.baseUrl()).isEqualTo("http://127.0.0.1:" + simulator.port());
  }

  @Test
  void loginThenSyncThenProgressAreRecordedInArrivalOrder() throws Exception {
    Instant before = Instant.now();
    String session = client.login();
    assertThat(session).isNotBlank();

    HttpResponse<String> synced = client.api(session, "ev-1", sync("000.00.14.H56-261122-0001", 2));
    HttpResponse<String> progressed = client.api(session, "ev-2", progress("000.00.14.H56-261122-0001", "4"));

    assertThat(synced.statusCode()).isEqualTo(200);
    assertThat(PortalClient.json(synced)).containsEntry("error_code", "0").containsEntry("message", "Thành công");
    assertThat(client.errorCode(progressed)).isEqualTo("0");
    assertThat(simulator.received())
        .extracting(ReceivedCall::service, ReceivedCall::dossierCode, ReceivedCall::status,
            ReceivedCall::idempotencyKey, ReceivedCall::updating)
        .containsExactly(
            tuple("DongBoHoSoMC", "000.00.14.H56-261122-0001", 2, "ev-1", false),
            tuple("CapNhatTienDoHoSoMC", "000.00.14.H56-261122-0001", 4, "ev-2", false));
    ReceivedCall first = simulator.received().get(0);
    assertThat(first.receivedAt()).isAfterOrEqualTo(before);
    assertThat(first.item()).containsEntry("MaTTHC", "1.004616").containsEntry("ChuHoSo", "Nguyễn Văn An");
    assertThat(simulator.callCount()).isEqualTo(2);
    assertThat(simulator.loginCount()).isEqualTo(1);
    assertThat(simulator.duplicateCount()).isZero();
  }

  @Test
  void everyItemOfACallIsRecordedWithTheUpdatingFlag() throws Exception {
    String session = client.login();
    String body = """
        {"service":"DongBoHoSoMC","isUpdating":"True","data":[
          {"MaHoSo":"H56-0001","MaTTHC":"1.004616","TrangThaiHoSo":"4"},
          {"MaHoSo":"H56-0002","MaTTHC":"1.004616","TrangThaiHoSo":9}]}""";

    assertThat(client.errorCode(client.api(session, null, body))).isEqualTo("0");

    assertThat(simulator.received())
        .extracting(ReceivedCall::dossierCode, ReceivedCall::status, ReceivedCall::updating, ReceivedCall::idempotencyKey)
        .containsExactly(tuple("H56-0001", 4, true, null), tuple("H56-0002", 9, true, null));
  }

  @Test
  void wrongCredentialsAreRefused() throws Exception {
    assertThat(client.login("hub", "wrong"))
        .containsEntry("error_code", -1)
        .containsEntry("message", "Sai tên đăng nhập hoặc mật khẩu")
        .doesNotContainKey("session");
    assertThat(client.login("hub", PortalSimulator.DEFAULT_PASSWORD)).containsEntry("error_code", 0);
  }

  @Test
  void credentialsAreConfigurable() throws Exception {
    PortalSimulator custom = new PortalSimulator(0, "tinh-thanhhoa", "s3cret");
    custom.start();
    try {
      PortalClient other = new PortalClient(custom.baseUrl());
      assertThat(other.login("hub", "hub-secret")).containsEntry("error_code", -1);
      assertThat(other.login("tinh-thanhhoa", "s3cret")).containsEntry("error_code", 0).containsKey("session");
    } finally {
      custom.stop();
    }
  }

  @Test
  void unknownOrMissingSessionIsRefusedWithMinusTwo() throws Exception {
    HttpResponse<String> unknown = client.api("not-a-session", "k1", sync("H56-0001", 2));
    HttpResponse<String> missing = client.api(null, "k2", sync("H56-0001", 2));

    for (HttpResponse<String> response : List.of(unknown, missing)) {
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(PortalClient.json(response))
          .containsEntry("error_code", "-2")
          .containsEntry("message", "Phiên làm việc không hợp lệ hoặc đã hết hạn");
    }
    assertThat(simulator.received()).isEmpty();
    assertThat(simulator.callCount()).isEqualTo(2);
  }

  @Test
  void expiredSessionsMustLogInAgain() throws Exception {
    String session = client.login();
    simulator.expireSessions();

    assertThat(client.errorCode(client.api(session, "k1", sync("H56-0001", 2)))).isEqualTo("-2");
    String fresh = client.login();
    assertThat(client.errorCode(client.api(fresh, "k1", sync("H56-0001", 2)))).isEqualTo("0");
    assertThat(simulator.received()).hasSize(1);
  }

  @Test
  void aRepeatedIdempotencyKeyIsAcknowledgedButNotRecordedTwice() throws Exception {
    String session = client.login();
    client.api(session, "ev-1", sync("H56-0001", 2));

    HttpResponse<String> again = client.api(session, "ev-1", sync("H56-0001", 2));

    assertThat(PortalClient.json(again))
        .containsEntry("error_code", "0")
        .containsEntry("message", "Đã tiếp nhận trước đó")
        .containsEntry("duplicate", true);
    assertThat(simulator.received()).hasSize(1);
    assertThat(simulator.duplicateCount()).isEqualTo(1);
    assertThat(simulator.callCount()).isEqualTo(2);
  }

  @Test
  void callsWithoutAKeyAreRecordedEachTime() throws Exception {
    String session = client.login();
    client.api(session, null, sync("H56-0001", 2));
    client.api(session, null, sync("H56-0001", 2));

    assertThat(simulator.received()).hasSize(2);
    assertThat(simulator.duplicateCount()).isZero();
  }

  @Test
  void concurrentCallsKeepOneRecordPerKey() throws Exception {
    String session = client.login();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        // 20 distinct events, each sent twice at the same time
        String key = "ev-" + (i % 20);
        String body = sync("H56-" + (i % 20), 2);
        calls.add(CompletableFuture.supplyAsync(() -> send(session, key, body), pool));
      }
      calls.forEach(call -> assertThat(client.errorCode(call.join())).isEqualTo("0"));
    } finally {
      pool.shutdownNow();
    }
    assertThat(simulator.received()).hasSize(20);
    assertThat(simulator.received()).extracting(ReceivedCall::idempotencyKey).doesNotHaveDuplicates();
    assertThat(simulator.duplicateCount()).isEqualTo(20);
    assertThat(simulator.callCount()).isEqualTo(40);
  }

  private HttpResponse<String> send(String session, String key, String body) {
    try {
      return client.api(session, key, body);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "not json",
      "[]",
      "{\"service\":\"TraCuuHoSo\",\"data\":[{\"MaHoSo\":\"H56-0001\"}]}",
      "{\"service\":\"DongBoHoSoMC\",\"isUpdating\":\"False\"}",
      "{\"service\":\"DongBoHoSoMC\",\"isUpdating\":\"False\",\"data\":[]}",
      "{\"service\":\"DongBoHoSoMC\",\"data\":[\"H56-0001\"]}",
      "{\"service\":\"DongBoHoSoMC\",\"data\":[{\"MaTTHC\":\"1.004616\",\"TrangThaiHoSo\":2}]}",
      "{\"service\":\"DongBoHoSoMC\",\"data\":[{\"MaHoSo\":\" \",\"MaTTHC\":\"1.004616\",\"TrangThaiHoSo\":2}]}",
      "{\"service\":\"DongBoHoSoMC\",\"data\":[{\"MaHoSo\":\"H56-0001\",\"TrangThaiHoSo\":2}]}",
      "{\"service\":\"DongBoHoSoMC\",\"data\":[{\"MaHoSo\":\"H56-0001\",\"MaTTHC\":\"1.004616\"}]}",
      "{\"service\":\"DongBoHoSoMC\",\"data\":[{\"MaHoSo\":\"H56-0001\",\"MaTTHC\":\"1.004616\",\"TrangThaiHoSo\":0}]}",
      "{\"service\":\"DongBoHoSoMC\",\"data\":[{\"MaHoSo\":\"H56-0001\",\"MaTTHC\":\"1.004616\",\"TrangThaiHoSo\":\"11\"}]}",
      "{\"service\":\"DongBoHoSoMC\",\"data\":[{\"MaHoSo\":\"H56-0001\",\"MaTTHC\":\"1.004616\",\"TrangThaiHoSo\":2.5}]}",
      "{\"service\":\"DongBoHoSoMC\",\"data\":[{\"MaHoSo\":\"H56-0001\",\"MaTTHC\":\"1.004616\",\"TrangThaiHoSo\":2,"
          + "\"NgayTiepNhan\":\"2026-11-22 09:15:00\"}]}",
      "{\"service\":\"DongBoHoSoMC\",\"data\":[{\"MaHoSo\":\"H56-0001\",\"MaTTHC\":\"1.004616\",\"TrangThaiHoSo\":2,"
          + "\"NgayTiepNhan\":\"20261332091500\"}]}",
      "{\"service\":\"CapNhatTienDoHoSoMC\",\"data\":[{\"MaHoSo\":\"H56-0001\",\"TrangThai\":4}]}",
      "{\"service\":\"CapNhatTienDoHoSoMC\",\"data\":[{\"MaHoSo\":\"H56-0001\",\"TrangThai\":4,"
          + "\"ThoiDiemXuLy\":\"22/11/2026\"}]}",
      "{\"service\":\"CapNhatTienDoHoSoMC\",\"data\":[{\"MaHoSo\":\"H56-0001\",\"TrangThai\":\"x\","
          + "\"ThoiDiemXuLy\":\"20261122101500\"}]}",
      "{\"service\":\"CapNhatTienDoHoSoMC\",\"data\":[{\"TrangThai\":4,\"ThoiDiemXuLy\":\"20261122101500\"}]}",
  })
  void badDataIsRejectedAndNotRecorded(String body) throws Exception {
    String session = client.login();

    HttpResponse<String> response = client.api(session, "k-bad", body);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(PortalClient.json(response)).containsEntry("error_code", "-1").containsKey("message");
    assertThat(simulator.received()).isEmpty();
    // a rejected key is not remembered: the corrected event may be sent with the same key
    assertThat(client.errorCode(client.api(session, "k-bad", sync("H56-0001", 2)))).isEqualTo("0");
  }

  @Test
  void rejectionMessagesNameTheFieldButNotTheValue() throws Exception {
    String session = client.login();
    String body = "{\"service\":\"DongBoHoSoMC\",\"data\":[{\"MaHoSo\":\"H56-0001\",\"MaTTHC\":\"1.004616\","
        + "\"TrangThaiHoSo\":2,\"NgayTiepNhan\":\"038095123456\"}]}";

    String message = (String) PortalClient.json(client.api(session, null, body)).get("message");

    assertThat(message).contains("data[0].NgayTiepNhan").doesNotContain("038095123456");
  }

  @Test
  void rejectNextAnswersTheBusinessRejection() throws Exception {
    String session = client.login();
    simulator.rejectNext(1);

    assertThat(client.errorCode(client.api(session, "ev-1", sync("H56-0001", 2)))).isEqualTo("-1");
    assertThat(client.errorCode(client.api(session, "ev-1", sync("H56-0001", 2)))).isEqualTo("0");
    assertThat(simulator.received()).hasSize(1);
    assertThat(simulator.callCount()).isEqualTo(2);
  }

  @Test
  void resetForgetsRecordsKeysSessionsAndFaults() throws Exception {
    String session = client.login();
    client.api(session, "ev-1", sync("H56-0001", 2));
    client.api(session, "ev-1", sync("H56-0001", 2));
    simulator.injectFault(PortalFault.HTTP_503, 5);

    simulator.reset();

    assertThat(simulator.received()).isEmpty();
    assertThat(simulator.duplicateCount()).isZero();
    assertThat(simulator.callCount()).isZero();
    assertThat(simulator.loginCount()).isZero();
    assertThat(client.errorCode(client.api(session, "ev-1", sync("H56-0001", 2)))).isEqualTo("-2");
    String fresh = client.login();
    HttpResponse<String> afterReset = client.api(fresh, "ev-1", sync("H56-0001", 2));
    assertThat(afterReset.statusCode()).isEqualTo(200);
    assertThat(PortalClient.json(afterReset)).containsEntry("error_code", "0").doesNotContainKey("duplicate");
    assertThat(simulator.received()).hasSize(1);
  }
}
