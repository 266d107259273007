package vn.lgsp.hub.app.flow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.lgsp.hub.app.support.EdxmlPackages;
import vn.lgsp.hub.app.support.HubClient;
import vn.lgsp.hub.app.support.HubIntegrationTest;
import vn.lgsp.hub.simulators.StandardFault;
import vn.lgsp.hub.simulators.agency.PushedDocument;
import vn.lgsp.hub.simulators.axis.SentPackage;

/**
 * Flow 4 end to end: packages posted to the hub reach each recipient the way the agency directory says (push to the
 * agency simulator, the hub's inbox, or the axis simulator), statuses go back in order, and the axis is polled.
 */
class DocumentIT extends HubIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String XML = "application/xml";
    private static final String MINISTRY = "000.00.00.G06";
    private static final String OTHER_MINISTRY = "000.00.04.G18";

    @Autowired
    private DocumentAxisPoller poller;

    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void freshUpstreams() {
        AXIS.reset();
        AGENCIES.reset();
    }

    @Test
    void onePackageFansOutToEachRecipientTheWayItReceivesAndEachDeliveryIsTrackedOnItsOwn() {
        String doc = EdxmlPackages.newDocumentId(OFFICE);
        String letter = EdxmlPackages.letter(doc, OFFICE, PUSH_AGENCY, INBOX_AGENCY, MINISTRY, OTHER_MINISTRY);
        Map<String, String> ids = accepted(post("/api/v1/documents", HubClient.DEMO_KEY, letter));
        assertThat(ids).containsOnlyKeys(PUSH_AGENCY, INBOX_AGENCY, MINISTRY, OTHER_MINISTRY);
        ids.values().forEach(id -> awaitState(id, "DELIVERED"));

        assertThat(AGENCIES.received(PUSH_AGENCY)).singleElement().satisfies(p -> {
            assertThat(p.documentId()).isEqualTo(doc);
            assertThat(new String(p.body(), StandardCharsets.UTF_8)).contains("QCVN_102_2016", "cong-van.pdf");
        });
        // the axis delivers one send to every recipient the package names: the two ministries' deliveries are one send
        assertThat(sentFor(doc)).singleElement().satisfies(s -> {
            assertThat(s.to()).contains(MINISTRY, OTHER_MINISTRY);
            assertThat(s.from()).isEqualTo(OFFICE);
            assertThat(s.messagetype()).isEqualTo("edoc");
        });
        assertThat(inbox(INBOX_AGENCY, HubClient.DEMO_KEY)).extracting(e -> e.path("exchangeId").asText())
                .contains(ids.get(INBOX_AGENCY));

        // the same package again: the same three exchanges, nothing delivered twice
        HubClient.Reply again = post("/api/v1/documents", HubClient.DEMO_KEY, letter);
        assertThat(accepted(again)).isEqualTo(ids);
        assertThat(again.json().path("deliveries").findValuesAsText("duplicate")).containsOnly("true");
        assertThat(AGENCIES.received(PUSH_AGENCY)).hasSize(1);
        assertThat(sentFor(doc)).hasSize(1);
    }

    @Test
    void anAgencyFetchesFromItsOwnInboxAndItsAcknowledgementSendsArrivedBackToTheSender() {
        String doc = EdxmlPackages.newDocumentId(MINISTRY);
        String id = accepted(post("/api/v1/documents", HubClient.DEMO_KEY,
                EdxmlPackages.letter(doc, MINISTRY, INBOX_AGENCY))).get(INBOX_AGENCY);
        awaitState(id, "DELIVERED");

        assertThat(hub.get("/api/v1/documents/inbox/" + PUSH_AGENCY, "agency11-key").status())
                .as("another agency's inbox").isEqualTo(403);
        assertThat(inbox(INBOX_AGENCY, "agency11-key")).extracting(e -> e.path("documentId").asText()).contains(doc);
        HubClient.Reply fetched = hub.get("/api/v1/documents/inbox/" + INBOX_AGENCY + "/" + id, "agency11-key");
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body()).contains(doc, "cong-van.pdf", "ContentTransferEncoded");

        HubClient.Reply ack = hub.post("/api/v1/documents/inbox/" + INBOX_AGENCY + "/" + id + "/ack", "agency11-key",
                null, "");
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
        assertThat(inbox(INBOX_AGENCY, "agency11-key")).extracting(e -> e.path("exchangeId").asText())
                .doesNotContain(id);
        assertThat(hub.get("/api/v1/documents/inbox/" + INBOX_AGENCY + "/" + id, "agency11-key").status())
                .isEqualTo(404);
        // status 01 goes back to the ministry, through the axis
        await().atMost(WAIT).untilAsserted(() -> assertThat(sentFor(doc)).singleElement().satisfies(s -> {
            assertThat(s.messagetype()).isEqualTo("status");
            assertThat(s.statusCode()).isEqualTo("01");
            assertThat(s.from()).isEqualTo(INBOX_AGENCY);
        }));
        assertThat(steps(id)).contains("ACKNOWLEDGED");
    }

    @Test
    void statusesGoBackToTheSenderInOrderThroughAxisFaultsAndEachIsRecordedOnce() {
        String doc = EdxmlPackages.newDocumentId(MINISTRY);
        awaitState(accepted(post("/api/v1/documents", HubClient.DEMO_KEY,
                EdxmlPackages.letter(doc, MINISTRY, PUSH_AGENCY))).get(PUSH_AGENCY), "DELIVERED");
        List<String> ids = new ArrayList<>();
        for (String code : List.of("03", "04", "05", "06")) {
            if (code.equals("04")) {
                AXIS.injectFault(StandardFault.HTTP_503, 3);
            }
            ids.addAll(accepted(post("/api/v1/documents/status", HubClient.DEMO_KEY,
                    EdxmlPackages.status(code, PUSH_AGENCY, MINISTRY, doc, ids.size()))).values());
        }
        ids.forEach(id -> awaitState(id, "DELIVERED"));
        assertThat(sentFor(doc)).extracting(SentPackage::statusCode).containsExactly("03", "04", "05", "06");

        // the same status again, even stamped later, is the same exchange
        HubClient.Reply again = post("/api/v1/documents/status", HubClient.DEMO_KEY,
                EdxmlPackages.status("05", PUSH_AGENCY, MINISTRY, doc, 59));
        assertThat(accepted(again).values()).containsExactly(ids.get(2));
        // a status about a document the hub never carried to its sender
        HubClient.Reply unknown = post("/api/v1/documents/status", HubClient.DEMO_KEY,
                EdxmlPackages.status("03", PUSH_AGENCY, MINISTRY, EdxmlPackages.newDocumentId(MINISTRY), 0));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.code()).isEqualTo("document.unknown");
    }

    @Test
    void aRevocationFollowsTheDocumentToItsRecipientAndTheAnswerComesBack() {
        String doc = EdxmlPackages.newDocumentId(MINISTRY);
        String first = accepted(post("/api/v1/documents", HubClient.DEMO_KEY,
                EdxmlPackages.letter(doc, MINISTRY, PUSH_AGENCY))).get(PUSH_AGENCY);
        String revoke = accepted(post("/api/v1/documents", HubClient.DEMO_KEY,
                EdxmlPackages.letter(doc, 1, MINISTRY, PUSH_AGENCY))).get(PUSH_AGENCY);
        assertThat(revoke).isNotEqualTo(first);
        awaitState(revoke, "DELIVERED");
        assertThat(AGENCIES.received(PUSH_AGENCY).stream().filter(p -> doc.equals(p.documentId())).toList())
                .hasSize(2);
        assertThat(hub.exchange(revoke).path("operation").asText()).isEqualTo("EDOC_REVOKE");
        String answer = accepted(post("/api/v1/documents/status", HubClient.DEMO_KEY,
                EdxmlPackages.status("15", PUSH_AGENCY, MINISTRY, doc, 30))).get(MINISTRY);
        awaitState(answer, "DELIVERED");
        assertThat(sentFor(doc)).extracting(SentPackage::statusCode).containsExactly("15");
    }

    @Test
    void theAxisDownHoldsPackagesWhichGoOnceItIsBack() {
        AXIS.setDown(true);
        String doc = EdxmlPackages.newDocumentId(OFFICE);
        String id = accepted(post("/api/v1/documents", HubClient.DEMO_KEY,
                EdxmlPackages.letter(doc, OFFICE, MINISTRY))).get(MINISTRY);
        await().atMost(WAIT).until(() -> steps(id).contains("RETRY_SCHEDULED"));
        assertThat(sentFor(doc)).isEmpty();
        AXIS.setDown(false);
        awaitState(id, "DELIVERED");
        assertThat(sentFor(doc)).hasSize(1);
    }

    @Test
    void hostileOrBrokenPackagesAreRefusedWithNothingQueued() {
        String doc = EdxmlPackages.newDocumentId(OFFICE);
        String letter = EdxmlPackages.letter(doc, OFFICE, PUSH_AGENCY);
        Map<String, String> cases = Map.of(
                letter.substring(0, letter.length() / 2), "document.malformed_xml",
                "<?xml version=\"1.0\"?><!DOCTYPE edXML [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<edXML>&x;</edXML>", "document.forbidden_xml",
                "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
                        + "<lolz>&lol2;</lolz>", "document.forbidden_xml",
                EdxmlPackages.letterMissingAttachment(doc, OFFICE, PUSH_AGENCY), "document.missing_attachment",
                letter.replace("<edXML:Subject>", "<edXML:Nothing>").replace("</edXML:Subject>", "</edXML:Nothing>"),
                "document.invalid");
        cases.forEach((body, code) -> {
            HubClient.Reply r = post("/api/v1/documents", HubClient.DEMO_KEY, body);
            assertThat(r.status()).as(code).isBetween(400, 499);
            assertThat(r.code()).isEqualTo(code);
            assertThat(r.body()).doesNotContain("at vn.", "Exception");
        });
        HubClient.Reply huge = hub.post("/api/v1/documents", HubClient.DEMO_KEY, XML,
                () -> EdxmlPackages.large(200, doc, OFFICE, PUSH_AGENCY),
                EdxmlPackages.largeLength(200, doc, OFFICE, PUSH_AGENCY));
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.code()).isEqualTo("document.too_large");
        assertThat(post("/api/v1/documents/status", HubClient.DEMO_KEY, letter).code())
                .as("a document sent as a status").isEqualTo("document.invalid");

        assertThat(jdbc.queryForObject("SELECT count(*) FROM exchange WHERE flow = ? AND subject_key LIKE ?",
                Integer.class, DocumentAcceptService.FLOW, "%|" + doc)).isZero();
    }

    @Test
    void aClientSendsOnlyAsItsOwnAgenciesAndASenderThatMustSignMust() {
        String doc = EdxmlPackages.newDocumentId(OFFICE);
        HubClient.Reply notOurs = post("/api/v1/documents", "agency11-key",
                EdxmlPackages.letter(doc, OFFICE, PUSH_AGENCY));
        assertThat(notOurs.status()).isEqualTo(403);
        assertThat(notOurs.code()).isEqualTo("auth.forbidden");
        HubClient.Reply ours = post("/api/v1/documents", "agency11-key",
                EdxmlPackages.letter(EdxmlPackages.newDocumentId(INBOX_AGENCY), INBOX_AGENCY, PUSH_AGENCY));
        assertThat(ours.status()).isEqualTo(202);

        HubClient.Reply unsigned = post("/api/v1/documents", HubClient.DEMO_KEY,
                EdxmlPackages.letter(EdxmlPackages.newDocumentId(SIGNING_AGENCY), SIGNING_AGENCY, PUSH_AGENCY));
        assertThat(unsigned.status()).isEqualTo(422);
        assertThat(unsigned.code()).isEqualTo("document.signature_invalid");
    }

    @Test
    void packagesOnTheAxisForTheProvinceAreTakenOnceAcknowledgedAndDelivered() {
        String doc = EdxmlPackages.newDocumentId(MINISTRY);
        String docId = AXIS.deliverToProvince(PUSH_AGENCY, MINISTRY, "edoc",
                EdxmlPackages.letter(doc, MINISTRY, PUSH_AGENCY)).docId();
        String broken = AXIS.deliverToProvince(PUSH_AGENCY, MINISTRY, "edoc", EdxmlPackages.letter(
                EdxmlPackages.newDocumentId(MINISTRY), MINISTRY, PUSH_AGENCY).replace("edXML:Subject", "edXML:Nothing"))
                .docId();

        assertThat(poller.poll()).isEqualTo(2);
        await().atMost(WAIT).untilAsserted(() -> assertThat(AGENCIES.received(PUSH_AGENCY))
                .extracting(PushedDocument::documentId).contains(doc));
        assertThat(AXIS.acks()).extracting(a -> a.docId() + ":" + a.status())
                .contains(docId + ":done", broken + ":fail");
        assertThat(jdbc.queryForObject("SELECT last_error_code FROM exchange WHERE flow = ? AND subject_key = ?",
                String.class, DocumentAcceptService.FLOW, PUSH_AGENCY + "|" + broken))
                .isEqualTo("document.invalid");

        assertThat(poller.poll()).as("the watermark is past them").isZero();
        assertThat(AGENCIES.received(PUSH_AGENCY).stream().filter(p -> doc.equals(p.documentId()))).hasSize(1);
    }

    @Test
    void aLargePackageGoesThroughTheBrokerAndReachesItsRecipientWhole() {
        String doc = EdxmlPackages.newDocumentId(OFFICE);
        HubClient.Reply r = hub.post("/api/v1/documents", HubClient.DEMO_KEY, XML,
                () -> EdxmlPackages.large(20, doc, OFFICE, PUSH_AGENCY),
                EdxmlPackages.largeLength(20, doc, OFFICE, PUSH_AGENCY));
        String id = accepted(r).get(PUSH_AGENCY);
        awaitState(id, "DELIVERED");
        assertThat(AGENCIES.received(PUSH_AGENCY).stream().filter(p -> doc.equals(p.documentId())))
                .singleElement().satisfies(p -> assertThat(p.bytes()).isGreaterThan(20_000_000));
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private HubClient.Reply post(String path, String key, String xml) {
        return hub.post(path, key, XML, xml);
    }

    /** Recipient → exchange id, from a 202. */
    private static Map<String, String> accepted(HubClient.Reply r) {
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        List<JsonNode> deliveries = new ArrayList<>();
        r.json().path("deliveries").forEach(deliveries::add);
        return deliveries.stream().collect(Collectors.toMap(d -> d.path("recipient").asText(),
                d -> d.path("exchangeId").asText(), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    private List<JsonNode> inbox(String agency, String key) {
        HubClient.Reply r = hub.get("/api/v1/documents/inbox/" + agency, key);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> waiting = new ArrayList<>();
        r.json().path("waiting").forEach(waiting::add);
        return waiting;
    }

    private static List<SentPackage> sentFor(String documentId) {
        return AXIS.sent().stream().filter(s -> documentId.equals(s.documentId())
                || documentId.equals(s.responseFor())).toList();
    }

    private void awaitState(String exchangeId, String state) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(hub.exchange(exchangeId).path("state").asText())
                .isEqualTo(state));
    }

    private List<String> steps(String exchangeId) {
        return hub.exchange(exchangeId).path("timeline").findValuesAsText("step");
    }
}
