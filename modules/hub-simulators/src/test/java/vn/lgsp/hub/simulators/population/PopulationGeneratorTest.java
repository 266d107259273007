package vn.lgsp.hub.simulators.population;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lgsp.hub.simulators.population.PopulationClient.KNOWN_ID;
import static vn.lgsp.hub.simulators.population.PopulationClient.UNKNOWN_ID;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PopulationGeneratorTest {

  /** Province codes that open a personal ID, as in hub-core's {@code province-codes.properties}. */
  private static final Set<String> PROVINCE_CODES = Set.of(
      "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024", "025",
      "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045", "046", "048",
      "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070", "072", "074", "075",
      "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096");

  private static final CitizenRegistry REGISTRY = CitizenRegistry.load();

  @Test
  void thePopulationHoldsTheHandWrittenCitizensAndOverAThousandGeneratedOnes() {
    assertThat(REGISTRY.size()).isGreaterThanOrEqualTo(1_020);
    assertThat(REGISTRY.generated()).hasSizeGreaterThanOrEqualTo(1_000);
    assertThat(REGISTRY.size()).isEqualTo(REGISTRY.handWritten().size() + REGISTRY.generated().size());
    assertThat(REGISTRY.find(KNOWN_ID, null)).hasValueSatisfying(c -> {
      assertThat(c.get("HoVaTen")).isEqualTo(Map.of("Ho", "Nguyễn", "ChuDem", "Văn", "Ten", "An"));
      assertThat(((Map<?, ?>) c.get("NgayThangNamSinh")).get("NgayThangNam")).isEqualTo("19950312");
    });
    assertThat(REGISTRY.find("038301123456", null)).isPresent();
  }

  @Test
  void everyGeneratedCitizenIsStructurallyValid() {
    Set<String> ids = new HashSet<>();
    Set<String> sequences = new HashSet<>();
    Set<String> ethnicities = new HashSet<>();
    int thanhHoa = 0;
    for (Map<String, Object> citizen : REGISTRY.generated()) {
      String id = (String) citizen.get("SoDinhDanh");
      assertThat(id).matches("^\\d{3}[0-3]\\d{8}$");
      assertThat(PROVINCE_CODES).contains(id.substring(0, 3));
      assertThat(ids.add(id)).as("unique ID").isTrue();
      assertThat(sequences.add(id.substring(6))).as("unique sequence").isTrue();
      assertThat(REGISTRY.find(id, null)).containsSame(citizen);
      if (id.startsWith("038")) {
        thanhHoa++;
      }
      int centuryAndSex = id.charAt(3) - '0';
      String birth = (String) ((Map<?, ?>) citizen.get("NgayThangNamSinh")).get("NgayThangNam");
      LocalDate birthDate = LocalDate.parse(birth, DateTimeFormatter.BASIC_ISO_DATE);
      assertThat(birthDate.getYear()).isBetween(1940, 2020)
          .isEqualTo((centuryAndSex < 2 ? 1900 : 2000) + Integer.parseInt(id.substring(4, 6)));
      assertThat(((Map<?, ?>) citizen.get("NgayThangNamSinh")).get("Nam")).isEqualTo(Integer.toString(birthDate.getYear()));
      assertThat(citizen.get("GioiTinh")).isEqualTo(centuryAndSex % 2 == 0 ? "Nam" : "Nữ");
      assertThat(citizen.get("DanToc")).isIn("Kinh", "Mường", "Thái");
      ethnicities.add((String) citizen.get("DanToc"));
      assertThat(citizen.get("QuocTich")).isEqualTo("Việt Nam");
      Map<?, ?> name = (Map<?, ?>) citizen.get("HoVaTen");
      assertThat(List.copyOf(name.keySet())).isEqualTo(List.of("Ho", "ChuDem", "Ten"));
      assertThat(name.values()).allSatisfy(part -> assertThat(part).asString().isNotBlank());
      Map<?, ?> home = (Map<?, ?>) citizen.get("ThuongTru");
      assertThat(home.get("MaTinhThanh")).isEqualTo("38");
      assertThat(home.get("MaPhuongXa")).asString().matches("^\\d{5}$");
      assertThat(home.get("ChiTiet")).asString().endsWith(", tỉnh Thanh Hóa");
      assertThat(((Map<?, ?>) citizen.get("ChuHo")).get("SoDinhDanh")).isEqualTo(id);
      if (citizen.get("SoCMND") != null) {
        assertThat(citizen.get("SoCMND")).asString().matches("^\\d{9}$");
      }
    }
    assertThat(thanhHoa).isGreaterThan(REGISTRY.generated().size() * 7 / 10);
    assertThat(ids).hasSizeGreaterThan(thanhHoa);
    assertThat(ethnicities).containsExactlyInAnyOrder("Kinh", "Mường", "Thái");
    assertThat(REGISTRY.generated()).anySatisfy(c -> assertThat(c.get("HoVaTen").toString()).contains("Nguyễn"));
  }

  @Test
  void theSameSeedGivesTheSamePopulation() {
    List<Map<String, Object>> first = CitizenRegistry.load().generated().subList(0, 5);
    List<Map<String, Object>> second = CitizenRegistry.load().generated().subList(0, 5);

    assertThat(second).isEqualTo(first);
    assertThat(CitizenRegistry.load(PopulationGenerator.SEED + 1, 5).generated()).isNotEqualTo(first);
  }

  @Test
  void theDocumentedNotFoundIdIsNeverGenerated() {
    assertThat(PopulationGenerator.NOT_FOUND_ID).isEqualTo(UNKNOWN_ID);
    assertThat(REGISTRY.find(UNKNOWN_ID, null)).isEmpty();
    assertThat(REGISTRY.personalIds()).noneMatch(id -> id.endsWith("999999"));
  }
}
