package vn.lgsp.hub.connector.onestop;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import vn.lgsp.hub.core.model.DossierEvent;
import vn.lgsp.hub.core.model.IdentityVerification;
import vn.lgsp.hub.core.model.IntakeDossier;

/** A Thanh Hóa building-permit dossier submitted online, and its verification. */
final class SampleDeliveries {

    static final String DOSSIER_CODE = "000.00.14.H56-261122-0001";
    static final String FULL_NAME = "Nguyễn Văn An";
    static final String PERSONAL_ID = "038095123456";

    private SampleDeliveries() {
    }

    static IntakeDossier dossier() {
        return new IntakeDossier(DOSSIER_CODE, "1.004616", "Cấp giấy phép xây dựng", "000.00.14.H56",
                OffsetDateTime.parse("2026-11-22T09:15:00+07:00"), OffsetDateTime.parse("2026-11-22T09:20:30+07:00"),
                OffsetDateTime.parse("2026-12-06T17:00:00+07:00"), "Xây nhà ở riêng lẻ",
                new IntakeDossier.Applicant(DossierEvent.ApplicantType.CITIZEN, FULL_NAME, PERSONAL_ID,
                        LocalDate.of(1995, 3, 12), "an.nguyen@example.vn", "0912345678",
                        "Số 12 phố Lê Lợi, Phường Điện Biên, tỉnh Thanh Hóa"),
                List.of(new DossierEvent.Document("TL-1", "Đơn đề nghị cấp giấy phép xây dựng.pdf", null,
                        "https://dichvucong.example/files/TL-1", null)));
    }

    static OneStopDelivery verified() {
        return new OneStopDelivery(dossier(), new IdentityVerification(IdentityVerification.Outcome.VERIFIED,
                List.of(), false, OffsetDateTime.parse("2026-11-22T09:21:00+07:00"), "ex-1", null));
    }

    static OneStopDelivery mismatch() {
        return new OneStopDelivery(dossier(), new IdentityVerification(IdentityVerification.Outcome.MISMATCH,
                List.of("fullName"), true, OffsetDateTime.parse("2026-11-22T09:21:00+07:00"), "ex-2", null));
    }
}
