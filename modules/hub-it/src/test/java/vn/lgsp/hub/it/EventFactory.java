package vn.lgsp.hub.it;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import vn.lgsp.hub.simulators.portal.ReceivedCall;

/**
 * Realistic dossier events as the one-stop-shop sends them ({@code POST /api/v1/dossiers/events}), for black-box
 * tests and the load driver. Deterministic for a given seed and origin, so a failing run can be repeated.
 *
 * <p>Every event of a history lies in the past (the hub refuses an {@code occurredAt} more than five minutes ahead)
 * and on a whole minute, since the portal's dates have a resolution of one second; the events of one dossier are
 * strictly increasing in time.
 */
public final class EventFactory {

    /** The portal reads and writes local time in Vietnam, {@code yyyyMMddHHmmss}. */
    public static final ZoneId PORTAL_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final ZoneOffset VN = ZoneOffset.ofHours(7);
    private static final DateTimeFormatter PORTAL_DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter CODE_DATE = DateTimeFormatter.ofPattern("yyMMdd");

    private static final String[] AGENCIES = {"000.00.14.H56", "000.17.22.H56", "000.00.12.H56"};
    private static final String PROCEDURE_CODE = "1.004616";
    private static final String PROCEDURE_NAME = "Cấp giấy phép xây dựng";
    private static final String[] CHANNELS = {"ONLINE", "IN_PERSON", "POSTAL"};
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Lê"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Minh", "Đức", "Thu", "Ngọc", "Quang", "Hữu"};
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dung", "Giang", "Hà", "Hùng", "Lan", "Mai", "Nam",
            "Phương", "Quân", "Sơn", "Thảo", "Trang", "Tuấn", "Việt", "Yến"};
    /** Birth-registration province codes (Thanh Hóa first: the hub is H56's). */
    private static final String[] ID_PROVINCES = {"038", "038", "038", "001", "040", "079", "037", "036"};
    private static final String[] OFFICERS = {"canbo01", "canbo02", "canbo07", "chuyenvien03", "chuyenvien11"};
    private static final String INTAKE_DEPARTMENT = "Bộ phận một cửa";
    private static final String[] DEPARTMENTS = {"Phòng Kinh tế, Hạ tầng và Đô thị", "Phòng Quản lý đô thị",
            "Văn phòng HĐND và UBND"};
    private static final String[] STEPS = {"Thẩm định hồ sơ", "Kiểm tra hiện trạng khu đất",
            "Lấy ý kiến cơ quan chuyên môn", "Trình lãnh đạo phòng", "Trình lãnh đạo UBND ký duyệt",
            "Cập nhật tiến độ xử lý"};

    /** Statuses whose dossier sync carries the event's moment: NgayKetThucXuLy (3, 7, 8, 9) or NgayTra (10). */
    private static final java.util.Set<Integer> DATED_STATUSES = java.util.Set.of(3, 7, 8, 9, 10);

    private final ObjectMapper json = new ObjectMapper();
    private final Instant origin;
    private final long seed;

    /**
     * @param origin when the first event of a history happens; histories are spread after it, one minute per event,
     *               so choose it far enough in the past (see {@link #originFor})
     * @param seed   varies names, IDs, officers and notes
     */
    public EventFactory(Instant origin, long seed) {
        this.origin = origin.truncatedTo(ChronoUnit.MINUTES);
        this.seed = seed;
    }

    /** An origin such that histories of {@code eventsPerDossier} events all lie at least an hour in the past. */
    public static Instant originFor(int eventsPerDossier) {
        return Instant.now().minus(Duration.ofMinutes(eventsPerDossier + 60L)).truncatedTo(ChronoUnit.MINUTES);
    }

    /**
     * One dossier event and what identifies it.
     *
     * @param index         position in the dossier's history, from 0
     * @param statusChanged true for the first event and every event whose status differs from the one before
     */
    public record Event(String dossierCode, int index, int status, boolean statusChanged, OffsetDateTime occurredAt,
                        String json) {

        /**
         * Dossier, status and moment as the portal sees them; the same key as {@link #identity(ReceivedCall)}. A
         * status change after intake into a status that has no date field of its own (e.g. 2 → 4) reaches the portal
         * as a dossier sync that carries no time at all; its moment is then empty, which is still unique as long as
         * a history enters each such status once.
         */
        public String identity() {
            boolean dated = !statusChanged || index == 0 || DATED_STATUSES.contains(status);
            return EventFactory.identity(dossierCode, status, dated ? portalTime(occurredAt) : "");
        }

        @Override
        public String toString() {
            return dossierCode + "#" + index + "(status " + status + ")";
        }
    }

    /**
     * The history of one dossier: intake (2), {@code progressSteps} progress reports (4), processing done (9) and,
     * if asked, the result handed over (10). The dossier code is {@code {agency}-{yyMMdd}-{number}}.
     *
     * @param number 1 to 9999 within this factory's day
     */
    public List<Event> history(int number, int progressSteps, boolean resultDelivered) {
        Random r = new Random(seed * 1_000_003L + number);
        String agency = AGENCIES[number % AGENCIES.length];
        Instant start = origin.plusSeconds(number % 60);
        String code = agency + "-" + CODE_DATE.format(start.atOffset(VN)) + "-" + String.format("%04d", number);
        OffsetDateTime intake = start.atOffset(VN);
        OffsetDateTime due = intake.plusDays(14).withHour(17).withMinute(0).withSecond(0);
        ObjectNode applicant = applicant(r);
        String channel = CHANNELS[r.nextInt(CHANNELS.length)];
        String department = DEPARTMENTS[r.nextInt(DEPARTMENTS.length)];

        List<Event> events = new ArrayList<>();
        events.add(event(code, agency, 0, 2, true, intake, due, channel, applicant,
                handler("canbo01", INTAKE_DEPARTMENT, "Tiếp nhận hồ sơ")));
        for (int i = 1; i <= progressSteps; i++) {
            events.add(event(code, agency, i, 4, i == 1, intake.plusMinutes(i), due, channel, applicant,
                    handler(OFFICERS[r.nextInt(OFFICERS.length)], department,
                            STEPS[r.nextInt(STEPS.length)] + " (bước " + i + ")")));
        }
        int next = progressSteps + 1;
        events.add(event(code, agency, next, 9, true, intake.plusMinutes(next), due, channel, applicant,
                handler(OFFICERS[0], department, "Đã có kết quả giải quyết")));
        if (resultDelivered) {
            events.add(event(code, agency, next + 1, 10, true, intake.plusMinutes(next + 1L), due, channel, applicant,
                    handler("canbo01", INTAKE_DEPARTMENT, "Đã trả kết quả cho công dân")));
        }
        return List.copyOf(events);
    }

    private Event event(String code, String agency, int index, int status, boolean statusChanged, OffsetDateTime at,
                        OffsetDateTime due, String channel, ObjectNode applicant, ObjectNode handler) {
        ObjectNode e = json.createObjectNode();
        e.put("dossierCode", code);
        e.put("procedureCode", PROCEDURE_CODE);
        e.put("procedureName", PROCEDURE_NAME);
        e.put("agencyCode", agency);
        e.put("status", status);
        e.put("occurredAt", at.toString());
        e.put("dueAt", due.toString());
        e.put("channel", channel);
        e.set("applicant", applicant);
        e.set("handler", handler);
        try {
            return new Event(code, index, status, statusChanged, at, json.writeValueAsString(e));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private ObjectNode applicant(Random r) {
        ObjectNode a = json.createObjectNode();
        a.put("type", "CITIZEN");
        a.put("fullName", FAMILY[r.nextInt(FAMILY.length)] + " " + MIDDLE[r.nextInt(MIDDLE.length)] + " "
                + GIVEN[r.nextInt(GIVEN.length)]);
        // century/sex digit 0-1 (born 1900-1999) or 2-3 (born 2000-2007), so the birth year is never in the future
        int centurySex = r.nextInt(4);
        int year = centurySex < 2 ? 50 + r.nextInt(50) : r.nextInt(8);
        a.put("personalId", ID_PROVINCES[r.nextInt(ID_PROVINCES.length)] + centurySex + String.format("%02d", year)
                + String.format("%06d", r.nextInt(1_000_000)));
        return a;
    }

    private ObjectNode handler(String officer, String department, String note) {
        ObjectNode h = json.createObjectNode();
        h.put("officer", officer);
        h.put("department", department);
        h.put("note", note);
        return h;
    }

    /** {@code yyyyMMddHHmmss} in Vietnam time, as the portal's date fields are written. */
    public static String portalTime(OffsetDateTime time) {
        return time.atZoneSameInstant(PORTAL_ZONE).format(PORTAL_DATE);
    }

    /**
     * What the portal received, reduced to the identity of the event it came from: dossier, status and the date
     * field that carries the event's moment (progress: {@code ThoiDiemXuLy}; dossier sync: {@code NgayTra} for a
     * result delivered, {@code NgayKetThucXuLy} for processing ended, else {@code NgayTiepNhan}).
     */
    public static String identity(ReceivedCall call) {
        Map<String, Object> item = call.item();
        int status = call.status() == null ? -1 : call.status();
        String time;
        if ("CapNhatTienDoHoSoMC".equals(call.service())) {
            time = text(item.get("ThoiDiemXuLy"));
        } else if (status == 10) {
            time = text(item.get("NgayTra"));
        } else if (status == 3 || status == 7 || status == 8 || status == 9) {
            time = text(item.get("NgayKetThucXuLy"));
        } else {
            time = text(item.get("NgayTiepNhan"));
        }
        return identity(call.dossierCode(), status, time);
    }

    private static String identity(String dossierCode, int status, String portalTime) {
        return dossierCode + "|" + status + "|" + portalTime;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
