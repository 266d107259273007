package vn.lgsp.hub.connector.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.lgsp.hub.core.error.ErrorCode;

class PortalIntakeClientTest {

    private static final String AUTH = "/adapter/auth";
    private static final String API = "/adapter/api";

    static final String ITEM = """
            {"MaHoSo":"%s","MaTTHC":"1.004616","TenTTHC":"Cấp giấy phép xây dựng","MaCoQuan":"000.00.14.H56",
             "NgayNopHoSo":"%s","NgayCapNhat":"%s","NgayHenTra":"20261206170000","TrichYeuHoSo":"Nhà ở",
             "ChuHoSo":"Nguyễn Văn An","LoaiDoiTuong":1,"SoGiayToChuHoSo":"038095123456","NgaySinhChuHoSo":"19950312",
             "TaiLieuNop":[{"TepDinhKemId":"TL-1","TenTepDinhKem":"Đơn.pdf","DuongDanTaiTepTin":"https://x/TL-1"}]}""";

    @RegisterExtension
    static final WireMockExtension portal = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @Test
    void firstFetchStartsFromTheBeginningAndMapsBothDateStyles() {
        stubLogin("s1");
        portal.stubFor(post(API).willReturn(okJson(page(
                ITEM.formatted("A-1", "20261122091500", "20261122091500"),
                ITEM.formatted("A-2", "2026-11-22 09:16:00", "2026-11-22 09:16:00")))));

        IntakePage page = client(100).fetchIntake(null);

        portal.verify(1, postRequestedFor(urlEqualTo(API))
                .withHeader("session", equalTo("s1"))
                .withHeader("X-Idempotency-Key", absent())
                .withRequestBody(equalToJson("{\"service\":\"LayDanhSachHoSoTrucTuyen\",\"madonvi\":\"000.00.00.H56\","
                        + "\"tuThoiDiem\":\"\",\"sauMaHoSo\":\"\",\"soLuong\":100}")));
        assertThat(page.more()).isFalse();
        assertThat(page.items()).hasSize(2);
        IntakeItem second = page.items().get(1);
        assertThat(second.unreadable()).isNull();
        assertThat(second.dossier().submittedAt()).isEqualTo(OffsetDateTime.parse("2026-11-22T09:16:00+07:00"));
        assertThat(second.cursor()).isEqualTo(new IntakeCursor(OffsetDateTime.parse("2026-11-22T09:16:00+07:00"),
                "A-2"));
        assertThat(page.lastCursor()).isEqualTo(second.cursor());
        assertThat(page.items().get(0).dossier().applicant().personalId()).isEqualTo("038095123456");
    }

    @Test
    void theCursorIsSentInPortalTimeAndAFullPageSaysMore() {
        stubLogin("s1");
        portal.stubFor(post(API).willReturn(okJson(page(
                ITEM.formatted("B-1", "20261122091500", "20261122091500"),
                ITEM.formatted("B-2", "20261122091500", "20261122091500")))));

        IntakePage page = client(2).fetchIntake(
                new IntakeCursor(OffsetDateTime.parse("2026-11-22T02:15:00Z"), "000.00.14.H56-261122-0007"));

        portal.verify(1, postRequestedFor(urlEqualTo(API)).withRequestBody(equalToJson(
                "{\"service\":\"LayDanhSachHoSoTrucTuyen\",\"madonvi\":\"000.00.00.H56\","
                        + "\"tuThoiDiem\":\"20261122091500\",\"sauMaHoSo\":\"000.00.14.H56-261122-0007\","
                        + "\"soLuong\":2}")));
        assertThat(page.more()).isTrue();
    }

    @Test
    void anUnmappableItemComesWithAReasonAndAnUnplaceableOneIsSkipped() {
        stubLogin("s1");
        portal.stubFor(post(API).willReturn(okJson(page(
                ITEM.formatted("C-1", "22/11/2026", "20261122091500"),
                ITEM.formatted("C-2", "20261122091500", "hôm qua"),
                "{\"MaHoSo\":\"C-3\",\"NgayCapNhat\":\"20261122091600\",\"TaiLieuNop\":\"none\"}",
                ITEM.formatted("C-4", "20261122091700", "20261122091700")))));

        IntakePage page = client(100).fetchIntake(null);

        assertThat(page.items()).extracting(i -> i.cursor().dossierCode()).containsExactly("C-1", "C-3", "C-4");
        IntakeItem badDate = page.items().get(0);
        assertThat(badDate.dossier()).isNull();
        assertThat(badDate.unreadable()).startsWith("NgayNopHoSo").doesNotContain("22/11/2026");
        assertThat(badDate.cursor().updatedAt()).isEqualTo(OffsetDateTime.parse("2026-11-22T09:15:00+07:00"));
        assertThat(page.items().get(1).unreadable()).isEqualTo("the item does not have the expected form");
        assertThat(page.items().get(2).dossier()).isNotNull();
        // the raw count decides whether more may follow, skipped items included
        assertThat(client(4).fetchIntake(null).more()).isTrue();
    }

    @Test
    void anExpiredSessionLogsInAgainAndRepeats() {
        stubLogin("s1");
        portal.stubFor(post(API).withHeader("session", equalTo("s1"))
                .willReturn(okJson("{\"error_code\":\"-2\",\"message\":\"hết hạn\"}")));
        portal.stubFor(post(API).withHeader("session", equalTo("s2")).willReturn(okJson(page())));
        portal.stubFor(post(AUTH).inScenario("login").whenScenarioStateIs("Started")
                .willReturn(okJson("{\"session\":\"s1\",\"error_code\":0}")).willSetStateTo("second"));
        portal.stubFor(post(AUTH).inScenario("login").whenScenarioStateIs("second")
                .willReturn(okJson("{\"session\":\"s2\",\"error_code\":0}")));

        IntakePage page = client(100).fetchIntake(null);

        assertThat(page.items()).isEmpty();
        assertThat(page.more()).isFalse();
        portal.verify(2, postRequestedFor(urlEqualTo(AUTH)));
    }

    @Test
    void aServerErrorIsARetryablePortalException() {
        stubLogin("s1");
        portal.stubFor(post(API).willReturn(aResponse().withStatus(503)));
        PortalClient client = client(100);

        PortalException e = catchThrowableOfType(() -> client.fetchIntake(null), PortalException.class);

        assertThat(e.errorCode()).isEqualTo(ErrorCode.PORTAL_UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
        assertThat(client.status().snapshot().lastOutcome()).isEqualTo(PortalCallStatus.Outcome.FAILED);
    }

    @Test
    void aRefusalOrAGarbledListingIsReported() {
        stubLogin("s1");
        portal.stubFor(post(API).willReturn(okJson("{\"error_code\":\"-1\",\"message\":\"Sai madonvi\"}")));
        PortalException refused = catchThrowableOfType(() -> client(100).fetchIntake(null), PortalException.class);
        assertThat(refused.errorCode()).isEqualTo(ErrorCode.PORTAL_REJECTED);
        assertThat(refused.retryable()).isFalse();
        assertThat(refused.getMessage()).contains("Sai madonvi");

        portal.stubFor(post(API).willReturn(okJson("{\"error_code\":0,\"data\":\"none\"}")));
        PortalException garbled = catchThrowableOfType(() -> client(100).fetchIntake(null), PortalException.class);
        assertThat(garbled.errorCode()).isEqualTo(ErrorCode.PORTAL_MALFORMED_REPLY);
        assertThat(garbled.retryable()).isTrue();
    }

    private static String page(String... items) {
        return "{\"error_code\":0,\"data\":[" + String.join(",", items) + "]}";
    }

    private static void stubLogin(String session) {
        portal.stubFor(post(AUTH).willReturn(okJson("{\"session\":\"" + session + "\",\"error_code\":0}")));
    }

    private static PortalClient client(int pageSize) {
        PortalProperties properties = new PortalProperties();
        properties.setBaseUrl(portal.baseUrl());
        properties.setPassword("secret");
        properties.setUnitCode("000.00.00.H56");
        properties.setIntakePageSize(pageSize);
        properties.setRequestTimeout(Duration.ofSeconds(5));
        return new PortalClient(properties, new PortalMapper(properties));
    }
}
