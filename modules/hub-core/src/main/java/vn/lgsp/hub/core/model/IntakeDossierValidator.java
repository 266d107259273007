package vn.lgsp.hub.core.model;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.ValidationException;
import vn.lgsp.hub.core.error.Violation;
import vn.lgsp.hub.core.ids.AgencyCode;
import vn.lgsp.hub.core.ids.DossierCode;
import vn.lgsp.hub.core.ids.PersonalId;
import vn.lgsp.hub.core.ids.ProcedureCode;

import static vn.lgsp.hub.core.model.Checks.check;
import static vn.lgsp.hub.core.model.Checks.forEach;
import static vn.lgsp.hub.core.model.Checks.required;
import static vn.lgsp.hub.core.model.Checks.text;

/**
 * Checks a dossier from the portal's online intake, reporting every violation at once. A citizen applicant must come
 * with a well-formed personal ID and a date of birth, since both are verified against the population database.
 */
public final class IntakeDossierValidator {

    private final Clock clock;

    public IntakeDossierValidator(Clock clock) {
        this.clock = clock;
    }

    public void validate(IntakeDossier d) {
        List<Violation> v = new ArrayList<>();
        required(v, "dossierCode", d.dossierCode());
        required(v, "procedureCode", d.procedureCode());
        required(v, "procedureName", d.procedureName());
        required(v, "agencyCode", d.agencyCode());
        required(v, "submittedAt", d.submittedAt());
        required(v, "applicant", d.applicant());
        check(v, () -> DossierCode.parse(d.dossierCode(), "dossierCode"), d.dossierCode());
        check(v, () -> ProcedureCode.parse(d.procedureCode(), "procedureCode"), d.procedureCode());
        check(v, () -> AgencyCode.parse(d.agencyCode(), "agencyCode"), d.agencyCode());
        text(v, "procedureName", d.procedureName());
        text(v, "summary", d.summary());
        if (d.version() != null && d.version().toInstant().isAfter(clock.instant().plusSeconds(300))) {
            v.add(new Violation(d.updatedAt() != null ? "updatedAt" : "submittedAt", ErrorCode.INVALID_FIELD,
                    "the dossier's time is more than five minutes in the future; check the portal's clock"));
        }
        if (d.updatedAt() != null && d.submittedAt() != null && d.updatedAt().isBefore(d.submittedAt())) {
            v.add(new Violation("updatedAt", ErrorCode.INVALID_FIELD, "updatedAt is before submittedAt"));
        }
        IntakeDossier.Applicant a = d.applicant();
        if (a != null) {
            required(v, "applicant.type", a.type());
            required(v, "applicant.fullName", a.fullName());
            text(v, "applicant.fullName", a.fullName());
            text(v, "applicant.address", a.address());
            if (a.type() == DossierEvent.ApplicantType.CITIZEN) {
                required(v, "applicant.personalId", a.personalId());
                required(v, "applicant.birthDate", a.birthDate());
            }
            if (a.personalId() != null && !a.personalId().isBlank()) {
                check(v, () -> PersonalId.parse(a.personalId(), clock, "applicant.personalId"), a.personalId());
            }
            if (a.birthDate() != null && a.birthDate().isAfter(LocalDate.now(clock))) {
                v.add(new Violation("applicant.birthDate", ErrorCode.INVALID_FIELD, "applicant.birthDate is in the future"));
            }
        }
        forEach("documents", d.documents(), (doc, path) -> {
            required(v, path + ".id", doc == null ? null : doc.id());
            required(v, path + ".name", doc == null ? null : doc.name());
        });
        if (!v.isEmpty()) {
            throw new ValidationException(v);
        }
    }
}
