package vn.lgsp.hub.core.lifecycle;

import java.util.Optional;

/** The ten DVCQG dossier status codes ({@code TrangThaiHoSo}), DOMAIN.md §2.1. */
public enum DossierStatus {
    SUBMITTED(1, "Mới đăng ký"),
    ACCEPTED(2, "Được tiếp nhận"),
    REFUSED(3, "Không được tiếp nhận"),
    IN_PROGRESS(4, "Đang xử lý"),
    SUPPLEMENT_REQUESTED(5, "Yêu cầu bổ sung giấy tờ"),
    PAYMENT_REQUESTED(6, "Yêu cầu thực hiện nghĩa vụ tài chính"),
    WITHDRAWN(7, "Công dân yêu cầu rút hồ sơ"),
    STOPPED(8, "Dừng xử lý"),
    RESULT_READY(9, "Đã xử lý xong"),
    RESULT_DELIVERED(10, "Đã trả kết quả");

    private final int code;
    private final String vietnameseName;

    DossierStatus(int code, String vietnameseName) {
        this.code = code;
        this.vietnameseName = vietnameseName;
    }

    public int code() {
        return code;
    }

    public String vietnameseName() {
        return vietnameseName;
    }

    public static Optional<DossierStatus> fromCode(int code) {
        for (DossierStatus s : values()) {
            if (s.code == code) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
