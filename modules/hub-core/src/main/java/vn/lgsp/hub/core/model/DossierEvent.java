package vn.lgsp.hub.core.model;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One change of a dossier, as the one-stop-shop reports it, in the hub's canonical model (English names; the
 * portal's Vietnamese wire names live in the portal connector). Boxed types so that a missing field can be told
 * from a zero. {@link #toString()} is masked: the record holds a name and a personal ID.
 *
 * @param dossierCode   mã hồ sơ
 * @param procedureCode DVCQG procedure code (mã TTHC)
 * @param procedureName procedure name
 * @param agencyCode    electronic code of the agency handling the dossier
 * @param agencyName    name of that agency (DonViXuLy), optional
 * @param status        DVCQG status code 1-10
 * @param occurredAt    when the change happened, with offset
 * @param dueAt         due date of the result, optional
 * @param channel       how the dossier was submitted, optional
 * @param summary       short description of the dossier (TrichYeuHoSo), optional
 * @param applicant     who the dossier is for
 * @param handler       the officer's step, for progress events
 * @param documents     documents submitted
 * @param fees          fees and charges
 * @param results       result documents, usually with status 9 or 10
 */
public record DossierEvent(
        String dossierCode,
        String procedureCode,
        String procedureName,
        String agencyCode,
        String agencyName,
        Integer status,
        OffsetDateTime occurredAt,
        OffsetDateTime dueAt,
        Channel channel,
        String summary,
        Applicant applicant,
        Handler handler,
        List<Document> documents,
        List<Fee> fees,
        List<Document> results) {

    public DossierEvent {
        documents = copy(documents);
        fees = copy(fees);
        results = copy(results);
    }

    /**
     * An unmodifiable copy that keeps {@code null} items ({@code List.copyOf} would throw), so that a request with
     * {@code "documents": [null]} reaches {@link DossierEventValidator} and is refused as {@code documents[0].id}
     * missing instead of failing with a NullPointerException while the event is built.
     */
    private static <T> List<T> copy(List<T> items) {
        return items == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(items));
    }

    /** How the dossier reached the agency (KENH): 1 in person, 2 online, 3 public postal service. */
    public enum Channel { IN_PERSON, ONLINE, POSTAL }

    /** Who the dossier is for. */
    public enum ApplicantType { CITIZEN, BUSINESS, HOUSEHOLD_BUSINESS }

    /**
     * @param type       citizen, business or household business
     * @param fullName   the applicant's name (masked in every log)
     * @param personalId 12-digit personal ID, for citizens, where there is one
     * @param email      optional
     * @param phone      optional
     */
    public record Applicant(ApplicantType type, String fullName, String personalId, String email, String phone) {
        @Override
        public String toString() {
            return "Applicant[type=" + type + ", fullName=" + vn.lgsp.hub.core.ids.Masking.maskName(fullName)
                    + ", personalId=" + vn.lgsp.hub.core.ids.Masking.maskPersonalId(personalId) + "]";
        }
    }

    /**
     * @param officer    the handling officer's account
     * @param position   the officer's title (ChucDanh), optional
     * @param department the department (PhongBanXuLy), optional
     * @param note       what was done (NoiDungXuLy)
     */
    public record Handler(String officer, String position, String department, String note) {
    }

    /**
     * A submitted or result document.
     *
     * @param id            the document's id in the one-stop-shop
     * @param name          file or paper name
     * @param componentCode dossier component code (MaThanhPhanHoSo), optional
     * @param url           where the portal can fetch the file, optional
     * @param deleted       whether the document was withdrawn from the dossier
     */
    public record Document(String id, String name, String componentCode, String url, Boolean deleted) {
    }

    /**
     * @param code   fee code
     * @param name   fee name
     * @param amount amount in VND
     * @param method how it is collected (HinhThucThu), optional
     * @param type   fee or charge (LoaiPhiLePhi), optional
     */
    public record Fee(String code, String name, Long amount, String method, String type) {
    }

    @Override
    public String toString() {
        return "DossierEvent[dossierCode=" + dossierCode + ", status=" + status + ", occurredAt=" + occurredAt
                + ", applicant=" + applicant + "]";
    }
}
