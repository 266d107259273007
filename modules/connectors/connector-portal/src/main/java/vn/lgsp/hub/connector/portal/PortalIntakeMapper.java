package vn.lgsp.hub.connector.portal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.function.Function;
import vn.lgsp.hub.connector.portal.wire.PortalFile;
import vn.lgsp.hub.connector.portal.wire.PortalIntakeDossier;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;
import vn.lgsp.hub.core.model.DossierEvent;
import vn.lgsp.hub.core.model.IntakeDossier;

/**
 * Turns a dossier the portal listed into the canonical {@link IntakeDossier}. Pure, like {@link PortalMapper}, whose
 * date reading and {@code LoaiDoiTuong} table it shares. It converts and does not judge: a missing field stays
 * {@code null} for {@code IntakeDossierValidator} to report; only a value that cannot be converted (a date in no known
 * form, an unknown {@code LoaiDoiTuong}) makes the item unreadable.
 */
public class PortalIntakeMapper {

    private final PortalMapper portalMapper;

    public PortalIntakeMapper(PortalMapper portalMapper) {
        this.portalMapper = Objects.requireNonNull(portalMapper, "portalMapper");
    }

    /**
     * @throws UnreadableException when a value cannot be converted; its message names the field, never the value
     */
    public IntakeDossier toCanonical(PortalIntakeDossier d) {
        OffsetDateTime submittedAt = read("NgayNopHoSo", d.submittedAt(), PortalMapper::parseDate);
        OffsetDateTime updatedAt = read("NgayCapNhat", d.updatedAt(), PortalMapper::parseDate);
        OffsetDateTime dueAt = read("NgayHenTra", d.dueAt(), PortalMapper::parseDate);
        LocalDate birthDate = read("NgaySinhChuHoSo", d.birthDate(), PortalMapper::parseDay);
        DossierEvent.ApplicantType type = read("LoaiDoiTuong", d.applicantType(), portalMapper::applicantType);
        return new IntakeDossier(
                blankToNull(d.dossierCode()),
                blankToNull(d.procedureCode()),
                blankToNull(d.procedureName()),
                blankToNull(d.agencyCode()),
                submittedAt,
                updatedAt,
                dueAt,
                blankToNull(d.summary()),
                new IntakeDossier.Applicant(type, blankToNull(d.applicantName()), blankToNull(d.applicantId()),
                        birthDate, blankToNull(d.email()), blankToNull(d.phone()), blankToNull(d.address())),
                d.documents().stream().map(f -> f == null ? null : document(f)).toList());
    }

    /** The update time of a listed dossier, for its cursor; {@code null} when it is blank or unreadable. */
    static OffsetDateTime updatedAtOrNull(String updatedAt) {
        try {
            return PortalMapper.parseDate(updatedAt);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static DossierEvent.Document document(PortalFile f) {
        String deleted = f.deleted() == null ? "" : f.deleted().strip();
        return new DossierEvent.Document(blankToNull(f.id()), blankToNull(f.name()), blankToNull(f.componentCode()),
                blankToNull(f.url()), deleted.isEmpty() ? null : Boolean.valueOf(deleted.equalsIgnoreCase("true")));
    }

    private static <T> T read(String field, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new UnreadableException(field + ": " + e.getMessage());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * A dossier whose values cannot be converted ({@code request.invalid_field}, should a pushed dossier be refused
     * for it); the message names the field, never the value, and is safe to log and to store.
     */
    public static class UnreadableException extends HubException {

        private static final long serialVersionUID = 1L;

        UnreadableException(String message) {
            super(ErrorCode.INVALID_FIELD, message);
        }
    }
}
