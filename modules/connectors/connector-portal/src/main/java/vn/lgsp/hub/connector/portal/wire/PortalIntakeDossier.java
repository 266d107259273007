package vn.lgsp.hub.connector.portal.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import vn.lgsp.hub.core.ids.Masking;

/**
 * One dossier submitted online, as the portal lists it to the hub ({@code LayDanhSachHoSoTrucTuyen}, an assumed
 * service: see {@code PortalClient#fetchIntake}). Names follow {@code DongBoHoSoMC} (DOMAIN.md §2.2) where the two
 * overlap; the applicant's ID and date of birth have names of their own because the portal's intake form asks for
 * them. Dates are {@code yyyyMMddHHmmss} local to Vietnam, though {@code yyyy-MM-dd HH:mm:ss} and ISO-8601 are read
 * too.
 *
 * @param dossierCode    MaHoSo
 * @param procedureCode  MaTTHC
 * @param procedureName  TenTTHC
 * @param agencyCode     MaCoQuan: electronic code of the agency that will handle it
 * @param submittedAt    NgayNopHoSo
 * @param updatedAt      NgayCapNhat: the listing's order and cursor
 * @param dueAt          NgayHenTra
 * @param summary        TrichYeuHoSo
 * @param applicantName  ChuHoSo (personal data)
 * @param applicantType  LoaiDoiTuong, read through {@code hub.connector.portal.applicant-type-codes}
 * @param applicantId    SoGiayToChuHoSo: the personal ID (personal data)
 * @param birthDate      NgaySinhChuHoSo, {@code yyyyMMdd} (personal data)
 * @param email          Email (personal data)
 * @param phone          SoDienThoai (personal data)
 * @param address        DiaChiChuHoSo (personal data)
 * @param documents      TaiLieuNop
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PortalIntakeDossier(
        @JsonProperty("MaHoSo") String dossierCode,
        @JsonProperty("MaTTHC") String procedureCode,
        @JsonProperty("TenTTHC") String procedureName,
        @JsonProperty("MaCoQuan") String agencyCode,
        @JsonProperty("NgayNopHoSo") String submittedAt,
        @JsonProperty("NgayCapNhat") String updatedAt,
        @JsonProperty("NgayHenTra") String dueAt,
        @JsonProperty("TrichYeuHoSo") String summary,
        @JsonProperty("ChuHoSo") String applicantName,
        @JsonProperty("LoaiDoiTuong") String applicantType,
        @JsonProperty("SoGiayToChuHoSo") String applicantId,
        @JsonProperty("NgaySinhChuHoSo") String birthDate,
        @JsonProperty("Email") String email,
        @JsonProperty("SoDienThoai") String phone,
        @JsonProperty("DiaChiChuHoSo") String address,
        @JsonProperty("TaiLieuNop") List<PortalFile> documents) {

    public PortalIntakeDossier {
        // keeps null items, so that the validator can report them
        documents = documents == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(documents));
    }

    @Override
    public String toString() {
        return "PortalIntakeDossier[MaHoSo=" + dossierCode + ", MaTTHC=" + procedureCode + ", NgayCapNhat=" + updatedAt
                + ", ChuHoSo=" + Masking.maskName(applicantName) + ", SoGiayToChuHoSo="
                + Masking.maskPersonalId(applicantId) + "]";
    }
}
