package vn.lgsp.hub.simulators.portal;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import vn.lgsp.hub.simulators.population.CitizenRegistry;

/**
 * Makes up online building-permit applications from citizens of the population simulator, so that their ID, name
 * and date of birth are exactly what the population database holds and a verification says VERIFIED. The same seed
 * picks the same citizens, phones and order; dossier codes and times depend on the day and on what is already stored.
 */
final class IntakeGenerator {

  static final String AGENCY = "000.00.14.H56";
  static final String PROCEDURE = "1.004616";
  static final String PROCEDURE_NAME = "Cấp giấy phép xây dựng";
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");
  private static final DateTimeFormatter COMPACT = PortalIntake.COMPACT;

  private final Supplier<CitizenRegistry> citizens;

  /** {@code citizens} is asked once, on first use: loading the population takes a moment. */
  IntakeGenerator(Supplier<CitizenRegistry> citizens) {
    this.citizens = citizens;
  }

  List<Map<String, Object>> generate(int count, long seed, PortalIntake intake) {
    List<Map<String, Object>> people = citizens.get().generated();
    Random random = new Random(seed);
    List<Map<String, Object>> made = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      LocalDateTime at = intake.nextStamp();
      String code;
      do {
        code = AGENCY + "-" + at.format(DAY) + "-" + "%04d".formatted(intake.nextSequence() % 10_000);
      } while (intake.contains(code));
      made.add(dossier(code, at, people.get(random.nextInt(people.size())), random));
    }
    return made;
  }

  private static Map<String, Object> dossier(String code, LocalDateTime at, Map<String, Object> citizen,
      Random random) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("MaHoSo", code);
    item.put("MaTTHC", PROCEDURE);
    item.put("TenTTHC", PROCEDURE_NAME);
    item.put("MaCoQuan", AGENCY);
    item.put("NgayNopHoSo", at.format(COMPACT));
    item.put("NgayCapNhat", at.format(COMPACT));
    item.put("NgayHenTra", at.toLocalDate().plusDays(15).atTime(17, 0).format(COMPACT));
    item.put("TrichYeuHoSo", "Đề nghị cấp giấy phép xây dựng nhà ở riêng lẻ");
    item.put("ChuHoSo", fullName((Map<?, ?>) citizen.get("HoVaTen")));
    item.put("LoaiDoiTuong", "1");
    item.put("SoGiayToChuHoSo", citizen.get("SoDinhDanh"));
    item.put("NgaySinhChuHoSo", ((Map<?, ?>) citizen.get("NgayThangNamSinh")).get("NgayThangNam"));
    item.put("Email", "hs" + code.substring(code.length() - 11).replace("-", "") + "@example.vn");
    item.put("SoDienThoai", "09" + "%08d".formatted(random.nextInt(100_000_000)));
    item.put("DiaChiChuHoSo", ((Map<?, ?>) citizen.get("ThuongTru")).get("ChiTiet"));
    item.put("TaiLieuNop", List.of(
        file(code, "01", "Đơn đề nghị cấp giấy phép xây dựng.pdf"),
        file(code, "02", "Bản vẽ thiết kế xây dựng.pdf")));
    return item;
  }

  private static Map<String, Object> file(String code, String number, String name) {
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("TepDinhKemId", code + "-" + number);
    file.put("TenTepDinhKem", name);
    file.put("DuongDanTaiTepTin", "https://dichvucong.gov.vn/files/" + code + "/" + number + ".pdf");
    return file;
  }

  private static String fullName(Map<?, ?> name) {
    StringBuilder full = new StringBuilder();
    for (String part : List.of("Ho", "ChuDem", "Ten")) {
      if (name.get(part) instanceof String s && !s.isBlank()) {
        full.append(full.length() == 0 ? "" : " ").append(s.strip());
      }
    }
    return full.toString();
  }
}
