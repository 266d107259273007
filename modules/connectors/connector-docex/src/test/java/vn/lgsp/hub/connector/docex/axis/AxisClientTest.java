package vn.lgsp.hub.connector.docex.axis;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.havingExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;
import org.springframework.util.unit.DataSize;
import vn.lgsp.hub.connector.docex.TransportProperties;
import vn.lgsp.hub.connector.docex.transport.CallStatus;
import vn.lgsp.hub.connector.docex.transport.DocexException;
import vn.lgsp.hub.core.HubHeaders;
import vn.lgsp.hub.core.error.ErrorCode;

class AxisClientTest {

    private static final byte[] PACKAGE = "<edXML:edXML xmlns:edXML=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"/>"
            .getBytes(StandardCharsets.UTF_8);
    private static final String FROM = "000.00.14.H56";

    @RegisterExtension
    static final WireMockExtension axis = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @TempDir
    Path downloads;

    @AfterEach
    void clearLogContext() {
        MDC.clear();
    }

    @Test
    void sendPostsThePackageWithEveryHeaderTheAxisWants() {
        axis.stubFor(post(AxisClient.SEND_PATH).willReturn(okJson("{\"status\":\"OK\",\"docId\":\"AX-1\"}")));
        MDC.put(HubHeaders.CORRELATION_ID_MDC, "cid-42");

        AxisReceipt receipt = client().send(PACKAGE, FROM, MessageType.EDOC, "doc-key-1");

        assertThat(receipt).isEqualTo(new AxisReceipt("AX-1", false));
        axis.verify(1, postRequestedFor(urlEqualTo(AxisClient.SEND_PATH))
                .withHeader("systemid", equalTo(TransportProperties.SYSTEM_ID))
                .withHeader("secret", equalTo(TransportProperties.SECRET))
                .withHeader("from", equalTo(FROM))
                .withHeader("servicetype", equalTo("eDoc"))
                .withHeader("messagetype", equalTo("edoc"))
                .withHeader("Content-Type", equalTo("application/xml"))
                .withHeader("X-Idempotency-Key", equalTo("doc-key-1"))
                .withHeader("X-Correlation-Id", equalTo("cid-42"))
                .withRequestBody(binaryEqualTo(PACKAGE)));
    }

    @Test
    void sendStreamsAStatusPackageAndReportsADuplicate() {
        axis.stubFor(post(AxisClient.SEND_PATH)
                .willReturn(okJson("{\"status\":\"OK\",\"docId\":\"AX-1\",\"duplicate\":true}")));

        AxisReceipt receipt = client().send(new ByteArrayInputStream(PACKAGE), FROM, MessageType.STATUS, "k2");

        assertThat(receipt).isEqualTo(new AxisReceipt("AX-1", true));
        axis.verify(1, postRequestedFor(urlEqualTo(AxisClient.SEND_PATH))
                .withHeader("messagetype", equalTo("status"))
                .withHeader("X-Correlation-Id", absent())
                .withRequestBody(binaryEqualTo(PACKAGE)));
    }

    @Test
    void anUnreadablePackageIsRejectedQuotingTheAxis() {
        axis.stubFor(post(AxisClient.SEND_PATH).willReturn(aResponse().withStatus(400)
                .withBody("{\"status\":\"FAIL\",\"errorCode\":\"INVALID_PACKAGE\",\"errorDesc\":\"no edXMLEnvelope\"}")));

        DocexException e = failure(() -> client().send(PACKAGE, FROM, MessageType.EDOC, "k"));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.AXIS_REJECTED);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("400", "INVALID_PACKAGE no edXMLEnvelope");
    }

    @Test
    void wrongCredentialsAreAnAuthFailureThatIsNotRetried() {
        axis.stubFor(post(AxisClient.SEND_PATH).willReturn(aResponse().withStatus(401)
                .withBody("{\"status\":\"FAIL\",\"errorCode\":\"AUTH\",\"errorDesc\":\"unknown system\"}")));
        AxisClient client = client();

        DocexException e = failure(() -> client.send(PACKAGE, FROM, MessageType.EDOC, "k"));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.AXIS_AUTH_FAILED);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).doesNotContain(TransportProperties.SECRET);
        // a refusal is an answer: the axis is up
        assertThat(client.status().snapshot().outcome()).isEqualTo(CallStatus.Outcome.ANSWERED);
        assertThat(client.status().snapshot().errorCode()).isEqualTo("axis.auth_failed");
    }

    @Test
    void aFailInASuccessfulReplyIsARefusal() {
        axis.stubFor(post(AxisClient.SEND_PATH).willReturn(okJson("{\"status\":\"FAIL\",\"errorCode\":\"X\"}")));

        DocexException e = failure(() -> client().send(PACKAGE, FROM, MessageType.EDOC, "k"));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.AXIS_REJECTED);
        assertThat(e.retryable()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 408, 429})
    void serverTroubleIsRetryable(int status) {
        axis.stubFor(post(AxisClient.SEND_PATH).willReturn(aResponse().withStatus(status)));
        AxisClient client = client();

        DocexException e = failure(() -> client.send(PACKAGE, FROM, MessageType.EDOC, "k"));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.AXIS_UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
        assertThat(client.status().snapshot().outcome()).isEqualTo(CallStatus.Outcome.FAILED);
        assertThat(client.status().snapshot().consecutiveFailures()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {403, 404, 409, 413, 422})
    void otherRefusalsAreNotRetried(int status) {
        axis.stubFor(post(AxisClient.SEND_PATH).willReturn(aResponse().withStatus(status)));

        DocexException e = failure(() -> client().send(PACKAGE, FROM, MessageType.EDOC, "k"));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.AXIS_REJECTED);
        assertThat(e.retryable()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "<html/>", "{\"status\":\"OK\"}", "{\"docId\":\"AX-1\"}", "{\"status\":\"OK\""})
    void anUnreadableSuccessIsMalformedAndRetryable(String body) {
        axis.stubFor(post(AxisClient.SEND_PATH).willReturn(aResponse().withStatus(200).withBody(body)));

        DocexException e = failure(() -> client().send(PACKAGE, FROM, MessageType.EDOC, "k"));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.AXIS_MALFORMED_REPLY);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void aSlowReplyIsRetryable() {
        axis.stubFor(post(AxisClient.SEND_PATH)
                .willReturn(okJson("{\"status\":\"OK\",\"docId\":\"AX-1\"}").withFixedDelay(1500)));
        AxisClient client = new AxisClient(TransportProperties.of(axis.baseUrl(), Duration.ofMillis(300)));

        long started = System.nanoTime();
        DocexException e = failure(() -> client.send(PACKAGE, FROM, MessageType.EDOC, "k"));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.AXIS_UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1400));
    }

    @Test
    void aBodyThatStallsIsCutOffByTheReadTimeout() {
        axis.stubFor(get(urlPathEqualTo(AxisClient.EDOC_PATH + "AX-1"))
                .willReturn(aResponse().withStatus(200).withBody(new String(PACKAGE, StandardCharsets.UTF_8))
                        .withChunkedDribbleDelay(5, 2000)));
        AxisClient client = new AxisClient(TransportProperties.of(axis.baseUrl(), Duration.ofMillis(400), null,
                downloads));

        long started = System.nanoTime();
        DocexException e = failure(() -> client.fetch("AX-1", FROM));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.AXIS_UNAVAILABLE);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1800));
    }

    @Test
    void aResetConnectionIsRetryable() {
        axis.stubFor(post(AxisClient.SEND_PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        DocexException e = failure(() -> client().send(PACKAGE, FROM, MessageType.EDOC, "k"));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.AXIS_UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void aRefusedConnectionIsRetryable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AxisClient client = new AxisClient(TransportProperties.of("http://127.0.0.1:" + closedPort + "/",
                Duration.ofSeconds(2)));

        DocexException e = failure(client::agencies);

        assertThat(e.errorCode()).isEqualTo(ErrorCode.AXIS_UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void sendNeedsAKeyAndASender() {
        assertThat(catchThrowableOfType(() -> client().send(PACKAGE, FROM, MessageType.EDOC, " "),
                IllegalArgumentException.class)).isNotNull();
        assertThat(catchThrowableOfType(() -> client().send(PACKAGE, null, MessageType.EDOC, "k"),
                IllegalArgumentException.class)).isNotNull();
        axis.verify(0, postRequestedFor(urlEqualTo(AxisClient.SEND_PATH)));
    }

    @Test
    void receivedListsTheEntriesForEveryAgencyAfterTheSequence() {
        axis.stubFor(get(urlPathEqualTo(AxisClient.RECEIVED_PATH)).willReturn(okJson("""
                {"status":"OK","data":[
                  {"docId":"AX-7","seq":17,"from":"000.00.01.H08","to":"000.00.14.H56","messagetype":"edoc",
                   "created":"2026-11-22T09:15:00+07:00"},
                  {"docId":"AX-8","seq":18,"from":"000.00.01.H08","to":"000.00.01.H56","messagetype":"status"}
                ]}""")));
        MDC.put(HubHeaders.CORRELATION_ID_MDC, "poll-1");

        List<AxisEntry> entries = client().received(List.of("000.00.14.H56", "000.00.01.H56"), 16, 50);

        assertThat(entries).containsExactly(
                new AxisEntry("AX-7", 17, "000.00.01.H08", "000.00.14.H56", MessageType.EDOC,
                        OffsetDateTime.parse("2026-11-22T09:15:00+07:00")),
                new AxisEntry("AX-8", 18, "000.00.01.H08", "000.00.01.H56", MessageType.STATUS, null));
        axis.verify(1, getRequestedFor(urlPathEqualTo(AxisClient.RECEIVED_PATH))
                .withQueryParam("organId", havingExactly("000.00.14.H56", "000.00.01.H56"))
                .withQueryParam("after", equalTo("16"))
                .withQueryParam("limit", equalTo("50"))
                .withHeader("systemid", equalTo(TransportProperties.SYSTEM_ID))
                .withHeader("secret", equalTo(TransportProperties.SECRET))
                .withHeader("X-Correlation-Id", equalTo("poll-1")));
    }

    @Test
    void receivedForNoAgencyCallsNothing() {
        assertThat(client().received(List.of(), 0, 100)).isEmpty();
        axis.verify(0, getRequestedFor(urlPathEqualTo(AxisClient.RECEIVED_PATH)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"status\":\"OK\"}",
            "{\"status\":\"OK\",\"data\":[{\"docId\":\"AX-1\",\"to\":\"000.00.14.H56\",\"messagetype\":\"edoc\"}]}",
            "{\"status\":\"OK\",\"data\":[{\"docId\":\"AX-1\",\"seq\":1,\"to\":\"X\",\"messagetype\":\"fax\"}]}"})
    void aReceivedListWithoutWhatMattersIsMalformed(String body) {
        axis.stubFor(get(urlPathEqualTo(AxisClient.RECEIVED_PATH)).willReturn(okJson(body)));

        DocexException e = failure(() -> client().received(List.of(FROM), 0, 100));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.AXIS_MALFORMED_REPLY);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void fetchKeepsThePackageInATemporaryFileThatCloseDeletes() throws IOException {
        axis.stubFor(get(urlPathEqualTo(AxisClient.EDOC_PATH + "000.00.01.H08%2C2026%2C10%2FUBND"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/xml")
                        .withBody(PACKAGE)));
        MDC.put(HubHeaders.CORRELATION_ID_MDC, "cid-f");

        Path file;
        try (FetchedPackage fetched = client().fetch("000.00.01.H08,2026,10/UBND", FROM)) {
            file = fetched.file();
            assertThat(fetched.readAllBytes()).isEqualTo(PACKAGE);
            assertThat(fetched.size()).isEqualTo(PACKAGE.length);
            assertThat(file.getParent()).isEqualTo(downloads);
            try (var in = fetched.openStream()) {
                assertThat(in.readAllBytes()).isEqualTo(PACKAGE);
            }
        }
        assertThat(file).doesNotExist();
        axis.verify(1, getRequestedFor(urlPathEqualTo(AxisClient.EDOC_PATH + "000.00.01.H08%2C2026%2C10%2FUBND"))
                .withQueryParam("organId", equalTo(FROM))
                .withHeader("systemid", equalTo(TransportProperties.SYSTEM_ID))
                .withHeader("secret", equalTo(TransportProperties.SECRET))
                .withHeader("X-Correlation-Id", equalTo("cid-f")));
    }

    @Test
    void fetchOfAnUnknownDocumentIsRejectedAndLeavesNoFile() throws IOException {
        axis.stubFor(get(urlPathEqualTo(AxisClient.EDOC_PATH + "AX-404")).willReturn(aResponse().withStatus(404)
                .withBody("{\"status\":\"FAIL\",\"errorCode\":\"NOT_FOUND\",\"errorDesc\":\"no such document\"}")));

        DocexException e = failure(() -> client().fetch("AX-404", FROM));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.AXIS_REJECTED);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("404", "NOT_FOUND no such document");
        try (var files = Files.list(downloads)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void fetchOfAPackageAboveTheLimitIsCutOff() throws IOException {
        axis.stubFor(get(urlPathEqualTo(AxisClient.EDOC_PATH + "AX-big"))
                .willReturn(aResponse().withStatus(200).withBody(new byte[64 * 1024])));
        AxisClient client = new AxisClient(TransportProperties.of(axis.baseUrl(), Duration.ofSeconds(5),
                DataSize.ofKilobytes(16), downloads));

        DocexException e = failure(() -> client.fetch("AX-big", FROM));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.DOCUMENT_TOO_LARGE);
        assertThat(e.retryable()).isFalse();
        try (var files = Files.list(downloads)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void fetchOfAnEmptyBodyIsMalformed() {
        axis.stubFor(get(urlPathEqualTo(AxisClient.EDOC_PATH + "AX-0")).willReturn(aResponse().withStatus(200)));

        assertThat(failure(() -> client().fetch("AX-0", FROM)).errorCode())
                .isEqualTo(ErrorCode.AXIS_MALFORMED_REPLY);
    }

    @Test
    void acknowledgePostsTheTransportStatus() {
        axis.stubFor(post(AxisClient.EDOC_PATH + "AX-7/status").willReturn(okJson("{\"status\":\"OK\"}")));

        client().acknowledge("AX-7", FROM, AckStatus.DONE);
        client().acknowledge("AX-7", FROM, AckStatus.PROCESSING);

        axis.verify(1, postRequestedFor(urlEqualTo(AxisClient.EDOC_PATH + "AX-7/status"))
                .withHeader("systemid", equalTo(TransportProperties.SYSTEM_ID))
                .withHeader("secret", equalTo(TransportProperties.SECRET))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"organId\":\"000.00.14.H56\",\"status\":\"done\"}")));
        axis.verify(1, postRequestedFor(urlEqualTo(AxisClient.EDOC_PATH + "AX-7/status"))
                .withRequestBody(equalToJson("{\"organId\":\"000.00.14.H56\",\"status\":\"processing\"}")));
    }

    @Test
    void acknowledgeOfAnUnknownDocumentIsRejected() {
        axis.stubFor(post(AxisClient.EDOC_PATH + "AX-9/status").willReturn(aResponse().withStatus(404)));

        DocexException e = failure(() -> client().acknowledge("AX-9", FROM, AckStatus.FAIL));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.AXIS_REJECTED);
    }

    @Test
    void agenciesListsTheAxisRegistry() {
        axis.stubFor(get(AxisClient.AGENCIES_PATH).willReturn(okJson("""
                {"status":"OK","data":[{"code":"000.00.14.H56","pcode":"000.00.00.H56","name":"Sở Xây dựng",
                  "mail":"sxd@thanhhoa.gov.vn","mobile":null},{"code":"000.00.01.H08","name":"VP UBND"}]}""")));

        assertThat(client().agencies()).containsExactly(
                new AxisAgency("000.00.14.H56", "000.00.00.H56", "Sở Xây dựng", "sxd@thanhhoa.gov.vn", null, null),
                new AxisAgency("000.00.01.H08", null, "VP UBND", null, null, null));
        axis.verify(1, getRequestedFor(urlEqualTo(AxisClient.AGENCIES_PATH))
                .withHeader("systemid", equalTo(TransportProperties.SYSTEM_ID))
                .withHeader("secret", equalTo(TransportProperties.SECRET)));
    }

    @Test
    void healthFollowsTheCalls() {
        AxisClient client = client();
        stub(post(AxisClient.SEND_PATH), 503);
        failure(() -> client.send(PACKAGE, FROM, MessageType.EDOC, "k"));
        failure(() -> client.send(PACKAGE, FROM, MessageType.EDOC, "k"));
        AxisHealthIndicator health = new AxisHealthIndicator(client.status());
        assertThat(health.health().getStatus().getCode()).isEqualTo("DOWN");
        assertThat(health.health().getDetails()).containsEntry("consecutiveFailures", 2)
                .containsEntry("lastErrorCode", "axis.unavailable");

        axis.stubFor(get(AxisClient.AGENCIES_PATH).willReturn(okJson("{\"status\":\"OK\",\"data\":[]}")));
        client.agencies();
        assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
    }

    private static void stub(MappingBuilder request, int status) {
        axis.stubFor(request.willReturn(aResponse().withStatus(status)));
    }

    private AxisClient client() {
        return new AxisClient(TransportProperties.of(axis.baseUrl(), Duration.ofSeconds(5), null, downloads));
    }

    static DocexException failure(ThrowingCallable call) {
        DocexException e = catchThrowableOfType(call, DocexException.class);
        assertThat(e).as("a DocexException").isNotNull();
        return e;
    }
}
