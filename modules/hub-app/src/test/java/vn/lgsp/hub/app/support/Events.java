package vn.lgsp.hub.app.support;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

/** Realistic dossier events for tests. Each test takes fresh dossier codes so tests never see each other's data. */
public final class Events {

    private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 5000));
    public static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 20, 8, 0, 0, 0, ZoneOffset.ofHours(7));

    private Events() {
    }

    /** A fresh dossier code of the one-stop-shop form, unique in this JVM. */
    public static String newDossierCode() {
        return String.format("000.00.14.H56-261120-%04d", SEQ.incrementAndGet() % 10000);
    }

    /** An event of the dossier in a status, happening {@code minute} minutes after a fixed start. */
    public static String event(String dossierCode, int status, int minute) {
        return """
                {"dossierCode":"%s","procedureCode":"1.004616","procedureName":"Cấp giấy phép xây dựng",
                 "agencyCode":"000.00.14.H56","agencyName":"Sở Xây dựng tỉnh Thanh Hóa","status":%d,
                 "occurredAt":"%s","dueAt":"2026-12-06T17:00:00+07:00","channel":"ONLINE",
                 "summary":"Xin cấp phép xây dựng nhà ở riêng lẻ",
                 "applicant":{"type":"CITIZEN","fullName":"Nguyễn Văn An","personalId":"038095123456",
                              "phone":"0912345678"},
                 "handler":{"officer":"canbo01","department":"Bộ phận một cửa","note":"Xử lý bước %d"},
                 "documents":[{"id":"tl-1","name":"Đơn đề nghị cấp giấy phép","componentCode":"TP01"}],
                 "fees":[{"code":"LP01","name":"Lệ phí cấp phép","amount":75000}]}
                """.formatted(dossierCode, status, T0.plusMinutes(minute), minute);
    }
}
