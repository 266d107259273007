package vn.lgsp.hub.connector.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToIgnoreCase;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lgsp.hub.core.error.ErrorCode;

class PortalClientTest {

    private static final String AUTH = "/adapter/auth";
    private static final String API = "/adapter/api";
    private static final String OK = "{\"error_code\":\"0\",\"message\":\"Thành công\"}";
    private static final String EXPIRED = "{\"error_code\":\"-2\",\"message\":\"Phiên làm việc hết hạn\"}";

    @RegisterExtension
    static final WireMockExtension portal = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @Test
    void logsInOnceAndReusesTheSession() {
        stubLogin("s1");
        portal.stubFor(post(API).willReturn(okJson(OK)));
        PortalClient client = client();

        client.syncDossier(SampleEvents.accepted(), false, "key-1");
        client.updateProgress(SampleEvents.withStatus(4), "key-2");

        portal.verify(1, postRequestedFor(urlEqualTo(AUTH))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(matchingJsonPath("$.username", equalTo("hub")))
                .withRequestBody(matchingJsonPath("$.password", equalTo("secret"))));
        portal.verify(1, postRequestedFor(urlEqualTo(API))
                .withHeader("session", equalTo("s1"))
                .withHeader("X-Idempotency-Key", equalTo("key-1"))
                .withHeader("Content-Type", equalToIgnoreCase("application/json; charset=utf-8"))
                .withRequestBody(matchingJsonPath("$.service", equalTo("DongBoHoSoMC")))
                .withRequestBody(matchingJsonPath("$.isUpdating", equalTo("False")))
                .withRequestBody(matchingJsonPath("$.data[0].MaHoSo", equalTo(SampleEvents.DOSSIER_CODE))));
        portal.verify(1, postRequestedFor(urlEqualTo(API))
                .withHeader("session", equalTo("s1"))
                .withHeader("X-Idempotency-Key", equalTo("key-2"))
                .withRequestBody(matchingJsonPath("$.service", equalTo("CapNhatTienDoHoSoMC")))
                .withRequestBody(matchingJsonPath("$.data[0].TrangThai", equalTo("4"))));
        assertThat(client.status().snapshot().lastOutcome()).isEqualTo(PortalCallStatus.Outcome.DELIVERED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"error_code\":0}", "{\"error_code\":\"00\"}", "{\"error_code\":\"0\",\"extra\":[1]}"})
    void acceptsEverySuccessCode(String reply) {
        stubLogin("s1");
        portal.stubFor(post(API).willReturn(okJson(reply)));

        client().syncDossier(SampleEvents.accepted(), true, "key-1");

        portal.verify(1, postRequestedFor(urlEqualTo(API))
                .withRequestBody(matchingJsonPath("$.isUpdating", equalTo("True"))));
    }

    @Test
    void expiredSessionLogsInAgainAndRepeatsWithTheSameKey() {
        stubLoginSequence("s1", "s2");
        portal.stubFor(post(API).withHeader("session", equalTo("s1")).willReturn(okJson(EXPIRED)));
        portal.stubFor(post(API).withHeader("session", equalTo("s2")).willReturn(okJson(OK)));

        client().syncDossier(SampleEvents.accepted(), false, "key-1");

        portal.verify(2, postRequestedFor(urlEqualTo(AUTH)));
        portal.verify(2, postRequestedFor(urlEqualTo(API)).withHeader("X-Idempotency-Key", equalTo("key-1")));
        portal.verify(1, postRequestedFor(urlEqualTo(API)).withHeader("session", equalTo("s2")));
    }

    @Test
    void http401AlsoMeansExpired() {
        stubLoginSequence("s1", "s2");
        portal.stubFor(post(API).withHeader("session", equalTo("s1")).willReturn(aResponse().withStatus(401)));
        portal.stubFor(post(API).withHeader("session", equalTo("s2")).willReturn(okJson(OK)));

        client().updateProgress(SampleEvents.accepted(), "key-1");

        portal.verify(2, postRequestedFor(urlEqualTo(AUTH)));
    }

    @Test
    void sessionStillExpiredAfterOneReloginIsTransient() {
        stubLoginSequence("s1", "s2");
        portal.stubFor(post(API).willReturn(okJson(EXPIRED)));

        PortalException e = failure(client(), "key-1");

        assertThat(e.errorCode()).isEqualTo(ErrorCode.PORTAL_AUTH_FAILED);
        assertThat(e.retryable()).isTrue();
        portal.verify(2, postRequestedFor(urlEqualTo(AUTH)));
        portal.verify(2, postRequestedFor(urlEqualTo(API)));
    }

    @Test
    void refusedLoginIsNotRetryable() {
        portal.stubFor(post(AUTH).willReturn(okJson("{\"error_code\":-1,\"message\":\"Sai tên đăng nhập hoặc mật khẩu\"}")));
        PortalClient client = client();

        PortalException e = failure(client, "key-1");

        assertThat(e.errorCode()).isEqualTo(ErrorCode.PORTAL_AUTH_FAILED);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("-1").doesNotContain("secret");
        portal.verify(0, postRequestedFor(urlEqualTo(API)));
        assertThat(client.status().snapshot().lastOutcome()).isEqualTo(PortalCallStatus.Outcome.FAILED);
    }

    @Test
    void failedLoginIsTriedAgainOnTheNextCall() {
        portal.stubFor(post(AUTH).inScenario("login").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        portal.stubFor(post(AUTH).inScenario("login").whenScenarioStateIs("up")
                .willReturn(okJson("{\"session\":\"s1\",\"error_code\":0}")));
        portal.stubFor(post(API).willReturn(okJson(OK)));
        PortalClient client = client();

        PortalException e = failure(client, "key-1");
        client.syncDossier(SampleEvents.accepted(), false, "key-1");

        assertThat(e.errorCode()).isEqualTo(ErrorCode.PORTAL_UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
        portal.verify(1, postRequestedFor(urlEqualTo(API)));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void serverErrorsAreRetryable(int status) {
        stubLogin("s1");
        portal.stubFor(post(API).willReturn(aResponse().withStatus(status).withBody("upstream down")));

        PortalException e = failure(client(), "key-1");

        assertThat(e.errorCode()).isEqualTo(ErrorCode.PORTAL_UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void throttlingIsRetryable() {
        stubLogin("s1");
        portal.stubFor(post(API).willReturn(aResponse().withStatus(429)));

        PortalException e = failure(client(), "key-1");

        assertThat(e.errorCode()).isEqualTo(ErrorCode.PORTAL_UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void otherClientErrorsAreRejections() {
        stubLogin("s1");
        portal.stubFor(post(API).willReturn(aResponse().withStatus(400)
                .withBody("{\"error_code\":\"400\",\"message\":\"MaDoiTuong " + SampleEvents.PERSONAL_ID
                        + " sai định dạng\"}")));

        PortalException e = failure(client(), "key-1");

        assertThat(e.errorCode()).isEqualTo(ErrorCode.PORTAL_REJECTED);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("HTTP 400").doesNotContain(SampleEvents.PERSONAL_ID);
    }

    @Test
    void connectionResetIsRetryable() {
        stubLogin("s1");
        portal.stubFor(post(API).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        PortalException e = failure(client(), "key-1");

        assertThat(e.errorCode()).isEqualTo(ErrorCode.PORTAL_UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void connectionRefusedIsRetryable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        PortalClient client = client(p -> p.setBaseUrl("http://127.0.0.1:" + closedPort));

        PortalException e = failure(client, "key-1");

        assertThat(e.errorCode()).isEqualTo(ErrorCode.PORTAL_UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void emptyResponseIsRetryable() {
        stubLogin("s1");
        portal.stubFor(post(API).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));

        PortalException e = failure(client(), "key-1");

        assertThat(e.errorCode()).isEqualTo(ErrorCode.PORTAL_MALFORMED_REPLY);
        assertThat(e.retryable()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "<html>Bad gateway</html>", "{\"error_code\":", "[]", "{\"message\":\"no code\"}",
            "{\"error_code\":{\"x\":1}}"})
    void unparseableReplyIsRetryableMalformed(String body) {
        stubLogin("s1");
        portal.stubFor(post(API).willReturn(aResponse().withStatus(200).withBody(body)));

        PortalException e = failure(client(), "key-1");

        assertThat(e.errorCode()).isEqualTo(ErrorCode.PORTAL_MALFORMED_REPLY);
        assertThat(e.retryable()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE"})
    void replyThatIsNotHttpIsRetryableMalformed(Fault fault) {
        stubLogin("s1");
        portal.stubFor(post(API).willReturn(aResponse().withFault(fault)));

        PortalException e = failure(client(), "key-1");

        assertThat(e.errorCode()).isEqualTo(ErrorCode.PORTAL_MALFORMED_REPLY);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void replySlowerThanTheRequestTimeoutIsRetryable() {
        stubLogin("s1");
        portal.stubFor(post(API).willReturn(okJson(OK).withFixedDelay(3_000)));
        PortalClient client = client(p -> p.setRequestTimeout(Duration.ofMillis(300)));

        long started = System.nanoTime();
        PortalException e = failure(client, "key-1");

        assertThat(e.errorCode()).isEqualTo(ErrorCode.PORTAL_UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void businessRejectionIsNotRetryableAndMasksPersonalData() {
        stubLogin("s1");
        portal.stubFor(post(API).willReturn(okJson("{\"error_code\":\"-1\",\"message\":\"Hồ sơ của "
                + SampleEvents.FULL_NAME + " (CCCD " + SampleEvents.PERSONAL_ID + ") đã tồn tại\"}")));
        PortalClient client = client();

        PortalException e = failure(client, "key-1");

        assertThat(e.errorCode()).isEqualTo(ErrorCode.PORTAL_REJECTED);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage())
                .contains("error_code -1", "đã tồn tại", "038*****3456", SampleEvents.DOSSIER_CODE)
                .doesNotContain(SampleEvents.PERSONAL_ID, SampleEvents.FULL_NAME);
        assertThat(client.status().snapshot().lastOutcome()).isEqualTo(PortalCallStatus.Outcome.REJECTED);
    }

    @Test
    void configuredCodesAreHonoured() {
        stubLogin("s1");
        portal.stubFor(post(API).willReturn(okJson("{\"error_code\":\"200\"}")));
        PortalClient client = client(p -> p.setSuccessCodes(List.of("0", "200")));

        client.syncDossier(SampleEvents.accepted(), false, "key-1");

        portal.verify(1, postRequestedFor(urlEqualTo(API)));
    }

    @Test
    void concurrentCallersShareOneLoginAndOneRelogin() throws Exception {
        portal.stubFor(post(AUTH).inScenario("login").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"session\":\"s1\",\"error_code\":0}").withFixedDelay(300))
                .willSetStateTo("second"));
        portal.stubFor(post(AUTH).inScenario("login").whenScenarioStateIs("second")
                .willReturn(okJson("{\"session\":\"s2\",\"error_code\":0}").withFixedDelay(300))
                .willSetStateTo("third"));
        portal.stubFor(post(AUTH).inScenario("login").whenScenarioStateIs("third")
                .willReturn(okJson("{\"session\":\"s3\",\"error_code\":0}")));
        portal.stubFor(post(API).withHeader("session", equalTo("s1")).willReturn(okJson(EXPIRED)));
        portal.stubFor(post(API).withHeader("session", equalTo("s2")).willReturn(okJson(OK)));
        PortalClient client = client();
        int callers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Void>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                String key = "key-" + i;
                Callable<Void> call = () -> {
                    start.await();
                    client.syncDossier(SampleEvents.accepted(), false, key);
                    return null;
                };
                calls.add(pool.submit(call));
            }
            start.countDown();
            for (Future<Void> call : calls) {
                call.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        portal.verify(2, postRequestedFor(urlEqualTo(AUTH)));
        portal.verify(callers, postRequestedFor(urlEqualTo(API)).withHeader("session", equalTo("s2")));
    }

    private static PortalException failure(PortalClient client, String key) {
        return catchThrowableOfType(PortalException.class,
                () -> client.syncDossier(SampleEvents.accepted(), false, key));
    }

    private static void stubLogin(String session) {
        portal.stubFor(post(AUTH).willReturn(okJson("{\"session\":\"" + session + "\",\"error_code\":0}")));
    }

    private static void stubLoginSequence(String first, String second) {
        portal.stubFor(post(AUTH).inScenario("login").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"session\":\"" + first + "\",\"error_code\":0}")).willSetStateTo("again"));
        portal.stubFor(post(AUTH).inScenario("login").whenScenarioStateIs("again")
                .willReturn(okJson("{\"session\":\"" + second + "\",\"error_code\":0}")));
    }

    private static PortalClient client() {
        return client(p -> { });
    }

    private static PortalClient client(Consumer<PortalProperties> customizer) {
        PortalProperties properties = new PortalProperties();
        properties.setBaseUrl(portal.baseUrl());
        properties.setPassword("secret");
        properties.setRequestTimeout(Duration.ofSeconds(5));
        customizer.accept(properties);
        return new PortalClient(properties, new PortalMapper(properties));
    }
}
