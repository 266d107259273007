package vn.lgsp.hub.connector.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lgsp.hub.connector.portal.wire.PortalFile;
import vn.lgsp.hub.connector.portal.wire.PortalIntakeDossier;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.model.DossierEvent;
import vn.lgsp.hub.core.model.DossierEvent.ApplicantType;
import vn.lgsp.hub.core.model.IntakeDossier;

class PortalIntakeMapperTest {

    private final PortalIntakeMapper mapper = new PortalIntakeMapper(new PortalMapper(new PortalProperties()));

    static PortalIntakeDossier wire(String submittedAt, String updatedAt, String type, String birthDate) {
        return new PortalIntakeDossier("000.00.14.H56-261122-0001", "1.004616", "Cấp giấy phép xây dựng",
                "000.00.14.H56", submittedAt, updatedAt, "20261206170000", "Xây nhà ở riêng lẻ", "Nguyễn Văn An",
                type, "038095123456", birthDate, "an@example.vn", "0912345678", "Phường Điện Biên, tỉnh Thanh Hóa",
                List.of(new PortalFile("TL-1", "Đơn đề nghị.pdf", "False", "", "https://dvc.example/TL-1")));
    }

    @Test
    void mapsTheCompactStyle() {
        IntakeDossier d = mapper.toCanonical(wire("20261122091500", "20261122092030", "1", "19950312"));

        assertThat(d.dossierCode()).isEqualTo("000.00.14.H56-261122-0001");
        assertThat(d.procedureCode()).isEqualTo("1.004616");
        assertThat(d.agencyCode()).isEqualTo("000.00.14.H56");
        assertThat(d.submittedAt()).isEqualTo(OffsetDateTime.parse("2026-11-22T09:15:00+07:00"));
        assertThat(d.updatedAt()).isEqualTo(OffsetDateTime.parse("2026-11-22T09:20:30+07:00"));
        assertThat(d.dueAt()).isEqualTo(OffsetDateTime.parse("2026-12-06T17:00:00+07:00"));
        assertThat(d.summary()).isEqualTo("Xây nhà ở riêng lẻ");
        assertThat(d.applicant()).isEqualTo(new IntakeDossier.Applicant(ApplicantType.CITIZEN, "Nguyễn Văn An",
                "038095123456", LocalDate.of(1995, 3, 12), "an@example.vn", "0912345678",
                "Phường Điện Biên, tỉnh Thanh Hóa"));
        assertThat(d.documents()).containsExactly(
                new DossierEvent.Document("TL-1", "Đơn đề nghị.pdf", null, "https://dvc.example/TL-1", false));
    }

    @Test
    void mapsTheSpacedAndIsoStylesToVietnamTime() {
        IntakeDossier d = mapper.toCanonical(wire("2026-11-22 09:15:00", "2026-11-22T02:20:30Z", "2", "1995-03-12"));

        assertThat(d.submittedAt()).isEqualTo(OffsetDateTime.parse("2026-11-22T09:15:00+07:00"));
        assertThat(d.updatedAt()).isEqualTo(OffsetDateTime.parse("2026-11-22T09:20:30+07:00"));
        assertThat(d.updatedAt().getOffset().getTotalSeconds()).isEqualTo(7 * 3600);
        assertThat(d.applicant().type()).isEqualTo(ApplicantType.BUSINESS);
        assertThat(d.applicant().birthDate()).isEqualTo(LocalDate.of(1995, 3, 12));
        assertThat(PortalMapper.parseDate("2026-11-22T09:20:30+07:00"))
                .isEqualTo(OffsetDateTime.parse("2026-11-22T09:20:30+07:00"));
    }

    @Test
    void blanksAreMissingNotUnreadable() {
        IntakeDossier d = mapper.toCanonical(new PortalIntakeDossier("X", "", null, " ", "", "20261122091500", "",
                "", "", "", "", "", "", "", "", null));

        assertThat(d.procedureCode()).isNull();
        assertThat(d.agencyCode()).isNull();
        assertThat(d.submittedAt()).isNull();
        assertThat(d.applicant().type()).isNull();
        assertThat(d.applicant().birthDate()).isNull();
        assertThat(d.documents()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"22/11/2026 09:15", "20261332091500", "2026112209150", "hôm nay"})
    void anUnknownDateStyleMakesTheItemUnreadableWithoutQuotingIt(String date) {
        assertThatThrownBy(() -> mapper.toCanonical(wire(date, "20261122092030", "1", "19950312")))
                .isInstanceOfSatisfying(PortalIntakeMapper.UnreadableException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_FIELD);
                    assertThat(e.getMessage()).startsWith("NgayNopHoSo:").doesNotContain(date);
                });
    }

    @Test
    void anUnreadableBirthDateIsNotQuoted() {
        assertThatThrownBy(() -> mapper.toCanonical(wire("20261122091500", "20261122092030", "1", "12/03/1995")))
                .isInstanceOf(PortalIntakeMapper.UnreadableException.class)
                .hasMessageStartingWith("NgaySinhChuHoSo:")
                .message().doesNotContain("1995");
    }

    @Test
    void applicantTypesAreReadThroughTheConfiguredTable() {
        PortalProperties properties = new PortalProperties();
        properties.setApplicantTypeCodes(Map.of(ApplicantType.CITIZEN, "0", ApplicantType.BUSINESS, "1",
                ApplicantType.HOUSEHOLD_BUSINESS, "2"));
        PortalIntakeMapper ministry = new PortalIntakeMapper(new PortalMapper(properties));

        assertThat(ministry.toCanonical(wire("20261122091500", "20261122092030", "0", "19950312")).applicant().type())
                .isEqualTo(ApplicantType.CITIZEN);
        assertThatThrownBy(() -> mapper.toCanonical(wire("20261122091500", "20261122092030", "7", "19950312")))
                .isInstanceOf(PortalIntakeMapper.UnreadableException.class)
                .hasMessageContaining("LoaiDoiTuong");
    }

    @Test
    void toStringIsMasked() {
        assertThat(wire("20261122091500", "20261122092030", "1", "19950312").toString())
                .doesNotContain("Nguyễn Văn An", "038095123456", "19950312");
    }
}
