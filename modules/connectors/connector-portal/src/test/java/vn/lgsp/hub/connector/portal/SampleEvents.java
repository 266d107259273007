package vn.lgsp.hub.connector.portal;

import java.time.OffsetDateTime;
import java.util.List;
import vn.lgsp.hub.core.model.DossierEvent;
import vn.lgsp.hub.core.model.DossierEvent.Applicant;
import vn.lgsp.hub.core.model.DossierEvent.ApplicantType;
import vn.lgsp.hub.core.model.DossierEvent.Channel;
import vn.lgsp.hub.core.model.DossierEvent.Document;
import vn.lgsp.hub.core.model.DossierEvent.Fee;
import vn.lgsp.hub.core.model.DossierEvent.Handler;

/** Synthetic dossier events for the tests (made-up name and ID). */
final class SampleEvents {

    static final String PERSONAL_ID = "038095123456";
    static final String FULL_NAME = "Nguyễn Văn An";
    static final String DOSSIER_CODE = "000.00.14.H56-261122-0001";

    private SampleEvents() {
    }

    /** Status 2, accepted, as the one-stop-shop reports it, with times in UTC. */
    static DossierEvent accepted() {
        return withStatus(2);
    }

    static DossierEvent withStatus(int status) {
        return new DossierEvent(
                DOSSIER_CODE,
                "1.004616",
                "Cấp giấy phép xây dựng",
                "000.00.14.H56",
                "Sở Xây dựng",
                status,
                OffsetDateTime.parse("2026-11-22T02:15:00+00:00"),
                OffsetDateTime.parse("2026-12-06T10:00:00+00:00"),
                Channel.ONLINE,
                "Xin cấp phép xây nhà ở riêng lẻ",
                new Applicant(ApplicantType.CITIZEN, FULL_NAME, PERSONAL_ID, "an@example.vn", "0912345678"),
                new Handler("canbo01", "Chuyên viên", "Bộ phận một cửa", "Tiếp nhận hồ sơ"),
                List.of(new Document("doc-1", "Đơn đề nghị", "TP01", "https://onestop.example/files/doc-1", null)),
                List.of(new Fee("LP01", "Lệ phí cấp phép", 75_000L, "Trực tuyến", "1")),
                List.of());
    }
}
