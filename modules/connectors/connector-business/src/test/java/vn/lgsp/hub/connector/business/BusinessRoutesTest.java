package vn.lgsp.hub.connector.business;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.lgsp.hub.connector.testkit.ConnectorRouteTest;
import vn.lgsp.hub.connector.testkit.SimulatorExtension;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.simulators.Simulator;
import vn.lgsp.hub.simulators.StandardFault;
import vn.lgsp.hub.simulators.business.BusinessSimulator;

class BusinessRoutesTest extends ConnectorRouteTest {

    private static final String JSC = "2800123456";
    private static final String PATH = BusinessSimulator.ENTERPRISES_PATH + "/";

    @RegisterExtension
    static final SimulatorExtension<BusinessSimulator> business = SimulatorExtension.of(BusinessSimulator::new)
            .property("hub.connector.business.url", Simulator::baseUrl)
            .property("hub.connector.business.api-key", "test-key")
            // generous: the first call of a fresh context loads many classes on a busy build machine
            .property("hub.connector.business.read-timeout", "5s")
            .resetBeforeEach(simulator -> {
                simulator.reset();
                simulator.wireMock().resetAll();
            });

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        business.register(registry);
    }

    @Autowired
    private BusinessCallStatus status;

    private static Map<String, Object> code(String code) {
        return Map.of(BusinessRoutes.KEY, code);
    }

    private Enterprise lookUp(String code) {
        return request(BusinessRoutes.LOOKUP, null, code(code), Enterprise.class);
    }

    @Test
    void routeIsRegisteredUnderTheConnectorsId() {
        assertThat(camel.getRoute("business-lookup")).isNotNull();
        assertThat(BusinessRoutes.LOOKUP).isEqualTo("direct:business-lookup");
    }

    @Test
    void answersTheEnterpriseInEnglish() {
        Enterprise enterprise = lookUp(JSC);

        assertThat(enterprise).isEqualTo(new Enterprise(JSC, "CÔNG TY CỔ PHẦN ĐẦU TƯ XÂY DỰNG LAM SƠN XANH",
                "LAM SON XANH JSC", "JOINT_STOCK_COMPANY", "ACTIVE", LocalDate.of(2010, 4, 12),
                "Số 25 đường Lê Lai, phường Hạc Thành, tỉnh Thanh Hóa", "Nguyễn Văn An", new BigDecimal("5000000000")));
        assertThat(enterprise.toString()).doesNotContain("Nguyễn Văn An");
        assertThat(status.snapshot().outcome()).isEqualTo(BusinessCallStatus.Outcome.ANSWERED);
    }

    @Test
    void translatesTheLegalFormAndStatusOfEachKindOfEnterprise() {
        assertThat(lookUp("2800123456-001")).satisfies(branch -> {
            assertThat(branch.type()).isEqualTo("BRANCH");
            assertThat(branch.charterCapital()).isNull();
            assertThat(branch.shortName()).isNull();
        });
        assertThat(lookUp("2801234567").type()).isEqualTo("SINGLE_MEMBER_LLC");
        assertThat(lookUp("2802345678").type()).isEqualTo("MULTI_MEMBER_LLC");
        assertThat(lookUp("2803456789").type()).isEqualTo("PRIVATE_ENTERPRISE");
        assertThat(lookUp("2804567890").status()).isEqualTo("DISSOLVED");
        assertThat(lookUp("2805678901").status()).isEqualTo("SUSPENDED");
    }

    @Test
    void sendsTheApiKeyButNeitherTheCallersHeadersNorItsBody() {
        Map<String, Object> headers = new HashMap<>(code(" " + JSC + " "));
        headers.put("Authorization", "Bearer the-callers-token");
        headers.put("X-Client-Id", "portal");

        Exchange done = template.send(BusinessRoutes.LOOKUP, exchange -> {
            exchange.getMessage().setHeaders(headers);
            exchange.getMessage().setBody("the caller's body");
        });

        assertThat(done.getException()).isNull();
        business.get().wireMock().verify(1, getRequestedFor(urlEqualTo(PATH + JSC))
                .withHeader("X-Api-Key", equalTo("test-key"))
                .withHeader("Authorization", absent())
                .withHeader("X-Client-Id", absent()));
        // and the caller keeps its own headers, without the database's
        assertThat(done.getMessage().getHeader("Authorization")).isEqualTo("Bearer the-callers-token");
        assertThat(done.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isNull();
        assertThat(done.getMessage().getBody()).isInstanceOf(Enterprise.class);
    }

    @Test
    void anUnknownCodeIsNotFoundAndNotRetryable() {
        assertUpstreamFailure(BusinessRoutes.LOOKUP, null, code(BusinessSimulator.UNKNOWN_CODE))
                .isUpstream(ErrorCode.UPSTREAM_NOT_FOUND).isNotRetryable().hasMessageContaining("KHONG_TIM_THAY");
        // "not found" is an answer: the database is up
        assertThat(status.snapshot().outcome()).isEqualTo(BusinessCallStatus.Outcome.ANSWERED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "28001234", "2800123456-1", "28001234567", "280012345A", "2800123456/../x"})
    void aMalformedCodeIsRefusedBeforeAnyCall(String code) {
        assertUpstreamFailure(BusinessRoutes.LOOKUP, null, code(code)).isValidation(ErrorCode.INVALID_FIELD);
        assertThat(business.get().callCount()).isZero();
    }

    @Test
    void aMissingCodeIsRefusedBeforeAnyCall() {
        assertUpstreamFailure(BusinessRoutes.LOOKUP, null, Map.of()).isValidation(ErrorCode.INVALID_FIELD);
        assertThat(business.get().callCount()).isZero();
    }

    @Test
    void aCodeTheDatabaseFindsMalformedIsRejected() {
        business.get().wireMock().stubFor(get(PATH + JSC).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"maLoi\":\"MA_KHONG_HOP_LE\",\"thongBao\":\"Mã số không hợp lệ\"}")));

        assertUpstreamFailure(BusinessRoutes.LOOKUP, null, code(JSC))
                .isUpstream(ErrorCode.UPSTREAM_REJECTED).isNotRetryable().hasMessageContaining("MA_KHONG_HOP_LE");
    }

    @Test
    void aRefusedCredentialIsRejectedWithAWordAboutTheApiKey() {
        business.get().wireMock().stubFor(get(PATH + JSC).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody("{\"maLoi\":\"KHONG_XAC_THUC\"}")));

        assertUpstreamFailure(BusinessRoutes.LOOKUP, null, code(JSC))
                .isUpstream(ErrorCode.UPSTREAM_REJECTED).isNotRetryable()
                .hasMessageContaining("hub.connector.business.api-key");
    }

    @Test
    void anUnavailableDatabaseIsRetryable() {
        business.get().injectFault(StandardFault.HTTP_503, 1);

        assertUpstreamFailure(BusinessRoutes.LOOKUP, null, code(JSC))
                .isUpstream(ErrorCode.UPSTREAM_UNAVAILABLE).isRetryable();
        assertThat(status.snapshot().outcome()).isEqualTo(BusinessCallStatus.Outcome.FAILED);

        assertThat(lookUp(JSC).enterpriseCode()).isEqualTo(JSC);
        assertThat(status.snapshot().outcome()).isEqualTo(BusinessCallStatus.Outcome.ANSWERED);
    }

    @Test
    void anInternalErrorIsUnavailable() {
        business.get().injectFault(StandardFault.HTTP_500, 1);

        assertUpstreamFailure(BusinessRoutes.LOOKUP, null, code(JSC))
                .isUpstream(ErrorCode.UPSTREAM_UNAVAILABLE).isRetryable();
    }

    @Test
    void aResetConnectionIsUnavailable() {
        business.get().injectFault(StandardFault.CONNECTION_RESET, 1);

        assertUpstreamFailure(BusinessRoutes.LOOKUP, null, code(JSC))
                .isUpstream(ErrorCode.UPSTREAM_UNAVAILABLE).isRetryable();
    }

    @Test
    void aSlowDatabaseTimesOutAsUnavailable() {
        lookUp(JSC); // the first call of a context loads classes; this one measures the read timeout alone
        business.get().injectDelay(Duration.ofSeconds(12), 1);

        long started = System.nanoTime();
        assertUpstreamFailure(BusinessRoutes.LOOKUP, null, code(JSC))
                .isUpstream(ErrorCode.UPSTREAM_UNAVAILABLE).isRetryable();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aTruncatedReplyIsMalformed() {
        business.get().injectFault(StandardFault.MALFORMED_REPLY, 1);

        assertUpstreamFailure(BusinessRoutes.LOOKUP, null, code(JSC))
                .isUpstream(ErrorCode.UPSTREAM_MALFORMED_REPLY).isRetryable();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "[]",
        "{\"tenDoanhNghiep\":\"CÔNG TY A\"}",
        "{\"maSoDoanhNghiep\":\"2801234567\",\"tenDoanhNghiep\":\"CÔNG TY KHÁC\"}",
        "{\"maSoDoanhNghiep\":\"2800123456\",\"tenDoanhNghiep\":\"A\",\"ngayCapLanDau\":\"12/04/2010\"}",
        "<html>OK</html>"})
    void aReplyThatIsNotThisEnterpriseIsMalformed(String body) {
        business.get().wireMock().stubFor(get(PATH + JSC).willReturn(okJson(body)));

        assertUpstreamFailure(BusinessRoutes.LOOKUP, null, code(JSC))
                .isUpstream(ErrorCode.UPSTREAM_MALFORMED_REPLY).isRetryable().revealsNone("12/04/2010");
    }

    @Test
    void theLegalRepresentativesNameNeverReachesALog() {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logged);
        // the hub's loggers and Camel's at their most talkative
        Logger hub = (Logger) LoggerFactory.getLogger("vn.lgsp.hub");
        Logger camelLog = (Logger) LoggerFactory.getLogger("org.apache.camel");
        Level hubBefore = hub.getLevel();
        Level camelBefore = camelLog.getLevel();
        hub.setLevel(Level.DEBUG);
        camelLog.setLevel(Level.DEBUG);
        try {
            lookUp(JSC);
            business.get().injectFault(StandardFault.MALFORMED_REPLY, 1);
            failure(BusinessRoutes.LOOKUP, null, code(JSC));
        } finally {
            root.detachAppender(logged);
            hub.setLevel(hubBefore);
            camelLog.setLevel(camelBefore);
        }
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.contains("business lookup"))
                .noneMatch(line -> line.contains("Nguyễn Văn An"));
    }
}
