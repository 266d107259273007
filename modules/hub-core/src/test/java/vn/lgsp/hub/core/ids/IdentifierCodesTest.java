package vn.lgsp.hub.core.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.ValidationException;

/** AgencyCode, ProcedureCode and DossierCode: the identifiers whose whole rule is a pattern (DOMAIN.md §1). */
class IdentifierCodesTest {

    // --- AgencyCode ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"000.00.14.H56", "000.00.00.H56", "G09.20", "999.010.01.H22", "000.00.04.G18", "H56",
            "ABCDEFGHIJ.0123456789.ABCDEFGHIJ.12"})
    void agencyCodeLenientAccepts(String raw) {
        assertThat(AgencyCode.parse(raw, "agencyCode").value()).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"000.00.14.h56", "g09.20", "000.00.14. H56", " 000.00.14.H56", "000.00.14.H56 ",
            "000.00.14.H56.", ".000.00.14.H56", "000..14.H56", "000-00-14-H56", "000.00.14.H56\n", "",
            "ABCDEFGHIJ.0123456789.ABCDEFGHIJ.123"})
    void agencyCodeLenientRefuses(String raw) {
        ValidationException e = refused(() -> AgencyCode.parse(raw, "agencyCode"), ErrorCode.INVALID_AGENCY_CODE);
        assertThat(e.violations().get(0).field()).isEqualTo("agencyCode");
    }

    @Test
    void agencyCodeOfExactly35CharactersIsTheLimit() {
        String max = "ABCDEFGHIJ.0123456789.ABCDEFGHIJ.12";
        assertThat(max).hasSize(35);
        assertThat(AgencyCode.parse(max, "agencyCode").value()).isEqualTo(max);
        refused(() -> AgencyCode.parse(max + "3", "agencyCode"), ErrorCode.INVALID_AGENCY_CODE);
    }

    @Test
    void agencyCodeNullIsReportedAsMissing() {
        ValidationException e = refused(() -> AgencyCode.parse(null, "agencyCode"), ErrorCode.INVALID_AGENCY_CODE);
        assertThat(e.getMessage()).contains("missing");
    }

    @Test
    void agencyCodeErrorCodeIsStable() {
        ValidationException e = refused(() -> AgencyCode.parse("x", "agencyCode"), ErrorCode.INVALID_AGENCY_CODE);
        assertThat(e.errorCode().code()).isEqualTo("agency.invalid_code");
    }

    @Test
    void agencyCodeStrictAcceptsTheQcvn102Form() {
        AgencyCode code = AgencyCode.parseStrict("000.00.14.H56", "agencyCode");
        assertThat(code.value()).isEqualTo("000.00.14.H56");
        assertThat(code.isStrictForm()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"G09.20", "999.010.01.H22", "000.00.14.h56", "000.00.14.H5", "000.00.14.HH6", "00.00.14.H56"})
    void agencyCodeStrictRefusesNonStandardForms(String raw) {
        refused(() -> AgencyCode.parseStrict(raw, "agencyCode"), ErrorCode.INVALID_AGENCY_CODE);
    }

    @Test
    void leniencyIsVisibleOnTheParsedCode() {
        assertThat(AgencyCode.parse("G09.20", "agencyCode").isStrictForm()).isFalse();
        assertThat(AgencyCode.parse("999.010.01.H22", "agencyCode").isStrictForm()).isFalse();
        assertThat(AgencyCode.parse("000.17.22.H56", "agencyCode").isStrictForm()).isTrue();
    }

    @Test
    void refusalEchoesAtMostFortyCharactersOfTheValue() {
        String huge = "a".repeat(500);
        ValidationException e = refused(() -> AgencyCode.parse(huge, "agencyCode"), ErrorCode.INVALID_AGENCY_CODE);
        assertThat(e.getMessage()).contains("a".repeat(40) + "…").doesNotContain("a".repeat(41));
    }

    // --- ProcedureCode ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"1.004616", "1.010708", "1.004616.000.00.00.H56", "2.001234"})
    void procedureCodeAccepts(String raw) {
        assertThat(ProcedureCode.parse(raw, "procedureCode").value()).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.00461", "1.0046161", "A.004616", "11.004616", "1004616", "1.004616.", "1.004616.H56",
            "1.004616.000.00.00.h56", "1.004616 ", ""})
    void procedureCodeRefuses(String raw) {
        ValidationException e = refused(() -> ProcedureCode.parse(raw, "procedureCode"), ErrorCode.INVALID_PROCEDURE_CODE);
        assertThat(e.errorCode().code()).isEqualTo("procedure.invalid_code");
        assertThat(e.violations().get(0).field()).isEqualTo("procedureCode");
    }

    @Test
    void procedureCodeNullIsRefused() {
        refused(() -> ProcedureCode.parse(null, "procedureCode"), ErrorCode.INVALID_PROCEDURE_CODE);
    }

    // --- DossierCode --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"000.00.14.H56-261122-0001", "000.00.14.H56-200203-0118", "000.17.22.H56-210531-0001",
            "G09.20-20260609-0092637"})
    void dossierCodeAccepts(String raw) {
        assertThat(DossierCode.parse(raw, "dossierCode").value()).isEqualTo(raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "000.00.14.H56-2611-0001", "000.00.14.H56-261122-001", "000.00.14.H56-261122-00000001",
            "000.00.14.H56-2611221-0001", "000.00.14.h56-261122-0001", "000.00.14.H56-261122", "-261122-0001",
            "000.00.14.H56_261122_0001", " 000.00.14.H56-261122-0001", ""})
    void dossierCodeRefuses(String raw) {
        ValidationException e = refused(() -> DossierCode.parse(raw, "dossierCode"), ErrorCode.INVALID_DOSSIER_CODE);
        assertThat(e.errorCode().code()).isEqualTo("dossier.invalid_code");
        assertThat(e.violations().get(0).field()).isEqualTo("dossierCode");
    }

    @Test
    void dossierCodeNullIsRefused() {
        refused(() -> DossierCode.parse(null, "dossierCode"), ErrorCode.INVALID_DOSSIER_CODE);
    }

    @Test
    void toStringIsTheValue() {
        assertThat(DossierCode.parse("000.00.14.H56-261122-0001", "d")).hasToString("000.00.14.H56-261122-0001");
        assertThat(AgencyCode.parse("G09.20", "a")).hasToString("G09.20");
        assertThat(ProcedureCode.parse("1.004616", "p")).hasToString("1.004616");
    }

    private static ValidationException refused(Executable parse, ErrorCode expected) {
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> {
            try {
                parse.execute();
            } catch (RuntimeException r) {
                throw r;
            } catch (Throwable t) {
                throw new AssertionError(t);
            }
        });
        assertThat(e).as("expected a refusal").isNotNull();
        assertThat(e.errorCode()).isEqualTo(expected);
        assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.code()).isEqualTo(expected));
        return e;
    }
}
