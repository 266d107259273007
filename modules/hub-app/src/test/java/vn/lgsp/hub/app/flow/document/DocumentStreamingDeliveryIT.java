package vn.lgsp.hub.app.flow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.AdviceWith;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.lgsp.hub.app.support.EdxmlPackages;
import vn.lgsp.hub.app.support.HubClient;
import vn.lgsp.hub.app.support.HubIntegrationTest;
import vn.lgsp.hub.connector.docex.DocexProperties;
import vn.lgsp.hub.connector.docex.routes.DocexRoutes;
import vn.lgsp.hub.simulators.StandardFault;
import vn.lgsp.hub.simulators.agency.PushedDocument;

/**
 * Flow 4's delivery never holds a package whole in heap: each consumption saves the package to a temporary file, the
 * push connector is handed that file (not bytes), every re-send (a retry through the broker, a dead letter, an
 * operator's replay, the inbox) streams it into a new large message, and the file is gone once the delivery's exchange
 * completes, whatever its outcome.
 */
class DocumentStreamingDeliveryIT extends HubIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int MEGABYTES = 5;

    /** What the push connector was handed, per call: the body's type, and the file's size if it is a file. */
    private record Handed(Object body, long fileBytes) {
    }

    private static final List<Handed> HANDED = new CopyOnWriteArrayList<>();
    /** The Camel context whose push route carries the probe (the Spring context is cached across test classes). */
    private static CamelContext probed;

    @Autowired
    private CamelContext camel;

    @Autowired
    private DocexProperties docex;

    private Set<Path> spooledBefore;

    @BeforeEach
    void probeThePushRoute() throws Exception {
        AGENCIES.reset();
        HANDED.clear();
        spooledBefore = spooled();
        synchronized (DocumentStreamingDeliveryIT.class) {
            if (probed != camel) {
                AdviceWith.adviceWith(camel, DocexRoutes.AGENCY_PUSH_ROUTE_ID, a -> a.weaveAddFirst().process(ex -> {
                    Object body = ex.getMessage().getBody();
                    HANDED.add(new Handed(body, body instanceof Path p && Files.exists(p) ? Files.size(p) : -1));
                }));
                probed = camel;
            }
        }
    }

    @Test
    void aPushedPackageIsHandedToTheConnectorAsAFileThroughRetriesAndTheFileIsGoneOnceDelivered() {
        // two in-place attempts fail, so the third comes from a round re-scheduled through the broker
        AGENCIES.injectFault(StandardFault.HTTP_503, 3, PUSH_AGENCY);
        String doc = EdxmlPackages.newDocumentId(OFFICE);
        String id = send(doc, PUSH_AGENCY);
        awaitState(id, "DELIVERED");

        PushedDocument pushed = pushed(doc);
        assertThat(HANDED).hasSizeGreaterThanOrEqualTo(4).allSatisfy(h -> {
            assertThat(h.body()).isInstanceOf(Path.class);
            assertThat(h.fileBytes()).as("the whole package, in its file").isEqualTo(pushed.bytes());
        });
        assertThat(pushed.bytes()).isGreaterThan(MEGABYTES * 1_000_000);
        assertThat(steps(id)).contains("RETRY_SCHEDULED");
        // the re-scheduled round is a new message, saved to a file of its own
        assertThat(HANDED.stream().map(Handed::body).distinct().count()).isGreaterThanOrEqualTo(2);
        assertFilesGone();
    }

    @Test
    void aRejectedPackageIsDeadLetteredWholeAndAReplayDeliversItWholeLeavingNoFileBehind() {
        AGENCIES.injectFault(StandardFault.REJECT, 1, PUSH_AGENCY);
        String doc = EdxmlPackages.newDocumentId(OFFICE);
        String id = send(doc, PUSH_AGENCY);
        awaitState(id, "FAILED");
        assertFilesGone();
        long size = HANDED.get(0).fileBytes();

        HubClient.Reply replay = hub.post("/api/v1/ops/dead-letters/replay", HubClient.OPERATOR_KEY,
                "application/json", "{\"ids\":[\"" + id + "\"]}");
        assertThat(replay.status()).as(replay.body()).isLessThan(300);
        awaitState(id, "DELIVERED");

        assertThat(pushed(doc).bytes()).as("the package went through the dead-letter queue whole").isEqualTo(size);
        assertThat(HANDED).hasSize(2).allSatisfy(h -> assertThat(h.body()).isInstanceOf(Path.class));
        assertThat(HANDED.get(1).body()).isNotEqualTo(HANDED.get(0).body());
        assertFilesGone();
    }

    @Test
    void aPackageForAnInboxIsStreamedIntoItAndServedWhole() {
        String doc = EdxmlPackages.newDocumentId(OFFICE);
        String id = send(doc, INBOX_AGENCY);
        awaitState(id, "DELIVERED");
        assertFilesGone();
        assertThat(HANDED).as("nothing is pushed for an inbox").isEmpty();

        HubClient.Reply list = hub.get("/api/v1/documents/inbox/" + INBOX_AGENCY, "agency11-key");
        long listed = -1;
        for (JsonNode e : list.json().path("waiting")) {
            if (id.equals(e.path("exchangeId").asText())) {
                listed = e.path("bytes").asLong();
            }
        }
        assertThat(listed).isGreaterThan(MEGABYTES * 1_000_000L);
        HubClient.Reply fetched = hub.get("/api/v1/documents/inbox/" + INBOX_AGENCY + "/" + id, "agency11-key");
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body().getBytes(StandardCharsets.UTF_8)).hasSize((int) listed);
        assertThat(fetched.body()).contains(doc);
        assertThat(hub.post("/api/v1/documents/inbox/" + INBOX_AGENCY + "/" + id + "/ack", "agency11-key", null, "")
                .status()).isEqualTo(200);
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private String send(String doc, String to) {
        HubClient.Reply r = hub.post("/api/v1/documents", HubClient.DEMO_KEY, "application/xml",
                () -> EdxmlPackages.large(MEGABYTES, doc, OFFICE, to), EdxmlPackages.largeLength(MEGABYTES, doc, OFFICE, to));
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        return r.json().path("deliveries").get(0).path("exchangeId").asText();
    }

    private static PushedDocument pushed(String doc) {
        return AGENCIES.received(PUSH_AGENCY).stream().filter(p -> doc.equals(p.documentId())).findFirst()
                .orElseThrow();
    }

    /** The delivery engine's temporary files that this test left behind: none, once the exchange has completed. */
    private void assertFilesGone() {
        await().atMost(WAIT).untilAsserted(() -> assertThat(spooled()).isSubsetOf(spooledBefore));
        assertThat(HANDED).allSatisfy(h -> assertThat((Path) h.body()).doesNotExist());
    }

    private Set<Path> spooled() {
        try (Stream<Path> files = Files.list(docex.attachmentDir())) {
            return files.filter(f -> f.getFileName().toString().startsWith("delivery-")).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitState(String exchangeId, String state) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(hub.exchange(exchangeId).path("state").asText())
                .isEqualTo(state));
    }

    private List<String> steps(String exchangeId) {
        return hub.exchange(exchangeId).path("timeline").findValuesAsText("step");
    }
}
