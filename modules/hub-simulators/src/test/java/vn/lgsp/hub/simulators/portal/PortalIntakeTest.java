package vn.lgsp.hub.simulators.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.lgsp.hub.simulators.portal.PortalClient.json;

import com.github.tomakehurst.wiremock.common.Json;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.simulators.population.CitizenRegistry;

class PortalIntakeTest extends LoggedInPortalTest {

  @Test
  void pagingByTimeAndCodeNeitherSkipsNorRepeatsEvenWhenManyShareASecond() throws Exception {
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      items.add(item("000.00.14.H56-261122-%04d".formatted(i), "20261122091500"));
    }
    for (int i = 40; i < 55; i++) {
      items.add(item("000.00.14.H56-261122-%04d".formatted(i), "20261122091501"));
    }
    for (int i = 55; i < 60; i++) {
      items.add(item("000.00.14.H56-261121-%04d".formatted(i), "2026-11-22 09:20:00"));
    }
    Collections.shuffle(items, new Random(1));
    simulator.addIntake(items);

    List<String> seen = new ArrayList<>();
    String time = "";
    String code = "";
    for (int pages = 0; pages < 100; pages++) {
      List<Map<String, Object>> page = list(time, code, 7);
      page.forEach(item -> seen.add((String) item.get("MaHoSo")));
      if (page.size() < 7) {
        break;
      }
      Map<String, Object> last = page.get(page.size() - 1);
      time = compact((String) last.get("NgayCapNhat"));
      code = (String) last.get("MaHoSo");
    }

    assertThat(seen).hasSize(60).doesNotHaveDuplicates();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 55; i++) {
      expected.add("000.00.14.H56-261122-%04d".formatted(i));
    }
    for (int i = 55; i < 60; i++) {
      expected.add("000.00.14.H56-261121-%04d".formatted(i));
    }
    assertThat(seen).containsExactlyElementsOf(expected);
    assertThat(simulator.intakeListCount()).isEqualTo(9);
    assertThat(simulator.callCount()).isZero();
  }

  @Test
  void aCursorInsideASecondListsTheRestOfThatSecondThenLaterOnes() throws Exception {
    simulator.addIntake(List.of(item("B", "20261122091500"), item("A", "20261122091500"), item("C", "20261122091500"),
        item("Z", "20261122091459"), item("D", "20261122091501")));

    assertThat(codes(list("20261122091500", "A", 10))).containsExactly("B", "C", "D");
    assertThat(codes(list("20261122091500", "", 10))).containsExactly("A", "B", "C", "D");
    assertThat(codes(list("", "", 2))).containsExactly("Z", "A");
  }

  @Test
  void anUpdatedDossierComesBackAfterTheCursor() throws Exception {
    simulator.addIntake(List.of(item("A", "20261122091500"), item("B", "20261122091600")));
    simulator.addIntake(List.of(item("A", "20261122091700")));

    assertThat(codes(list("20261122091600", "B", 10))).containsExactly("A");
    assertThat(simulator.intake()).extracting(i -> i.get("MaHoSo")).containsExactly("B", "A");
  }

  @Test
  void itemsWithoutATimeAreStampedStrictlyIncreasing() {
    List<Map<String, Object>> stored = simulator.addIntake(List.of(
        new LinkedHashMap<>(Map.of("MaHoSo", "X")), new LinkedHashMap<>(Map.of("MaHoSo", "Y")),
        new LinkedHashMap<>(Map.of("MaHoSo", "Z"))));

    List<String> stamps = stored.stream().map(i -> (String) i.get("NgayCapNhat")).toList();
    assertThat(stamps).allMatch(s -> s.matches("\\d{14}")).doesNotHaveDuplicates().isSorted();
  }

  @Test
  void generatedApplicantsAreCitizensOfThePopulationSimulator() throws Exception {
    HttpResponse<String> made = client.post("/__admin/portal/intake", "{\"generate\":5,\"seed\":42}");

    assertThat(made.statusCode()).isEqualTo(200);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) json(made).get("intake");
    assertThat(items).hasSize(5);
    Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
    CitizenRegistry.load().generated().forEach(c -> byId.put((String) c.get("SoDinhDanh"), c));
    for (Map<String, Object> item : items) {
      assertThat((String) item.get("MaHoSo")).matches("000\\.00\\.14\\.H56-\\d{6}-\\d{4}");
      assertThat(item).containsEntry("MaTTHC", "1.004616").containsEntry("MaCoQuan", "000.00.14.H56")
          .containsEntry("LoaiDoiTuong", "1").containsKeys("NgayNopHoSo", "NgayHenTra", "TaiLieuNop");
      Map<String, Object> citizen = byId.get((String) item.get("SoGiayToChuHoSo"));
      assertThat(citizen).as("a known citizen").isNotNull();
      Map<?, ?> name = (Map<?, ?>) citizen.get("HoVaTen");
      assertThat(item.get("ChuHoSo")).isEqualTo(
          String.join(" ", (String) name.get("Ho"), (String) name.get("ChuDem"), (String) name.get("Ten")));
      assertThat(item.get("NgaySinhChuHoSo"))
          .isEqualTo(((Map<?, ?>) citizen.get("NgayThangNamSinh")).get("NgayThangNam"));
    }
    assertThat(codes(list("", "", 100))).containsExactlyElementsOf(codes(items));

    List<Object> applicants = items.stream().map(i -> i.get("SoGiayToChuHoSo")).toList();
    client.post("/__admin/portal/reset", "");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> again = (List<Map<String, Object>>) json(
        client.post("/__admin/portal/intake", "{\"generate\":5,\"seed\":42}")).get("intake");
    assertThat(again.stream().map(i -> i.get("SoGiayToChuHoSo")).toList()).isEqualTo(applicants);
  }

  @Test
  void adminAddsListsAndResetClears() throws Exception {
    HttpResponse<String> added = client.post("/__admin/portal/intake",
        Json.write(List.of(item("000.00.14.H56-261122-0001", "20261122091500"))));
    assertThat(added.statusCode()).isEqualTo(200);

    Map<String, Object> listed = json(client.get("/__admin/portal/intake"));
    assertThat((List<?>) listed.get("intake")).hasSize(1);

    client.post("/__admin/portal/reset", "");
    assertThat((List<?>) json(client.get("/__admin/portal/intake")).get("intake")).isEmpty();
  }

  @Test
  void adminRefusesMalformedIntake() throws Exception {
    assertThat(client.post("/__admin/portal/intake", "[{\"TenTTHC\":\"x\"}]").statusCode()).isEqualTo(400);
    assertThat(client.post("/__admin/portal/intake", "[{\"MaHoSo\":\"A\",\"NgayCapNhat\":\"22/11/2026\"}]")
        .statusCode()).isEqualTo(400);
    assertThat(client.post("/__admin/portal/intake", "{\"generate\":0}").statusCode()).isEqualTo(400);
    assertThat(simulator.intake()).isEmpty();
    assertThatThrownBy(() -> simulator.addIntake(List.of(Map.of("MaHoSo", " "))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theListingNeedsASessionAndGoesThroughTheFaults() throws Exception {
    simulator.addIntake(List.of(item("A", "20261122091500")));

    assertThat(client.errorCode(client.api("nope", null, query("", "", 10)))).isEqualTo("-2");
    simulator.injectFault(PortalFault.HTTP_503, 1);
    assertThat(client.api(session, null, query("", "", 10)).statusCode()).isEqualTo(503);
    assertThat(client.errorCode(client.api(session, null, query("x", "", 10)))).isEqualTo("-1");
    assertThat(client.errorCode(client.api(session, null, query("", "", 0)))).isEqualTo("-1");
    assertThat(codes(list("", "", 10))).containsExactly("A");
  }

  private List<Map<String, Object>> list(String time, String code, int size) throws Exception {
    HttpResponse<String> response = client.api(session, null, query(time, code, size));
    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, Object> body = json(response);
    assertThat(body).containsEntry("error_code", 0);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> data = (List<Map<String, Object>>) body.get("data");
    return data;
  }

  private static String query(String time, String code, int size) {
    return Json.write(Map.of("service", "LayDanhSachHoSoTrucTuyen", "madonvi", "000.00.00.H56",
        "tuThoiDiem", time, "sauMaHoSo", code, "soLuong", size));
  }

  private static Map<String, Object> item(String code, String updatedAt) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("MaHoSo", code);
    item.put("MaTTHC", "1.004616");
    item.put("NgayCapNhat", updatedAt);
    return item;
  }

  private static List<String> codes(List<Map<String, Object>> items) {
    return items.stream().map(i -> (String) i.get("MaHoSo")).toList();
  }

  /** The hub sends its cursor in the compact style, whatever style the item came in. */
  private static String compact(String time) {
    return PortalIntake.parse(time).format(PortalIntake.COMPACT);
  }
}
