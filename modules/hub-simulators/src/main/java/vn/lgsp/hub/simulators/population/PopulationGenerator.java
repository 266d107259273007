package vn.lgsp.hub.simulators.population;

import com.github.tomakehurst.wiremock.common.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Makes the bulk of the synthetic population from the word lists in {@code population-words.json}, with a
 * {@link Random} of fixed seed, so that every run, on every JVM, holds the same citizens in the same order.
 *
 * <p>Personal IDs are {@code PPP G YY NNNNNN}: {@code PPP} a real province code (mostly {@code 038}, Thanh Hóa),
 * {@code G} 0/1 for men/women born 1900–1999 and 2/3 for 2000–2099, {@code YY} the birth year (1940–2020) and
 * {@code NNNNNN} a sequence unique across the whole population, never {@value #NEVER_SEQUENCE}, so that
 * {@link #NOT_FOUND_ID} and any other ID ending in it is always unknown. Everybody lives in Thanh Hóa. Nothing here
 * logs: the values are personal data, if invented.
 */
final class PopulationGenerator {

  static final String RESOURCE = "population-words.json";
  /** The seed of the population every simulator serves. */
  static final long SEED = 38_2025L;
  /** How many citizens are generated on top of the hand-written ones. */
  static final int COUNT = 1_200;
  /** A sequence number the generator never hands out. */
  static final int NEVER_SEQUENCE = 999_999;
  /** Valid structure (Thanh Hóa, man born 1999), never in the population. */
  static final String NOT_FOUND_ID = "038099999999";

  private static final int FIRST_YEAR = 1940;
  private static final int LAST_YEAR = 2020;
  /** The year ages are reckoned from, fixed so that marital status does not change with the calendar. */
  private static final int REFERENCE_YEAR = 2025;
  private static final int FIRST_HOUSEHOLD = 3000;

  private final Random random;
  private final Map<?, ?> words;

  private PopulationGenerator(long seed, Map<?, ?> words) {
    this.random = new Random(seed);
    this.words = words;
  }

  /**
   * {@code count} new citizens, none of whose personal ID, 6-digit sequence or identity card number is in
   * {@code takenIds} / {@code takenOldIds} (the hand-written citizens).
   */
  static List<Map<String, Object>> generate(long seed, int count, Set<String> takenIds, Set<String> takenOldIds) {
    return new PopulationGenerator(seed, readWords()).run(count, takenIds, takenOldIds);
  }

  private List<Map<String, Object>> run(int count, Set<String> takenIds, Set<String> takenOldIds) {
    Set<String> ids = new HashSet<>(takenIds);
    Set<Integer> sequences = new HashSet<>();
    for (String id : takenIds) {
      sequences.add(Integer.parseInt(id.substring(6)));
    }
    sequences.add(NEVER_SEQUENCE);
    Set<String> oldIds = new HashSet<>(takenOldIds);
    List<Map<String, Object>> citizens = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      citizens.add(citizen(FIRST_HOUSEHOLD + i, ids, sequences, oldIds));
    }
    return citizens;
  }

  private Map<String, Object> citizen(int household, Set<String> ids, Set<Integer> sequences, Set<String> oldIds) {
    Map<?, ?> province = weighted(list("idProvinces"));
    boolean female = random.nextBoolean();
    int year = FIRST_YEAR + random.nextInt(LAST_YEAR - FIRST_YEAR + 1);
    LocalDate birth = LocalDate.ofYearDay(year, 1 + random.nextInt(LocalDate.of(year, 1, 1).lengthOfYear()));
    int centuryAndSex = (year >= 2000 ? 2 : 0) + (female ? 1 : 0);
    String id;
    do {
      int sequence;
      do {
        sequence = 1 + random.nextInt(NEVER_SEQUENCE - 1);
      } while (!sequences.add(sequence));
      id = province.get("code") + Integer.toString(centuryAndSex) + String.format("%02d%06d", year % 100, sequence);
    } while (!ids.add(id));

    String sex = female ? "Nữ" : "Nam";
    String ethnicity = (String) weighted(list("ethnicities")).get("name");
    String family = pick(listIn("familyNames", ethnicity));
    String middle = pick(listIn("middleNames", sex));
    String given;
    do {
      given = pick(listIn("givenNames", sex));
    } while (middle.endsWith(given));
    String fullName = family + " " + middle + " " + given;

    Map<?, ?> home = commune(!"Kinh".equals(ethnicity));
    Map<String, Object> residence = address("38", home, street(home));
    Map<String, Object> current = random.nextInt(10) == 0
        ? address("38", commune(false), null) : residence;
    boolean bornHere = "038".equals(province.get("code"));
    Map<String, Object> birthPlace = bornHere
        ? address("38", random.nextInt(4) == 0 ? commune(!"Kinh".equals(ethnicity)) : home, null)
        : provinceOnly(province);

    Map<String, Object> citizen = new LinkedHashMap<>();
    citizen.put("SoDinhDanh", id);
    if (year < 2000 && random.nextInt(10) < 7) {
      String oldId;
      do {
        oldId = province.get("cmnd") + String.format("%07d", random.nextInt(10_000_000));
      } while (!oldIds.add(oldId));
      citizen.put("SoCMND", oldId);
    }
    Map<String, Object> name = new LinkedHashMap<>();
    name.put("Ho", family);
    name.put("ChuDem", middle);
    name.put("Ten", given);
    citizen.put("HoVaTen", name);
    citizen.put("GioiTinh", sex);
    citizen.put("DanToc", ethnicity);
    citizen.put("TonGiao", pick(list("religions")));
    citizen.put("TinhTrangHonNhan", maritalStatus(REFERENCE_YEAR - year));
    citizen.put("NhomMau", pick(list("bloodGroups")));
    Map<String, Object> born = new LinkedHashMap<>();
    born.put("Nam", Integer.toString(year));
    born.put("NgayThangNam", birth.format(DateTimeFormatter.BASIC_ISO_DATE));
    citizen.put("NgayThangNamSinh", born);
    citizen.put("NoiDangKyKhaiSinh", birthPlace);
    citizen.put("QueQuan", new LinkedHashMap<>(birthPlace));
    citizen.put("ThuongTru", residence);
    citizen.put("NoiOHienTai", current == residence ? new LinkedHashMap<>(residence) : current);
    citizen.put("QuocTich", "Việt Nam");
    Map<String, Object> head = new LinkedHashMap<>();
    head.put("QuanHe", "Chủ hộ");
    head.put("SoDinhDanh", id);
    head.put("HoVaTen", fullName);
    citizen.put("ChuHo", head);
    citizen.put("SoSoHoKhau", "HK-038" + household);
    return citizen;
  }

  private String maritalStatus(int age) {
    if (age < 18) {
      return "Chưa kết hôn";
    }
    int percentMarried = age < 25 ? 30 : 85;
    return random.nextInt(100) < percentMarried ? "Đã kết hôn" : "Chưa kết hôn";
  }

  /** A commune of Thanh Hóa; a mountain one for Mường and Thái citizens. */
  private Map<?, ?> commune(boolean mountain) {
    List<Map<?, ?>> candidates = new ArrayList<>();
    for (Object entry : list("communes")) {
      Map<?, ?> commune = (Map<?, ?>) entry;
      if (!mountain || Boolean.TRUE.equals(commune.get("mountain"))) {
        candidates.add(commune);
      }
    }
    return candidates.get(random.nextInt(candidates.size()));
  }

  private String street(Map<?, ?> commune) {
    if (Boolean.TRUE.equals(commune.get("urban"))) {
      return random.nextInt(3) == 0
          ? pick(list("quarters"))
          : "Số " + (1 + random.nextInt(250)) + " " + pick(list("streets"));
    }
    return pick(list(Boolean.TRUE.equals(commune.get("mountain")) ? "villages" : "hamlets"));
  }

  private static Map<String, Object> address(String provinceCode, Map<?, ?> commune, String street) {
    String place = commune.get("name") + ", tỉnh Thanh Hóa";
    Map<String, Object> address = new LinkedHashMap<>();
    address.put("MaTinhThanh", provinceCode);
    address.put("MaQuanHuyen", "");
    address.put("MaPhuongXa", commune.get("code"));
    address.put("ChiTiet", street == null ? place : street + ", " + place);
    address.put("QuocGia", "Việt Nam");
    return address;
  }

  private static Map<String, Object> provinceOnly(Map<?, ?> province) {
    Map<String, Object> address = new LinkedHashMap<>();
    address.put("MaTinhThanh", province.get("maTinhThanh"));
    address.put("MaQuanHuyen", "");
    address.put("MaPhuongXa", "");
    address.put("ChiTiet", province.get("ten"));
    address.put("QuocGia", "Việt Nam");
    return address;
  }

  private Map<?, ?> weighted(List<?> entries) {
    int total = 0;
    for (Object entry : entries) {
      total += ((Number) ((Map<?, ?>) entry).get("weight")).intValue();
    }
    int draw = random.nextInt(total);
    for (Object entry : entries) {
      Map<?, ?> map = (Map<?, ?>) entry;
      draw -= ((Number) map.get("weight")).intValue();
      if (draw < 0) {
        return map;
      }
    }
    throw new IllegalStateException("unreachable");
  }

  private String pick(List<?> entries) {
    return (String) entries.get(random.nextInt(entries.size()));
  }

  private List<?> list(String key) {
    Object value = words.get(key);
    if (!(value instanceof List<?> entries) || entries.isEmpty()) {
      throw new IllegalStateException(RESOURCE + " has no list " + key);
    }
    return entries;
  }

  private List<?> listIn(String key, String subKey) {
    Object value = words.get(key) instanceof Map<?, ?> map ? map.get(subKey) : null;
    if (!(value instanceof List<?> entries) || entries.isEmpty()) {
      throw new IllegalStateException(RESOURCE + " has no list " + key + "." + subKey);
    }
    return entries;
  }

  private static Map<?, ?> readWords() {
    try (InputStream in = PopulationGenerator.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
