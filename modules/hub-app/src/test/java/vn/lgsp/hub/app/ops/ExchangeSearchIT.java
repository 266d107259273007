package vn.lgsp.hub.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.lgsp.hub.app.support.EdxmlPackages;
import vn.lgsp.hub.app.support.Events;
import vn.lgsp.hub.app.support.HubClient;

/** {@code GET /api/v1/ops/exchanges}: each filter, paging, bad filters, and operators only. */
class ExchangeSearchIT extends OpsIntegrationTest {

    private static final String SEARCH = "/api/v1/ops/exchanges";

    private HubClient.Reply search(String query) {
        return ops().get(SEARCH + "?" + query);
    }

    private List<String> ids(String query) {
        HubClient.Reply r = search(query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return ids(r.json());
    }

    private static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    @Test
    void eachFilterNarrowsTheSearchAndResultsComeNewestFirst() {
        String a = Events.newDossierCode();
        String c = Events.newDossierCode();
        String a1 = accept(Events.event(a, 2, 0));
        awaitState(a1, "DELIVERED");
        String a2 = accept(Events.event(a, 4, 10));
        awaitState(a2, "DELIVERED");
        PORTAL.rejectNext(1);
        String c1 = accept(Events.event(c, 2, 0));
        awaitState(c1, "FAILED");

        assertThat(ids("dossierCode=" + a)).containsExactly(a2, a1);
        assertThat(ids("dossierCode=" + a + "&flow=dossier-sync")).containsExactly(a2, a1);
        assertThat(ids("dossierCode=" + a + "&flow=online-intake")).isEmpty();
        assertThat(ids("dossierCode=" + c + "&state=FAILED")).containsExactly(c1);
        assertThat(ids("dossierCode=" + c + "&state=DELIVERED")).isEmpty();
        // several states, repeated or comma-separated, any case
        assertThat(ids("dossierCode=" + a + "&state=failed,DELIVERED")).containsExactly(a2, a1);
        assertThat(ids("dossierCode=" + a + "&state=FAILED&state=HELD")).isEmpty();
        assertThat(ids("dossierCode=" + a + "&client=demo")).containsExactly(a2, a1);
        assertThat(ids("dossierCode=" + a + "&client=reader")).isEmpty();

        JsonNode first = ops().get("/api/v1/ops/exchanges/" + a1).json();
        JsonNode second = ops().get("/api/v1/ops/exchanges/" + a2).json();
        String at1 = first.path("acceptedAt").asText();
        String at2 = second.path("acceptedAt").asText();
        assertThat(ids("dossierCode=" + a + "&from=" + enc(at1) + "&to=" + enc(at2))).containsExactly(a1);
        assertThat(ids("dossierCode=" + a + "&from=" + enc(at2))).containsExactly(a2);
        assertThat(ids("dossierCode=" + a + "&to=" + enc(at1))).isEmpty();

        JsonNode row = search("dossierCode=" + c).json().path("items").get(0);
        assertThat(row.path("exchangeId").asText()).isEqualTo(c1);
        assertThat(row.path("flow").asText()).isEqualTo("dossier-sync");
        assertThat(row.path("clientId").asText()).isEqualTo("demo");
        assertThat(row.path("subject").asText()).isEqualTo(c);
        assertThat(row.path("state").asText()).isEqualTo("FAILED");
        assertThat(row.path("lastErrorCode").asText()).isEqualTo("portal.rejected");
        assertThat(row.has("timeline")).isFalse();
        // masked: the exchange log holds no name, no full personal ID, no payload
        assertThat(search("dossierCode=" + c).body()).doesNotContain("038095123456", "Nguyễn Văn An", "0912345678");
    }

    @Test
    void aDocumentIsFoundByItsDocumentIdWhateverTheRecipient() {
        String doc = EdxmlPackages.newDocumentId(OFFICE);
        HubClient.Reply sent = hub.post("/api/v1/documents", HubClient.DEMO_KEY, "application/xml",
                EdxmlPackages.letter(doc, OFFICE, INBOX_AGENCY, PUSH_AGENCY));
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        List<String> deliveries = new ArrayList<>();
        sent.json().path("deliveries").forEach(d -> deliveries.add(d.path("exchangeId").asText()));
        assertThat(deliveries).hasSize(2);

        assertThat(ids("documentId=" + enc(doc))).containsExactlyInAnyOrderElementsOf(deliveries);
        assertThat(ids("documentId=" + enc(doc) + "&flow=document-exchange")).hasSize(2);
        assertThat(ids("documentId=" + enc(doc) + "&flow=dossier-sync")).isEmpty();
        // the whole id, not a part of it, and '_' is no wildcard
        assertThat(ids("documentId=" + enc(doc.replace("/SXD", "_SXD")))).isEmpty();
    }

    @Test
    void pagesFollowOneAnotherWithACursorUntilThereIsNoNext() {
        String d = Events.newDossierCode();
        List<String> accepted = new ArrayList<>();
        accepted.add(accept(Events.event(d, 2, 0)));
        accepted.add(accept(Events.event(d, 4, 10)));
        accepted.add(accept(Events.event(d, 5, 20)));
        List<String> newestFirst = List.of(accepted.get(2), accepted.get(1), accepted.get(0));
        assertThat(ids("dossierCode=" + d)).containsExactlyElementsOf(newestFirst);

        List<String> paged = new ArrayList<>();
        String query = "dossierCode=" + d + "&limit=1";
        int pages = 0;
        while (true) {
            JsonNode page = search(query).json();
            pages++;
            assertThat(page.path("limit").asInt()).isEqualTo(1);
            paged.addAll(ids(page));
            if (!page.hasNonNull("next")) {
                break;
            }
            query = "dossierCode=" + d + "&limit=1&cursor=" + enc(page.path("next").asText());
        }
        assertThat(paged).containsExactlyElementsOf(newestFirst);
        assertThat(pages).isEqualTo(3);
        assertThat(search("dossierCode=" + d + "&limit=3").json().path("next").isNull()).isTrue();
        // the default page is 50
        assertThat(search("dossierCode=" + d).json().path("limit").asInt()).isEqualTo(50);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "state=LOST|state",
            "flow=no-such-flow|flow",
            "dossierCode=not-a-dossier|dossierCode",
            "documentId=just-one-part|documentId",
            "client=" + "bad%20client|client",
            "from=yesterday|from",
            "to=2026-11-20|to",
            "from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z|to",
            "limit=0|limit",
            "limit=501|limit",
            "limit=ten|limit",
            "cursor=not-a-cursor|cursor",
            "dossiercode=000.00.14.H56-261120-0001|dossiercode",
            "client=a&client=b|client"})
    void aBadFilterIsRefusedWithAStableCodeAndAMessageSayingWhatIsExpected(String query, String field) {
        HubClient.Reply r = search(query);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo("request.invalid_field");
        assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo(field);
        assertThat(r.json().path("detail").asText()).isNotBlank();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        HubClient.Reply r = search("state=LOST&limit=0&flow=nope");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("errors")).hasSize(3);
    }

    @Test
    void onlyOperatorsMaySearchAndReadAnyExchange() {
        String id = accept(Events.event(Events.newDossierCode(), 2, 0));
        assertThat(hub.get(SEARCH, HubClient.DEMO_KEY).status()).isEqualTo(403);
        assertThat(hub.get(SEARCH, "reader-key").status()).isEqualTo(403);
        assertThat(hub.get(SEARCH, null).status()).isEqualTo(401);
        assertThat(hub.get("/api/v1/ops/exchanges/" + id, HubClient.DEMO_KEY).status()).isEqualTo(403);
        // the refusals are security events, which the exchange log records (flow "security") and operators search
        await().atMost(WAIT).untilAsserted(() -> assertThat(search("flow=security&client=demo&state=FAILED").json()
                .path("items")).isNotEmpty());
    }

    @Test
    void oneExchangeComesWithItsWholeTimelineAndItsClient() {
        String id = accept(Events.event(Events.newDossierCode(), 2, 0));
        awaitState(id, "DELIVERED");
        HubClient.Reply r = ops().get("/api/v1/ops/exchanges/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode x = r.json();
        assertThat(x.path("exchangeId").asText()).isEqualTo(id);
        assertThat(x.path("clientId").asText()).isEqualTo("demo");
        assertThat(x.path("state").asText()).isEqualTo("DELIVERED");
        assertThat(StreamSupport.stream(x.path("timeline").spliterator(), false).map(s -> s.path("step").asText()))
                .containsSubsequence("ACCEPTED", "ATTEMPT", "DELIVERED");

        HubClient.Reply missing = ops().get("/api/v1/ops/exchanges/00000000-0000-0000-0000-000000000000");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.code()).isEqualTo("exchange.not_found");
    }
}
