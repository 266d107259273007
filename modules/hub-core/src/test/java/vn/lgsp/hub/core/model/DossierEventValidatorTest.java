package vn.lgsp.hub.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.ValidationException;
import vn.lgsp.hub.core.error.Violation;
import vn.lgsp.hub.core.lifecycle.DossierStatus;
import vn.lgsp.hub.core.model.DossierEvent.Applicant;
import vn.lgsp.hub.core.model.DossierEvent.ApplicantType;
import vn.lgsp.hub.core.model.DossierEvent.Channel;
import vn.lgsp.hub.core.model.DossierEvent.Document;
import vn.lgsp.hub.core.model.DossierEvent.Fee;
import vn.lgsp.hub.core.model.DossierEvent.Handler;

class DossierEventValidatorTest {

    private static final ZoneOffset VN = ZoneOffset.ofHours(7);
    private static final Instant NOW = Instant.parse("2026-11-22T03:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneId.of("Asia/Ho_Chi_Minh"));

    private final DossierEventValidator validator = new DossierEventValidator(CLOCK);

    private static Applicant applicant() {
        return new Applicant(ApplicantType.CITIZEN, "Nguyễn Văn An", "038095123456", "an@example.vn", "0912345678");
    }

    private static DossierEvent valid() {
        return new DossierEvent(
                "000.00.14.H56-261122-0001",
                "1.004616",
                "Cấp giấy phép xây dựng",
                "000.00.14.H56",
                "Sở Xây dựng",
                4,
                OffsetDateTime.ofInstant(NOW.minusSeconds(3600), VN),
                OffsetDateTime.ofInstant(NOW.plusSeconds(86400 * 10), VN),
                Channel.ONLINE,
                "Xin cấp phép xây dựng nhà ở riêng lẻ",
                applicant(),
                new Handler("officer01", "Chuyên viên", "Phòng Quản lý xây dựng", "Đã thẩm định hồ sơ"),
                List.of(new Document("D1", "Đơn đề nghị", "TP01", "https://example.vn/d1", false)),
                List.of(new Fee("LP01", "Lệ phí cấp phép", 75000L, "Trực tuyến", "Lệ phí")),
                List.of());
    }

    /** The valid event with some fields replaced; index follows the record's components. */
    private static DossierEvent with(int index, Object value) {
        DossierEvent e = valid();
        Object[] c = {e.dossierCode(), e.procedureCode(), e.procedureName(), e.agencyCode(), e.agencyName(),
                e.status(), e.occurredAt(), e.dueAt(), e.channel(), e.summary(), e.applicant(), e.handler(),
                e.documents(), e.fees(), e.results()};
        c[index] = value;
        return build(c);
    }

    @SuppressWarnings("unchecked")
    private static DossierEvent build(Object[] c) {
        return new DossierEvent((String) c[0], (String) c[1], (String) c[2], (String) c[3], (String) c[4],
                (Integer) c[5], (OffsetDateTime) c[6], (OffsetDateTime) c[7], (Channel) c[8], (String) c[9],
                (Applicant) c[10], (Handler) c[11], (List<Document>) c[12], (List<Fee>) c[13],
                (List<Document>) c[14]);
    }

    private List<Violation> violations(DossierEvent e) {
        ValidationException ex = catchThrowableOfType(ValidationException.class, () -> validator.validate(e));
        assertThat(ex).as("the event should be refused").isNotNull();
        assertThat(ex.errorCode()).isEqualTo(ex.violations().get(0).code());
        return ex.violations();
    }

    @Test
    void aFullValidEventPassesAndReturnsItsStatus() {
        assertThat(validator.validate(valid())).isEqualTo(DossierStatus.IN_PROGRESS);
    }

    @Test
    void aMinimalValidEventPasses() {
        DossierEvent e = new DossierEvent("G09.20-20260609-0092637", "1.004616.000.00.00.H56", "Thủ tục", "G09.20",
                null, 10, OffsetDateTime.ofInstant(NOW, VN), null, null, null,
                new Applicant(ApplicantType.BUSINESS, "Công ty TNHH A", null, null, null), null, null, null, null);

        assertThat(validator.validate(e)).isEqualTo(DossierStatus.RESULT_DELIVERED);
    }

    @Test
    void missingRequiredFieldsAreEachReportedWithTheirPath() {
        String[] fields = {"dossierCode", "procedureCode", "procedureName", "agencyCode", null, "status", "occurredAt",
                null, null, null, "applicant"};
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] == null) {
                continue;
            }
            List<Violation> v = violations(with(i, null));
            assertThat(v).as("missing %s", fields[i])
                    .extracting(Violation::field, Violation::code)
                    .containsExactly(tuple(fields[i], ErrorCode.MISSING_FIELD));
            assertThat(v.get(0).code().code()).isEqualTo("request.missing_field");
        }
    }

    @Test
    void optionalFieldsMayBeMissing() {
        for (int i : new int[] {4, 7, 8, 9, 11, 12, 13, 14}) {
            DossierEvent e = with(i, null);
            assertThat(validator.validate(e)).as("component %d omitted", i).isEqualTo(DossierStatus.IN_PROGRESS);
        }
    }

    @Test
    void blankStringsCountAsMissing() {
        List<Violation> v = violations(with(2, "   "));
        assertThat(v).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("procedureName", ErrorCode.MISSING_FIELD));
    }

    @Test
    void aBlankIdentifierIsRefusedFirstAsMissing() {
        ValidationException ex = catchThrowableOfType(ValidationException.class, () -> validator.validate(with(0, " ")));

        assertThat(ex.errorCode()).isEqualTo(ErrorCode.MISSING_FIELD);
        assertThat(ex.violations().get(0)).extracting(Violation::field, Violation::code)
                .containsExactly("dossierCode", ErrorCode.MISSING_FIELD);
        assertThat(ex.violations()).extracting(Violation::field).containsOnly("dossierCode");
        assertThat(ex.violations()).hasSize(1);
    }

    @Test
    void missingApplicantFieldsAreReportedWithTheirPath() {
        List<Violation> v = violations(with(10, new Applicant(null, " ", null, null, null)));
        assertThat(v).extracting(Violation::field, Violation::code).containsExactly(
                tuple("applicant.type", ErrorCode.MISSING_FIELD),
                tuple("applicant.fullName", ErrorCode.MISSING_FIELD));
    }

    @Test
    void severalViolationsAreReportedTogether() {
        DossierEvent e = new DossierEvent("abc", null, "Thủ tục", "g09.20", null, 11,
                OffsetDateTime.ofInstant(NOW.plusSeconds(86400), VN), null, null, null,
                new Applicant(ApplicantType.CITIZEN, "Nguyễn Văn An", "038330123456", null, null), null,
                List.of(new Document(null, "Đơn", null, null, null)), null, null);

        List<Violation> v = violations(e);

        assertThat(v).extracting(Violation::field, Violation::code).containsExactlyInAnyOrder(
                tuple("procedureCode", ErrorCode.MISSING_FIELD),
                tuple("dossierCode", ErrorCode.INVALID_DOSSIER_CODE),
                tuple("agencyCode", ErrorCode.INVALID_AGENCY_CODE),
                tuple("status", ErrorCode.UNKNOWN_STATUS),
                tuple("occurredAt", ErrorCode.INVALID_FIELD),
                tuple("applicant.personalId", ErrorCode.INVALID_PERSONAL_ID),
                tuple("documents[0].id", ErrorCode.MISSING_FIELD));
    }

    @Test
    void anOccurredAtBeforeTheYear2000IsRefusedAndTheFirstDayOf2000Accepted() {
        // what a number sent instead of a date-time (e.g. 1e300, or 0) becomes once read
        assertThat(violations(with(6, OffsetDateTime.of(1999, 12, 31, 23, 59, 59, 0, java.time.ZoneOffset.ofHours(7)))))
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("occurredAt", ErrorCode.INVALID_FIELD));
        assertThat(validator.validate(with(6, OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0,
                java.time.ZoneOffset.ofHours(7))))).isEqualTo(DossierStatus.IN_PROGRESS);
    }

    @Test
    void badCodesCarryTheirOwnErrorCodes() {
        assertThat(violations(with(0, "000.00.14.H56-2611-0001"))).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("dossierCode", ErrorCode.INVALID_DOSSIER_CODE));
        assertThat(violations(with(1, "A.004616"))).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("procedureCode", ErrorCode.INVALID_PROCEDURE_CODE));
        assertThat(violations(with(3, "000.00.14.H56."))).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("agencyCode", ErrorCode.INVALID_AGENCY_CODE));
    }

    @Test
    void agencyCodeIsAcceptedLeniently() {
        assertThat(validator.validate(with(3, "999.010.01.H22"))).isEqualTo(DossierStatus.IN_PROGRESS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"03809512345", "999095123456", "038330123456", "03809512345A", "", "   "})
    void invalidPersonalIdIsReportedOnApplicantPersonalIdWithoutTheNumber(String personalId) {
        List<Violation> v = violations(with(10,
                new Applicant(ApplicantType.CITIZEN, "Nguyễn Văn An", personalId, null, null)));

        assertThat(v).singleElement().satisfies(violation -> {
            assertThat(violation.field()).isEqualTo("applicant.personalId");
            assertThat(violation.code()).isEqualTo(ErrorCode.INVALID_PERSONAL_ID);
            if (!personalId.isBlank()) {
                assertThat(violation.message()).doesNotContain(personalId);
            }
        });
    }

    @Test
    void personalIdBornThisYearIsAccepted() {
        assertThat(validator.validate(with(10,
                new Applicant(ApplicantType.CITIZEN, "Nguyễn Thị Bình", "038326123456", null, null))))
                .isEqualTo(DossierStatus.IN_PROGRESS);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 11, -1})
    void unknownStatusIsRefused(int status) {
        List<Violation> v = violations(with(5, status));

        assertThat(v).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("status", ErrorCode.UNKNOWN_STATUS));
        assertThat(v.get(0).code().code()).isEqualTo("dossier.unknown_status");
    }

    @Test
    void everyDvcqgStatusIsAccepted() {
        for (DossierStatus s : DossierStatus.values()) {
            assertThat(validator.validate(with(5, s.code()))).isEqualTo(s);
        }
    }

    @Test
    void occurredAtFarInTheFutureIsRefused() {
        List<Violation> v = violations(with(6, OffsetDateTime.ofInstant(NOW.plusSeconds(3600), VN)));

        assertThat(v).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("occurredAt", ErrorCode.INVALID_FIELD));
    }

    @Test
    void occurredAtSlightlyAheadIsToleratedForClockSkew() {
        assertThat(validator.validate(with(6, OffsetDateTime.ofInstant(NOW.plusSeconds(300), VN))))
                .isEqualTo(DossierStatus.IN_PROGRESS);
        assertThat(violations(with(6, OffsetDateTime.ofInstant(NOW.plusSeconds(301), VN))))
                .extracting(Violation::field).containsExactly("occurredAt");
    }

    @Test
    void occurredAtIsComparedAsAnInstantWhateverTheOffset() {
        // 09:30 at +07:00 is 02:30Z, before NOW (03:00Z); the same wall time at UTC would be in the future
        assertThat(validator.validate(with(6, OffsetDateTime.parse("2026-11-22T09:30:00+07:00"))))
                .isEqualTo(DossierStatus.IN_PROGRESS);
        assertThat(violations(with(6, OffsetDateTime.parse("2026-11-22T09:30:00Z"))))
                .extracting(Violation::field).containsExactly("occurredAt");
    }

    @Test
    void textLongerThan2000CharactersIsRefused() {
        String tooLong = "x".repeat(2001);

        assertThat(validator.validate(with(9, "x".repeat(2000)))).isEqualTo(DossierStatus.IN_PROGRESS);
        assertThat(violations(with(9, tooLong))).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("summary", ErrorCode.INVALID_FIELD));
        assertThat(violations(with(2, tooLong))).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("procedureName", ErrorCode.INVALID_FIELD));
        assertThat(violations(with(4, tooLong))).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("agencyName", ErrorCode.INVALID_FIELD));
        assertThat(violations(with(11, new Handler("o", null, null, tooLong))))
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("handler.note", ErrorCode.INVALID_FIELD));
        assertThat(violations(with(10, new Applicant(ApplicantType.CITIZEN, tooLong, null, null, null))))
                .extracting(Violation::field, Violation::code)
                .containsExactly(tuple("applicant.fullName", ErrorCode.INVALID_FIELD));
    }

    @Test
    void documentWithoutIdIsReportedByIndex() {
        List<Violation> v = violations(with(12, List.of(new Document(null, "Đơn", null, null, null))));

        assertThat(v).extracting(Violation::field, Violation::code)
                .containsExactly(tuple("documents[0].id", ErrorCode.MISSING_FIELD));
    }

    @Test
    void documentIndexIsThePositionInTheList() {
        List<Violation> v = violations(with(12, List.of(
                new Document("D1", "Đơn", null, null, null),
                new Document("D2", " ", null, null, null))));

        assertThat(v).extracting(Violation::field).containsExactly("documents[1].name");
    }

    @Test
    void nullListItemsAreReportedNotThrown() {
        List<Violation> v = violations(with(14, Arrays.asList(new Document("R1", "Giấy phép", null, null, null),
                null)));

        assertThat(v).extracting(Violation::field).containsExactly("results[1].id", "results[1].name");
    }

    @Test
    void feesNeedANameAndANonNegativeAmount() {
        List<Violation> v = violations(with(13, List.of(new Fee("LP01", null, -1L, null, null))));

        assertThat(v).extracting(Violation::field, Violation::code).containsExactly(
                tuple("fees[0].name", ErrorCode.MISSING_FIELD),
                tuple("fees[0].amount", ErrorCode.INVALID_FIELD));
        assertThat(validator.validate(with(13, List.of(new Fee(null, "Miễn phí", 0L, null, null)))))
                .isEqualTo(DossierStatus.IN_PROGRESS);
    }

    @Test
    void violationMessagesDoNotRepeatTheApplicantsNameOrId() {
        Applicant a = new Applicant(ApplicantType.CITIZEN, "Nguyễn Văn An", "999095123456", null, null);
        List<Violation> v = violations(with(10, a));

        assertThat(v).allSatisfy(violation -> assertThat(violation.message())
                .doesNotContain("999095123456").doesNotContain("Nguyễn"));
    }

    @Test
    void eventListsAreUnmodifiableCopies() {
        List<Document> docs = new java.util.ArrayList<>(List.of(new Document("D1", "Đơn", null, null, null)));
        DossierEvent e = with(12, docs);
        docs.add(new Document(null, null, null, null, null));

        assertThat(e.documents()).hasSize(1);
        assertThat(validator.validate(e)).isEqualTo(DossierStatus.IN_PROGRESS);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> e.documents().add(null))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(with(13, null).fees()).isEmpty();
    }

    @Test
    void eventToStringIsMasked() {
        String s = valid().toString();

        assertThat(s).contains("038*****3456").contains("N*** V*** A***")
                .doesNotContain("038095123456").doesNotContain("Nguyễn");
    }
}
