package vn.lgsp.hub.connector.docex.agency;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;
import vn.lgsp.hub.connector.docex.TransportProperties;
import vn.lgsp.hub.connector.docex.transport.DocexException;
import vn.lgsp.hub.core.HubHeaders;
import vn.lgsp.hub.core.error.ErrorCode;

class AgencyPushClientTest {

    private static final String AGENCY = "000.00.14.H56";
    private static final String PATH = "/agencies/" + AGENCY + "/documents";
    private static final byte[] PACKAGE = "<edXML/>".getBytes(StandardCharsets.UTF_8);

    @RegisterExtension
    static final WireMockExtension agency = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @AfterEach
    void clearLogContext() {
        MDC.clear();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202})
    void postsThePackageWithKeyAndCorrelationId(int status) {
        agency.stubFor(post(PATH).willReturn(aResponse().withStatus(status)));
        MDC.put(HubHeaders.CORRELATION_ID_MDC, "cid-p");

        AgencyReceipt receipt = client(Duration.ofSeconds(5)).push(AGENCY, url(), PACKAGE, "push-1");

        assertThat(receipt).isEqualTo(new AgencyReceipt(AGENCY, status));
        agency.verify(1, postRequestedFor(urlEqualTo(PATH))
                .withHeader("Content-Type", equalTo("application/xml"))
                .withHeader("X-Idempotency-Key", equalTo("push-1"))
                .withHeader("X-Correlation-Id", equalTo("cid-p"))
                .withHeader("systemid", absent())
                .withRequestBody(binaryEqualTo(PACKAGE)));
    }

    @Test
    void streamsAPackageFromAStream() {
        agency.stubFor(post(PATH).willReturn(aResponse().withStatus(200)));

        client(Duration.ofSeconds(5)).push(AGENCY, url(), new ByteArrayInputStream(PACKAGE), "push-2");

        agency.verify(1, postRequestedFor(urlEqualTo(PATH)).withRequestBody(binaryEqualTo(PACKAGE)));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 413, 422})
    void refusalsAreNotRetried(int status) {
        agency.stubFor(post(PATH).willReturn(aResponse().withStatus(status).withBody("Gói tin không hợp lệ")));

        DocexException e = failure(() -> client(Duration.ofSeconds(5)).push(AGENCY, url(), PACKAGE, "k"));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.AGENCY_REJECTED);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains(AGENCY, Integer.toString(status), "Gói tin không hợp lệ");
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 408, 429})
    void serverTroubleIsRetryable(int status) {
        agency.stubFor(post(PATH).willReturn(aResponse().withStatus(status)));

        DocexException e = failure(() -> client(Duration.ofSeconds(5)).push(AGENCY, url(), PACKAGE, "k"));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.AGENCY_UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains(AGENCY);
    }

    @Test
    void aSlowAgencyIsRetryable() {
        agency.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withFixedDelay(1500)));

        DocexException e = failure(() -> client(Duration.ofMillis(300)).push(AGENCY, url(), PACKAGE, "k"));

        assertThat(e.errorCode()).isEqualTo(ErrorCode.AGENCY_UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void aBrokenOrRefusedConnectionIsRetryable() throws IOException {
        agency.stubFor(post(PATH).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        assertThat(failure(() -> client(Duration.ofSeconds(5)).push(AGENCY, url(), PACKAGE, "k")).errorCode())
                .isEqualTo(ErrorCode.AGENCY_UNAVAILABLE);

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DocexException e = failure(() -> client(Duration.ofSeconds(5))
                .push(AGENCY, URI.create("http://127.0.0.1:" + closedPort + PATH), PACKAGE, "k"));
        assertThat(e.errorCode()).isEqualTo(ErrorCode.AGENCY_UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void aKeyIsRequired() {
        assertThat(catchThrowableOfType(() -> client(Duration.ofSeconds(5)).push(AGENCY, url(), PACKAGE, ""),
                IllegalArgumentException.class)).isNotNull();
        agency.verify(0, postRequestedFor(urlEqualTo(PATH)));
    }

    private static URI url() {
        return URI.create(agency.baseUrl() + PATH);
    }

    private static AgencyPushClient client(Duration readTimeout) {
        return new AgencyPushClient(TransportProperties.of("http://127.0.0.1:1", readTimeout));
    }

    private static DocexException failure(ThrowingCallable call) {
        DocexException e = catchThrowableOfType(call, DocexException.class);
        assertThat(e).as("a DocexException").isNotNull();
        return e;
    }
}
