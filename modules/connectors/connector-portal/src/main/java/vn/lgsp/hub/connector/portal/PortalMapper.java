package vn.lgsp.hub.connector.portal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.lgsp.hub.connector.portal.wire.PortalDossier;
import vn.lgsp.hub.connector.portal.wire.PortalFee;
import vn.lgsp.hub.connector.portal.wire.PortalFile;
import vn.lgsp.hub.connector.portal.wire.PortalProgress;
import vn.lgsp.hub.connector.portal.wire.PortalResultDocument;
import vn.lgsp.hub.core.lifecycle.DossierStatus;
import vn.lgsp.hub.core.model.DossierEvent;
import vn.lgsp.hub.core.model.DossierEvent.Applicant;
import vn.lgsp.hub.core.model.DossierEvent.ApplicantType;
import vn.lgsp.hub.core.model.DossierEvent.Channel;
import vn.lgsp.hub.core.model.DossierEvent.Handler;

/**
 * Turns a canonical {@link DossierEvent} into the portal's dossier and progress items. Pure: no I/O, no clock,
 * no memory of earlier events, so the same event always maps to the same item (a replay sends the same data).
 *
 * <p>Choices where the event does not say everything the portal asks for:
 * <ul>
 *   <li>{@code NgayTiepNhan} is the event's {@code occurredAt} on the first sync ({@code isUpdating=False}) and
 *       empty on updates: the hub keeps no history of a dossier, and repeating a later event's time would move
 *       the intake date.</li>
 *   <li>{@code NgayTra} is {@code occurredAt} when the status is 10 (result delivered), {@code NgayKetThucXuLy}
 *       when the status ends processing (3, 7, 8, 9); both are empty otherwise.</li>
 *   <li>{@code MaLinhVuc}, {@code TenLinhVuc}, {@code SoBienNhan}, {@code ThongTinKhac}, {@code Fax} and
 *       {@code ThongTinTra} are empty: the canonical model does not carry them.</li>
 *   <li>{@code NgayBatDau} of a progress step is the event's {@code occurredAt}: the one-stop-shop reports a step
 *       when it happens.</li>
 * </ul>
 */
public class PortalMapper {

    /** The portal reads every date as local time in Vietnam. */
    public static final ZoneId PORTAL_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final DateTimeFormatter PORTAL_DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    /** For reading: STRICT refuses 20261332…, and needs {@code uuuu} rather than {@code yyyy} to do so. */
    private static final DateTimeFormatter PORTAL_DATE_STRICT =
            DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter PORTAL_DATE_SPACED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter PORTAL_DAY =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private static final Set<Integer> PROCESSING_ENDED = Set.of(
            DossierStatus.REFUSED.code(),
            DossierStatus.WITHDRAWN.code(),
            DossierStatus.STOPPED.code(),
            DossierStatus.RESULT_READY.code());

    private final Map<ApplicantType, String> applicantTypeCodes;
    private final Map<Channel, String> channelCodes;

    public PortalMapper(Map<ApplicantType, String> applicantTypeCodes, Map<Channel, String> channelCodes) {
        this.applicantTypeCodes = copy(applicantTypeCodes, ApplicantType.class);
        this.channelCodes = copy(channelCodes, Channel.class);
    }

    public PortalMapper(PortalProperties properties) {
        this(properties.getApplicantTypeCodes(), properties.getChannelCodes());
    }

    /** The {@code DongBoHoSoMC} item for this event; {@code updating} is the call's {@code isUpdating}. */
    public PortalDossier toDossier(DossierEvent event, boolean updating) {
        Applicant applicant = event.applicant();
        Integer status = event.status();
        return new PortalDossier(
                text(event.dossierCode()),
                text(event.procedureCode()),
                text(event.procedureName()),
                "",
                "",
                "",
                applicant == null ? "" : text(applicant.fullName()),
                applicant == null ? "" : code(applicantTypeCodes, applicant.type()),
                applicant == null ? "" : text(applicant.personalId()),
                "",
                applicant == null ? "" : text(applicant.email()),
                "",
                applicant == null ? "" : text(applicant.phone()),
                text(event.summary()),
                updating ? "" : formatDate(event.occurredAt()),
                formatDate(event.dueAt()),
                status == null ? "" : status.toString(),
                isStatus(status, DossierStatus.RESULT_DELIVERED.code()) ? formatDate(event.occurredAt()) : "",
                "",
                code(channelCodes, event.channel()),
                status != null && PROCESSING_ENDED.contains(status) ? formatDate(event.occurredAt()) : "",
                text(event.agencyName()),
                event.handler() == null ? "" : text(event.handler().note()),
                // the event's lists may hold nulls until validated; a null item has nothing to tell the portal
                event.documents().stream().filter(Objects::nonNull).map(PortalMapper::file).toList(),
                event.fees().stream().filter(Objects::nonNull).map(PortalMapper::fee).toList(),
                List.of(),
                List.of(),
                event.results().stream().filter(Objects::nonNull).map(PortalMapper::result).toList());
    }

    /** The {@code CapNhatTienDoHoSoMC} item for this event: the officer's step that the event reports. */
    public PortalProgress toProgress(DossierEvent event) {
        Handler handler = event.handler();
        return new PortalProgress(
                text(event.dossierCode()),
                handler == null ? "" : text(handler.officer()),
                handler == null ? "" : text(handler.position()),
                formatDate(event.occurredAt()),
                handler == null ? "" : text(handler.department()),
                handler == null ? "" : text(handler.note()),
                event.status() == null ? "" : event.status().toString(),
                formatDate(event.occurredAt()),
                formatDate(event.dueAt()));
    }

    /**
     * A date the portal sent: {@code yyyyMMddHHmmss} or {@code yyyy-MM-dd HH:mm:ss} (local time in Vietnam), or
     * ISO-8601 with an offset, always returned at Vietnam's offset; {@code null} for a blank value.
     *
     * @throws IllegalArgumentException when it is none of these; the message does not quote the value
     */
    public static OffsetDateTime parseDate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.strip();
        try {
            if (s.length() == 19 && s.charAt(10) == ' ') {
                return LocalDateTime.parse(s, PORTAL_DATE_SPACED).atZone(PORTAL_ZONE).toOffsetDateTime();
            }
            if (s.length() == 14) {
                return LocalDateTime.parse(s, PORTAL_DATE_STRICT).atZone(PORTAL_ZONE).toOffsetDateTime();
            }
            return OffsetDateTime.parse(s).atZoneSameInstant(PORTAL_ZONE).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date in yyyyMMddHHmmss, yyyy-MM-dd HH:mm:ss or ISO-8601 form");
        }
    }

    /**
     * A calendar date the portal sent ({@code yyyyMMdd} or {@code yyyy-MM-dd}); {@code null} for a blank value.
     *
     * @throws IllegalArgumentException when it is neither; the message does not quote the value (a birth date)
     */
    public static LocalDate parseDay(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.strip();
        try {
            return s.length() == 8 ? LocalDate.parse(s, PORTAL_DAY) : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date in yyyyMMdd or yyyy-MM-dd form");
        }
    }

    /**
     * The applicant type a {@code LoaiDoiTuong} code stands for, by the same configured table the hub sends with;
     * {@code null} for a blank code.
     *
     * @throws IllegalArgumentException for a code the table does not have
     */
    public ApplicantType applicantType(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return applicantTypeCodes.entrySet().stream()
                .filter(entry -> code.strip().equals(entry.getValue()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("LoaiDoiTuong '" + code.strip()
                        + "' is not one of the configured applicant type codes " + applicantTypeCodes.values()));
    }

    /** {@code yyyyMMddHHmmss} in Asia/Ho_Chi_Minh, whatever the offset of the input; empty for none. */
    public static String formatDate(OffsetDateTime time) {
        return time == null ? "" : time.atZoneSameInstant(PORTAL_ZONE).format(PORTAL_DATE);
    }

    private static PortalFile file(DossierEvent.Document d) {
        return new PortalFile(text(d.id()), text(d.name()), Boolean.TRUE.equals(d.deleted()) ? "True" : "False",
                text(d.componentCode()), text(d.url()));
    }

    private static PortalFee fee(DossierEvent.Fee f) {
        return new PortalFee(text(f.name()), text(f.code()), text(f.method()),
                f.amount() == null ? "" : f.amount().toString(), text(f.type()));
    }

    private static PortalResultDocument result(DossierEvent.Document d) {
        return new PortalResultDocument(text(d.name()), text(d.componentCode()), text(d.id()), text(d.url()));
    }

    private static boolean isStatus(Integer status, int code) {
        return status != null && status == code;
    }

    private static <E extends Enum<E>> String code(Map<E, String> codes, E value) {
        return value == null ? "" : text(codes.get(value));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static <E extends Enum<E>> Map<E, String> copy(Map<E, String> source, Class<E> type) {
        Map<E, String> copy = new EnumMap<>(type);
        if (source != null) {
            copy.putAll(source);
        }
        return copy;
    }
}
