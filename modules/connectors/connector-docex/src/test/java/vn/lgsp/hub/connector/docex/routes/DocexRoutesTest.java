package vn.lgsp.hub.connector.docex.routes;

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

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.lgsp.hub.connector.docex.agency.AgencyReceipt;
import vn.lgsp.hub.connector.docex.axis.AckStatus;
import vn.lgsp.hub.connector.docex.axis.AxisClient;
import vn.lgsp.hub.connector.docex.axis.AxisEntry;
import vn.lgsp.hub.connector.docex.axis.AxisReceipt;
import vn.lgsp.hub.connector.docex.axis.FetchedPackage;
import vn.lgsp.hub.connector.docex.axis.MessageType;
import vn.lgsp.hub.connector.docex.transport.DocexException;
import vn.lgsp.hub.core.HubHeaders;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;

@CamelSpringBootTest
@SpringBootTest(classes = DocexRoutesTest.TestApplication.class)
class DocexRoutesTest {

    private static final byte[] PACKAGE = "<edXML/>".getBytes(StandardCharsets.UTF_8);
    private static final String PUSH_PATH = "/agencies/000.00.14.H56/documents";

    /** Plays both the axis and the push endpoint of agency 000.00.14.H56. */
    @RegisterExtension
    static final WireMockExtension upstream = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @DynamicPropertySource
    static void docexProperties(DynamicPropertyRegistry registry) {
        registry.add("hub.connector.docex.axis.base-url", upstream::baseUrl);
        registry.add("hub.connector.docex.axis.system-id", () -> "sys-r");
        registry.add("hub.connector.docex.axis.secret", () -> "sec-r");
        registry.add("hub.connector.docex.directory-location", DocexRoutesTest::directoryFile);
    }

    private static String directoryFile() {
        try {
            Path file = Files.createTempFile("agencies-", ".yml");
            file.toFile().deleteOnExit();
            Files.writeString(file, """
                    agencies:
                      - code: 000.00.14.H56
                        name: Sở Xây dựng
                        receives: push
                        push-url: %s%s
                      - code: 000.00.01.H56
                        name: Văn phòng UBND tỉnh
                        receives: inbox
                    """.formatted(upstream.baseUrl(), PUSH_PATH));
            return "file:" + file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class TestApplication {
    }

    @Autowired
    private ProducerTemplate template;

    @Autowired
    private CamelContext camel;

    @Test
    void everyRouteIsRegisteredUnderItsId() {
        assertThat(List.of(DocexRoutes.AXIS_SEND_ROUTE_ID, DocexRoutes.AXIS_RECEIVED_ROUTE_ID,
                DocexRoutes.AXIS_FETCH_ROUTE_ID, DocexRoutes.AXIS_ACK_ROUTE_ID, DocexRoutes.AGENCY_PUSH_ROUTE_ID))
                .allSatisfy(id -> assertThat(camel.getRoute(id)).as(id).isNotNull());
    }

    @Test
    void sendStreamsTheBodyAndAnswersWithTheReceipt() {
        upstream.stubFor(post(AxisClient.SEND_PATH).willReturn(okJson("{\"status\":\"OK\",\"docId\":\"AX-5\"}")));

        Object receipt = template.requestBodyAndHeaders(DocexRoutes.AXIS_SEND, new ByteArrayInputStream(PACKAGE),
                Map.of(DocexRoutes.FROM, "000.00.14.H56", DocexRoutes.MESSAGE_TYPE, "status",
                        HubHeaders.EVENT_KEY, "send-1"));

        assertThat(receipt).isEqualTo(new AxisReceipt("AX-5", false));
        upstream.verify(1, postRequestedFor(urlEqualTo(AxisClient.SEND_PATH))
                .withHeader("systemid", equalTo("sys-r"))
                .withHeader("secret", equalTo("sec-r"))
                .withHeader("from", equalTo("000.00.14.H56"))
                .withHeader("messagetype", equalTo("status"))
                .withHeader("X-Idempotency-Key", equalTo("send-1"))
                .withRequestBody(binaryEqualTo(PACKAGE)));
    }

    @Test
    void sendWithoutAKeyFailsBeforeAnyCall() {
        Exchange done = template.send(DocexRoutes.AXIS_SEND, exchange -> {
            exchange.getMessage().setBody(PACKAGE);
            exchange.getMessage().setHeader(DocexRoutes.FROM, "000.00.14.H56");
        });

        assertThat(done.getException()).isInstanceOfSatisfying(HubException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INTERNAL));
        upstream.verify(0, postRequestedFor(urlEqualTo(AxisClient.SEND_PATH)));
    }

    @Test
    void receivedPollsForTheDirectorysAgenciesByDefault() {
        upstream.stubFor(get(urlPathEqualTo(AxisClient.RECEIVED_PATH)).willReturn(okJson("""
                {"status":"OK","data":[{"docId":"AX-7","seq":8,"from":"000.00.01.H08","to":"000.00.01.H56",
                 "messagetype":"edoc","created":"2026-11-22T09:15:00+07:00"}]}""")));

        Object entries = template.requestBodyAndHeader(DocexRoutes.AXIS_RECEIVED, null, DocexRoutes.AFTER_SEQ, 7L);

        assertThat(entries).asList().singleElement().isInstanceOfSatisfying(AxisEntry.class,
                entry -> assertThat(entry.docId()).isEqualTo("AX-7"));
        upstream.verify(1, getRequestedFor(urlPathEqualTo(AxisClient.RECEIVED_PATH))
                .withQueryParam("organId", havingExactly("000.00.14.H56", "000.00.01.H56"))
                .withQueryParam("after", equalTo("7"))
                .withQueryParam("limit", equalTo("100")));
    }

    @Test
    void fetchThenAcknowledge() {
        upstream.stubFor(get(urlPathEqualTo(AxisClient.EDOC_PATH + "AX-7"))
                .willReturn(aResponse().withStatus(200).withBody(PACKAGE)));
        upstream.stubFor(post(AxisClient.EDOC_PATH + "AX-7/status").willReturn(okJson("{\"status\":\"OK\"}")));
        Map<String, Object> headers = Map.of(DocexRoutes.DOC_ID, "AX-7", DocexRoutes.ORGAN_ID, "000.00.01.H56");

        try (FetchedPackage fetched = template.requestBodyAndHeaders(DocexRoutes.AXIS_FETCH, null, headers,
                FetchedPackage.class)) {
            assertThat(fetched.readAllBytes()).isEqualTo(PACKAGE);
        }
        template.requestBodyAndHeaders(DocexRoutes.AXIS_ACK, null, Map.of(DocexRoutes.DOC_ID, "AX-7",
                DocexRoutes.ORGAN_ID, "000.00.01.H56", DocexRoutes.ACK_STATUS, AckStatus.DONE));

        upstream.verify(1, postRequestedFor(urlEqualTo(AxisClient.EDOC_PATH + "AX-7/status"))
                .withRequestBody(equalToJson("{\"organId\":\"000.00.01.H56\",\"status\":\"done\"}")));
    }

    @Test
    void aFetchedPackageCanBePushedOnToTheAgencyTheDirectoryNames() {
        upstream.stubFor(get(urlPathEqualTo(AxisClient.EDOC_PATH + "AX-9"))
                .willReturn(aResponse().withStatus(200).withBody(PACKAGE)));
        upstream.stubFor(post(PUSH_PATH).willReturn(aResponse().withStatus(202)));

        try (FetchedPackage fetched = template.requestBodyAndHeaders(DocexRoutes.AXIS_FETCH, null,
                Map.of(DocexRoutes.DOC_ID, "AX-9", DocexRoutes.ORGAN_ID, "000.00.14.H56"), FetchedPackage.class)) {
            Object receipt = template.requestBodyAndHeaders(DocexRoutes.AGENCY_PUSH, fetched,
                    Map.of(DocexRoutes.ORGAN_ID, "000.00.14.H56", HubHeaders.EVENT_KEY, "push-9"));
            assertThat(receipt).isEqualTo(new AgencyReceipt("000.00.14.H56", 202));
        }
        upstream.verify(1, postRequestedFor(urlEqualTo(PUSH_PATH))
                .withHeader("X-Idempotency-Key", equalTo("push-9"))
                .withHeader("Content-Type", equalTo("application/xml"))
                .withRequestBody(binaryEqualTo(PACKAGE)));
    }

    @Test
    void pushFailuresReachTheCallerWithTheirRetryableFlag() {
        upstream.stubFor(post(PUSH_PATH).willReturn(aResponse().withStatus(503)));

        Exchange done = template.send(DocexRoutes.AGENCY_PUSH, exchange -> {
            exchange.getMessage().setBody(PACKAGE);
            exchange.getMessage().setHeader(DocexRoutes.ORGAN_ID, "000.00.14.H56");
            exchange.getMessage().setHeader(HubHeaders.EVENT_KEY, "push-10");
        });

        assertThat(done.getException()).isInstanceOfSatisfying(DocexException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.AGENCY_UNAVAILABLE);
            assertThat(e.retryable()).isTrue();
        });
        upstream.verify(1, postRequestedFor(urlEqualTo(PUSH_PATH)));
    }

    @Test
    void pushToAnAgencyThatDoesNotReceiveByPushFailsBeforeAnyCall() {
        Exchange done = template.send(DocexRoutes.AGENCY_PUSH, exchange -> {
            exchange.getMessage().setBody(PACKAGE);
            exchange.getMessage().setHeader(DocexRoutes.ORGAN_ID, "000.00.01.H56");
            exchange.getMessage().setHeader(HubHeaders.EVENT_KEY, "push-11");
        });

        assertThat(done.getException()).isInstanceOfSatisfying(HubException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INTERNAL));
    }

    @Test
    void axisFailuresReachTheCallerAsDocexException() {
        upstream.stubFor(get(urlPathEqualTo(AxisClient.EDOC_PATH + "AX-x")).willReturn(aResponse().withStatus(401)));

        Exchange done = template.send(DocexRoutes.AXIS_FETCH, exchange -> {
            exchange.getMessage().setHeader(DocexRoutes.DOC_ID, "AX-x");
            exchange.getMessage().setHeader(DocexRoutes.ORGAN_ID, "000.00.01.H56");
        });

        assertThat(done.getException()).isInstanceOfSatisfying(DocexException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.AXIS_AUTH_FAILED);
            assertThat(e.retryable()).isFalse();
        });
    }

    @Test
    void theMessageTypeMayBeGivenAsTheEnum() {
        upstream.stubFor(post(AxisClient.SEND_PATH).willReturn(okJson("{\"status\":\"OK\",\"docId\":\"AX-6\"}")));

        template.requestBodyAndHeaders(DocexRoutes.AXIS_SEND, PACKAGE, Map.of(DocexRoutes.FROM, "000.00.14.H56",
                DocexRoutes.MESSAGE_TYPE, MessageType.EDOC, HubHeaders.EVENT_KEY, "send-6"));

        upstream.verify(1, postRequestedFor(urlEqualTo(AxisClient.SEND_PATH))
                .withHeader("messagetype", equalTo("edoc")));
    }
}
