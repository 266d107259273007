package vn.lgsp.hub.connector.onestop;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;
import vn.lgsp.hub.core.HubHeaders;
import vn.lgsp.hub.core.error.ErrorCode;

class OneStopClientTest {

    private static final String PATH = OneStopClient.DOSSIERS_PATH;

    @RegisterExtension
    static final WireMockExtension onestop = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @AfterEach
    void clearLogContext() {
        MDC.clear();
    }

    @Test
    void deliversTheDossierWithItsVerificationAndReturnsTheReceipt() {
        onestop.stubFor(post(PATH).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"receiptNumber\":\"BN-000042\"}")));
        OneStopClient client = client(null);

        OneStopReceipt receipt = client.deliver(SampleDeliveries.mismatch(), "intake-1");

        assertThat(receipt).isEqualTo(new OneStopReceipt("BN-000042", false));
        onestop.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(matchingJsonPath("$.dossier.dossierCode", equalTo(SampleDeliveries.DOSSIER_CODE)))
                .withRequestBody(matchingJsonPath("$.dossier.submittedAt", equalTo("2026-11-22T09:15:00+07:00")))
                .withRequestBody(matchingJsonPath("$.dossier.updatedAt", equalTo("2026-11-22T09:20:30+07:00")))
                .withRequestBody(matchingJsonPath("$.dossier.applicant.type", equalTo("CITIZEN")))
                .withRequestBody(matchingJsonPath("$.dossier.applicant.birthDate", equalTo("1995-03-12")))
                .withRequestBody(matchingJsonPath("$.dossier.documents[0].id", equalTo("TL-1")))
                .withRequestBody(matchingJsonPath("$.verification.outcome", equalTo("MISMATCH")))
                .withRequestBody(matchingJsonPath("$.verification.differingFields[0]", equalTo("fullName")))
                .withRequestBody(matchingJsonPath("$.verification.diacriticsOnly", equalTo("true"))));
        assertThat(client.status().snapshot().outcome()).isEqualTo(OneStopCallStatus.Outcome.ANSWERED);
    }

    @Test
    void sendsTheIdempotencyKeyCorrelationIdAndApiKey() {
        onestop.stubFor(post(PATH).willReturn(okJson("{\"receiptNumber\":\"BN-1\"}")));
        MDC.put(HubHeaders.CORRELATION_ID_MDC, "cid-7");

        client("onestop-secret").deliver(SampleDeliveries.verified(), "intake-7");

        onestop.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("X-Idempotency-Key", equalTo("intake-7"))
                .withHeader("X-Correlation-Id", equalTo("cid-7"))
                .withHeader("X-API-Key", equalTo("onestop-secret")));
    }

    @Test
    void withoutAnApiKeyOrCorrelationIdNeitherHeaderIsSent() {
        onestop.stubFor(post(PATH).willReturn(okJson("{\"receiptNumber\":\"BN-1\"}")));

        client(" ").deliver(SampleDeliveries.verified(), "intake-8");

        onestop.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("X-API-Key", absent())
                .withHeader("X-Correlation-Id", absent()));
    }

    @Test
    void aRepeatedKeyIsASuccessMarkedDuplicate() {
        onestop.stubFor(post(PATH).willReturn(okJson("{\"receiptNumber\":\"BN-9\",\"duplicate\":true}")));

        assertThat(client(null).deliver(SampleDeliveries.verified(), "intake-1"))
                .isEqualTo(new OneStopReceipt("BN-9", true));
    }

    @Test
    void conflictMeansAlreadyReceived() {
        onestop.stubFor(post(PATH).willReturn(aResponse().withStatus(409)));

        assertThat(client(null).deliver(SampleDeliveries.verified(), "intake-1"))
                .isEqualTo(new OneStopReceipt(null, true));
    }

    @Test
    void rejectionIsNotRetryableAndQuotesTheReasonMaskedAndShort() {
        String echo = "Chủ hồ sơ " + SampleDeliveries.FULL_NAME + " (" + SampleDeliveries.PERSONAL_ID
                + ") không khớp; người đại diện 001203004567. " + "x".repeat(400);
        onestop.stubFor(post(PATH).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"" + echo + "\"}")));
        OneStopClient client = client(null);

        OneStopException e = failure(client);

        assertThat(e.errorCode()).isEqualTo(ErrorCode.ONESTOP_REJECTED);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("422", SampleDeliveries.DOSSIER_CODE, "không khớp", "N*** V*** A***",
                        "038*****3456", "001*****4567")
                .doesNotContain(SampleDeliveries.FULL_NAME, SampleDeliveries.PERSONAL_ID, "001203004567")
                .endsWith("…");
        assertThat(e.getMessage().length()).isLessThan(450);
        // a refusal is an answer: the one-stop-shop is up
        assertThat(client.status().snapshot().outcome()).isEqualTo(OneStopCallStatus.Outcome.ANSWERED);
    }

    @Test
    void badRequestWithAPlainTextBodyIsRejected() {
        onestop.stubFor(post(PATH).willReturn(aResponse().withStatus(400).withBody("Thiếu mã hồ sơ")));

        OneStopException e = failure(client(null));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.ONESTOP_REJECTED);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).endsWith(": Thiếu mã hồ sơ");
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void refusedCredentialsAreNotRetryable(int status) {
        onestop.stubFor(post(PATH).willReturn(aResponse().withStatus(status)));

        OneStopException e = failure(client("wrong"));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.ONESTOP_REJECTED);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains(Integer.toString(status)).doesNotContain("wrong");
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 429})
    void serverErrorsAreRetryable(int status) {
        onestop.stubFor(post(PATH).willReturn(aResponse().withStatus(status).withBody("Service Unavailable")));
        OneStopClient client = client(null);

        OneStopException e = failure(client);

        assertThat(e.errorCode()).isEqualTo(ErrorCode.ONESTOP_UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
        assertThat(client.status().snapshot().outcome()).isEqualTo(OneStopCallStatus.Outcome.FAILED);
        assertThat(client.status().snapshot().consecutiveFailures()).isEqualTo(1);
    }

    @Test
    void aSlowReplyIsRetryable() {
        assertCutOffAtTheReadTimeout(okJson("{\"receiptNumber\":\"BN-1\"}").withFixedDelay(1500));
    }

    @Test
    void aReplyBodyThatTricklesInIsCutOffAtTheReadTimeout() {
        // the headers come at once, the body over 1.5s: the JDK's own request timeout stops at the headers
        assertCutOffAtTheReadTimeout(okJson("{\"receiptNumber\":\"BN-1\"}").withChunkedDribbleDelay(5, 1500));
    }

    /** With a read timeout of 300 ms, this reply fails the delivery as retryable, well before the reply is done. */
    private void assertCutOffAtTheReadTimeout(ResponseDefinitionBuilder reply) {
        onestop.stubFor(post(PATH).willReturn(reply));
        OneStopProperties properties = properties(null);
        properties.setReadTimeout(Duration.ofMillis(300));

        long started = System.nanoTime();
        OneStopException e = catchThrowableOfType(
                () -> new OneStopClient(properties).deliver(SampleDeliveries.verified(), "intake-1"),
                OneStopException.class);

        assertThat(e.errorCode()).isEqualTo(ErrorCode.ONESTOP_UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1400));
    }

    @Test
    void aResetConnectionIsRetryable() {
        onestop.stubFor(post(PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        OneStopException e = failure(client(null));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.ONESTOP_UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void aRefusedConnectionIsRetryable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        OneStopProperties properties = properties(null);
        properties.setBaseUrl("http://127.0.0.1:" + closedPort + "/");

        OneStopException e = catchThrowableOfType(
                () -> new OneStopClient(properties).deliver(SampleDeliveries.verified(), "intake-1"),
                OneStopException.class);

        assertThat(e.errorCode()).isEqualTo(ErrorCode.ONESTOP_UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"receiptNumber\":\"BN", "[]", "{\"status\":\"ok\"}", "<html>ok</html>", ""})
    void anUnreadableSuccessIsMalformedAndRetryable(String body) {
        onestop.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withBody(body)));

        OneStopException e = failure(client(null));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.ONESTOP_MALFORMED_REPLY);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void aMissingKeyIsRefusedBeforeAnyCall() {
        assertThat(catchThrowableOfType(() -> client(null).deliver(SampleDeliveries.verified(), " "),
                IllegalArgumentException.class)).isNotNull();
        onestop.verify(0, postRequestedFor(urlEqualTo(PATH)));
    }

    private OneStopClient client(String apiKey) {
        return new OneStopClient(properties(apiKey));
    }

    private static OneStopProperties properties(String apiKey) {
        OneStopProperties properties = new OneStopProperties();
        properties.setBaseUrl(onestop.baseUrl());
        properties.setApiKey(apiKey);
        properties.setReadTimeout(Duration.ofSeconds(5));
        return properties;
    }

    private static OneStopException failure(OneStopClient client) {
        OneStopException e = catchThrowableOfType(() -> client.deliver(SampleDeliveries.verified(), "intake-1"),
                OneStopException.class);
        assertThat(e).as("a OneStopException").isNotNull();
        return e;
    }
}
