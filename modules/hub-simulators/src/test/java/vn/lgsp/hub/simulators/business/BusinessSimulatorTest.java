package vn.lgsp.hub.simulators.business;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static vn.lgsp.hub.simulators.SimulatorHttp.json;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lgsp.hub.simulators.SimulatorHttp;
import vn.lgsp.hub.simulators.SimulatorTest;
import vn.lgsp.hub.simulators.StandardFault;

class BusinessSimulatorTest extends SimulatorTest<BusinessSimulator, BusinessSimulatorTest.Client> {

  BusinessSimulatorTest() {
    super(() -> new BusinessSimulator(0), Client::new);
  }

  /** Adds the lookup with or without the API key. */
  static final class Client extends SimulatorHttp {

    Client(String baseUrl) {
      super(baseUrl);
    }

    HttpResponse<String> lookUp(String code, String apiKey) throws IOException, InterruptedException {
      HttpRequest.Builder request = requestTo(BusinessSimulator.ENTERPRISES_PATH + "/" + code, TIMEOUT).GET();
      if (apiKey != null) {
        request.header(BusinessSimulator.API_KEY_HEADER, apiKey);
      }
      return send(request);
    }

    HttpResponse<String> notify(String body, String apiKey) throws IOException, InterruptedException {
      HttpRequest.Builder request = requestTo(BusinessSimulator.NOTIFICATIONS_PATH, TIMEOUT)
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
      if (apiKey != null) {
        request.header(BusinessSimulator.API_KEY_HEADER, apiKey);
      }
      return send(request);
    }
  }

  @Test
  void answersAnEnterpriseInTheDatabasesWords() throws Exception {
    HttpResponse<String> reply = client.lookUp("2800123456", "any-key");

    assertThat(reply.statusCode()).isEqualTo(200);
    assertThat(json(reply))
        .containsEntry("maSoDoanhNghiep", "2800123456")
        .containsEntry("loaiHinh", "CONG_TY_CO_PHAN")
        .containsEntry("tinhTrang", "DANG_HOAT_DONG")
        .containsEntry("ngayCapLanDau", "2010-04-12")
        .containsEntry("nguoiDaiDienTheoPhapLuat", "Nguyễn Văn An")
        .containsEntry("vonDieuLe", 5000000000L);
  }

  @Test
  void holdsABranchADissolvedAndASuspendedEnterprise() throws Exception {
    assertThat(json(client.lookUp("2800123456-001", "k"))).containsEntry("loaiHinh", "CHI_NHANH");
    assertThat(simulator.records().values()).extracting(e -> e.get("tinhTrang"))
        .contains("DA_GIAI_THE", "TAM_NGUNG_KINH_DOANH");
    assertThat(simulator.records().keySet()).allMatch(code -> code.startsWith("28"));
  }

  @Test
  void anUnknownCodeIsNotFound() throws Exception {
    HttpResponse<String> reply = client.lookUp(BusinessSimulator.UNKNOWN_CODE, "k");

    assertThat(reply.statusCode()).isEqualTo(404);
    assertThat(json(reply)).containsEntry("maLoi", "KHONG_TIM_THAY").containsKey("thongBao");
  }

  @ParameterizedTest
  @ValueSource(strings = {"28001234", "2800123456-1", "28001234567", "ABCDEFGHIJ", "2800123456-0011"})
  void aMalformedCodeIsABadRequest(String code) throws Exception {
    HttpResponse<String> reply = client.lookUp(code, "k");

    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(json(reply)).containsEntry("maLoi", "MA_KHONG_HOP_LE");
  }

  @Test
  void withoutAnApiKeyTheCallIsUnauthenticated() throws Exception {
    HttpResponse<String> reply = client.lookUp("2800123456", null);

    assertThat(reply.statusCode()).isEqualTo(401);
    assertThat(json(reply)).isEqualTo(Map.of("maLoi", "KHONG_XAC_THUC", "thongBao", "Thiếu hoặc sai khóa truy cập"));
  }

  @Test
  void injectedFaultsAreConsumedInOrderThenItAnswersAgain() throws Exception {
    simulator.injectFault(StandardFault.HTTP_503, 1);
    simulator.injectFault(StandardFault.MALFORMED_REPLY, 1);

    assertThat(client.lookUp("2800123456", "k").statusCode()).isEqualTo(503);
    HttpResponse<String> malformed = client.lookUp("2800123456", "k");
    assertThat(malformed.statusCode()).isEqualTo(200);
    assertThat(malformed.body()).startsWith("{\"").doesNotEndWith("}");
    assertThat(client.lookUp("2800123456", "k").statusCode()).isEqualTo(200);
    assertThat(simulator.callCount()).isEqualTo(3);
  }

  @Test
  void aResetConnectionFailsTheCall() {
    // the JDK client retries an idempotent GET once on a reset connection
    simulator.injectFault(StandardFault.CONNECTION_RESET, 2);

    assertThat(catchThrowable(() -> client.lookUp("2800123456", "k"))).isInstanceOf(IOException.class);
  }

  @Test
  void faultsDownSwitchAndResetOverTheAdminApi() throws Exception {
    assertThat(client.post("/__admin/business/faults", "{\"kind\":\"HTTP_500\",\"times\":1}").statusCode())
        .isEqualTo(200);
    assertThat(client.lookUp("2800123456", "k").statusCode()).isEqualTo(500);

    client.post("/__admin/business/down", "");
    assertThat(client.lookUp("2800123456", "k").statusCode()).isEqualTo(503);
    client.post("/__admin/business/up", "");
    assertThat(client.lookUp("2800123456", "k").statusCode()).isEqualTo(200);

    assertThat(json(client.get("/__admin/business/counters"))).containsEntry("calls", 3).containsEntry("down", false);
    client.post("/__admin/business/reset", "");
    assertThat(json(client.get("/__admin/business/counters"))).containsEntry("calls", 0);
    assertThat(client.post("/__admin/business/faults", "{\"kind\":\"NO_SUCH\"}").statusCode()).isEqualTo(400);
  }

  @Test
  void aDelayedLookupIsAnsweredLate() throws Exception {
    simulator.injectDelay(Duration.ofMillis(1500), 1);

    HttpResponse<String> late = client.lookUp("2801234567", "k");

    assertThat(late.statusCode()).isEqualTo(200);
    assertThat(json(client.get("/__admin/business/faults")).get("pending")).isEqualTo(List.of());
  }

  @Test
  void takesANotificationWithAKeyAndRefusesOneWithout() throws Exception {
    String body = "{\"enterpriseCode\":\"2800123456\",\"decisionNo\":\"15/QD-UBND\"}";

    HttpResponse<String> taken = client.notify(body, "k");
    HttpResponse<String> refused = client.notify(body, null);

    assertThat(taken.statusCode()).isEqualTo(202);
    assertThat(json(taken)).containsEntry("maLoi", "0");
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(json(refused)).containsEntry("maLoi", "KHONG_XAC_THUC");
  }

  @Test
  void aResetKeepsTheNotificationsEndpoint() throws Exception {
    client.post("/__admin/reset", "");

    assertThat(client.notify("{}", "k").statusCode()).isEqualTo(202);
  }
}
