package vn.lgsp.hub.core.model;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.ValidationException;
import vn.lgsp.hub.core.error.Violation;
import vn.lgsp.hub.core.ids.AgencyCode;
import vn.lgsp.hub.core.ids.DossierCode;
import vn.lgsp.hub.core.ids.PersonalId;
import vn.lgsp.hub.core.ids.ProcedureCode;
import vn.lgsp.hub.core.lifecycle.DossierStatus;

import static vn.lgsp.hub.core.model.Checks.check;
import static vn.lgsp.hub.core.model.Checks.forEach;
import static vn.lgsp.hub.core.model.Checks.required;
import static vn.lgsp.hub.core.model.Checks.text;

/**
 * Checks a dossier event on its own (the lifecycle check needs the dossier's history and is done at acceptance).
 * Collects every violation so that the caller can fix them all in one go.
 */
public final class DossierEventValidator {

    /** No dossier event of an electronic one-stop-shop is older than this. */
    static final int EARLIEST_YEAR = 2000;

    private final Clock clock;

    public DossierEventValidator(Clock clock) {
        this.clock = clock;
    }

    /** @return the event's status as a {@link DossierStatus} */
    public DossierStatus validate(DossierEvent e) {
        List<Violation> v = new ArrayList<>();
        required(v, "dossierCode", e.dossierCode());
        required(v, "procedureCode", e.procedureCode());
        required(v, "procedureName", e.procedureName());
        required(v, "agencyCode", e.agencyCode());
        required(v, "status", e.status());
        required(v, "occurredAt", e.occurredAt());
        required(v, "applicant", e.applicant());
        check(v, () -> DossierCode.parse(e.dossierCode(), "dossierCode"), e.dossierCode());
        check(v, () -> ProcedureCode.parse(e.procedureCode(), "procedureCode"), e.procedureCode());
        check(v, () -> AgencyCode.parse(e.agencyCode(), "agencyCode"), e.agencyCode());
        text(v, "procedureName", e.procedureName());
        text(v, "agencyName", e.agencyName());
        text(v, "summary", e.summary());

        DossierStatus status = null;
        if (e.status() != null) {
            status = DossierStatus.fromCode(e.status()).orElse(null);
            if (status == null) {
                v.add(new Violation("status", ErrorCode.UNKNOWN_STATUS,
                        "status " + e.status() + " is not a DVCQG dossier status (1-10)"));
            }
        }
        if (e.occurredAt() != null && e.occurredAt().getYear() < EARLIEST_YEAR) {
            // also what a number sent instead of a date-time turns into (e.g. 1e300)
            v.add(new Violation("occurredAt", ErrorCode.INVALID_FIELD,
                    "occurredAt is before " + EARLIEST_YEAR + "; send an ISO-8601 date-time with its offset"));
        }
        if (e.occurredAt() != null && e.occurredAt().toInstant().isAfter(clock.instant().plusSeconds(300))) {
            v.add(new Violation("occurredAt", ErrorCode.INVALID_FIELD,
                    "occurredAt is more than five minutes in the future; check the sender's clock"));
        }
        if (e.applicant() != null) {
            required(v, "applicant.type", e.applicant().type());
            required(v, "applicant.fullName", e.applicant().fullName());
            text(v, "applicant.fullName", e.applicant().fullName());
            // optional, but when present even a blank one must be a real ID
            if (e.applicant().personalId() != null) {
                try {
                    PersonalId.parse(e.applicant().personalId(), clock, "applicant.personalId");
                } catch (ValidationException ex) {
                    v.addAll(ex.violations());
                }
            }
        }
        if (e.handler() != null) {
            text(v, "handler.officer", e.handler().officer());
            text(v, "handler.note", e.handler().note());
        }
        forEach("documents", e.documents(), (d, path) -> {
            required(v, path + ".id", d == null ? null : d.id());
            required(v, path + ".name", d == null ? null : d.name());
        });
        forEach("results", e.results(), (d, path) -> {
            required(v, path + ".id", d == null ? null : d.id());
            required(v, path + ".name", d == null ? null : d.name());
        });
        forEach("fees", e.fees(), (f, path) -> {
            required(v, path + ".name", f == null ? null : f.name());
            if (f != null && f.amount() != null && f.amount() < 0) {
                v.add(new Violation(path + ".amount", ErrorCode.INVALID_FIELD, path + ".amount must not be negative"));
            }
        });
        if (!v.isEmpty()) {
            throw new ValidationException(v);
        }
        return status;
    }
}
