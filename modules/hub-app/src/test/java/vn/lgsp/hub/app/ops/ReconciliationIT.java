package vn.lgsp.hub.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.app.support.Events;
import vn.lgsp.hub.app.support.HubClient;
import vn.lgsp.hub.audit.NewExchange;

/**
 * The day's reconciliation of the dossier status sync after mixed traffic (delivered, dead-lettered, held behind a
 * dead letter, discarded, still on its way), and the re-send of what is missing. The hub's database is shared with
 * the other integration tests of the run, so numbers are compared before and after this test's own traffic.
 */
class ReconciliationIT extends OpsIntegrationTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private JsonNode report(LocalDate date, String extra) {
        HubClient.Reply r = ops().get("/api/v1/ops/reconciliation?date=" + date + extra);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** Every missing exchange of the day, id → state, following the pages. */
    private Map<String, String> missing(LocalDate date) {
        List<JsonNode> rows = new ArrayList<>();
        String cursor = "";
        while (true) {
            JsonNode page = report(date, "&limit=500" + cursor).path("missingExchanges");
            page.path("items").forEach(rows::add);
            if (!page.hasNonNull("next")) {
                break;
            }
            cursor = "&cursor=" + URLEncoder.encode(page.path("next").asText(), StandardCharsets.UTF_8);
        }
        return rows.stream().collect(Collectors.toMap(x -> x.path("exchangeId").asText(),
                x -> x.path("state").asText()));
    }

    private static long delta(JsonNode after, JsonNode before, String field) {
        return after.path(field).asLong() - before.path(field).asLong();
    }

    @Test
    void theDayIsCountedAcceptedAgainstDeliveredAndWhatIsMissingIsListedThenResent() {
        LocalDate today = LocalDate.now(ZONE);
        JsonNode before = report(today, "");
        assertThat(before.path("flow").asText()).isEqualTo("dossier-sync");
        assertThat(before.path("zone").asText()).isEqualTo("Asia/Ho_Chi_Minh");
        Instant started = Instant.now();

        // delivered
        String d = Events.newDossierCode();
        String d1 = accept(Events.event(d, 2, 0));
        String d2 = accept(Events.event(d, 4, 10));
        awaitState(d2, "DELIVERED");
        awaitState(d1, "DELIVERED");
        // dead-lettered, with a later event held behind it
        String f = Events.newDossierCode();
        String f1 = deadLettered(f, 2, 0);
        String f2 = accept(Events.event(f, 4, 10));
        awaitState(f2, "HELD");
        // dead-lettered, then discarded by an operator
        String x = Events.newDossierCode();
        String x1 = deadLettered(x, 2, 0);
        assertThat(ops().post("/api/v1/ops/dead-letters/" + x1 + "/discard",
                "{\"reason\":\"entered twice at the one-stop-shop\"}").status()).isEqualTo(200);
        // on its way: recorded as accepted, its delivery not done yet (here: never started, so it stays so)
        String t = Events.newDossierCode();
        String t1 = exchangeLog.create(new NewExchange("dossier-sync", "DongBoHoSoMC", "demo", null,
                "reconciliation-it-" + UUID.randomUUID(), t, 1L, null, null, null)).id();

        LocalDate end = LocalDate.now(ZONE);
        Assumptions.assumeTrue(end.equals(today) && LocalDate.ofInstant(started, ZONE).equals(today),
                "the test ran across midnight in " + ZONE + "; its traffic is split over two days");

        JsonNode after = report(today, "");
        assertThat(delta(after, before, "accepted")).isEqualTo(6);
        assertThat(delta(after, before, "delivered")).isEqualTo(2);
        assertThat(delta(after, before, "discarded")).isEqualTo(1);
        assertThat(delta(after, before, "missing")).isEqualTo(3);
        assertThat(delta(after, before, "deadLettered")).isEqualTo(1);
        assertThat(delta(after, before, "held")).isEqualTo(1);
        assertThat(delta(after, before, "inTransit")).isEqualTo(1);
        assertThat(after.path("missing").asLong()).isEqualTo(after.path("inTransit").asLong()
                + after.path("held").asLong() + after.path("deadLettered").asLong());
        assertThat(after.path("accepted").asLong()).isEqualTo(after.path("delivered").asLong()
                + after.path("discarded").asLong() + after.path("missing").asLong());
        assertThat(after.path("missingByState").path("FAILED").asLong())
                .isEqualTo(after.path("deadLettered").asLong());

        Map<String, String> missing = missing(today);
        assertThat(missing).containsEntry(f1, "FAILED").containsEntry(f2, "HELD").containsEntry(t1, "ACCEPTED")
                .doesNotContainKeys(d1, d2, x1);
        assertThat(report(today, "").toString()).doesNotContain("038095123456", "Nguyễn Văn An");

        // re-send by ids: one on its way is reported, not sent again
        HubClient.Reply transit = ops().post("/api/v1/ops/reconciliation/resend",
                "{\"ids\":[\"" + t1 + "\"]}");
        assertThat(transit.status()).as(transit.body()).isEqualTo(200);
        assertThat(transit.json().path("replayed").asInt()).isZero();
        assertThat(transit.json().path("inTransit").asInt()).isEqualTo(1);
        assertThat(transit.json().path("results").get(0).path("outcome").asText()).isEqualTo("IN_TRANSIT");
        assertThat(exchange(t1).path("timeline")).hasSize(1);

        // re-send the day: the dead letter is replayed, the event held behind it follows, in order
        HubClient.Reply resend = ops().post("/api/v1/ops/reconciliation/resend",
                "{\"date\":\"" + today + "\",\"flow\":\"dossier-sync\",\"reason\":\"daily check\"}");
        assertThat(resend.status()).as(resend.body()).isEqualTo(200);
        JsonNode done = resend.json();
        assertThat(done.path("inTransit").asLong()).isGreaterThanOrEqualTo(1);
        Map<String, JsonNode> results = StreamSupport.stream(done.path("results").spliterator(), false)
                .collect(Collectors.toMap(r -> r.path("exchangeId").asText(), r -> r));
        assertThat(results.get(f1).path("outcome").asText()).isEqualTo("REPLAYED");
        assertThat(results.get(f2).path("outcome").asText()).isEqualTo("WAITING");
        assertThat(results).doesNotContainKeys(t1, d1, x1);
        awaitState(f2, "DELIVERED");
        assertThat(state(f1)).isEqualTo("DELIVERED");
        assertThat(PORTAL.received().stream().filter(c -> f.equals(c.dossierCode())).map(c -> c.status()))
                .containsExactly(2, 4);
        assertThat(exchange(f1).path("timeline").toString())
                .contains("replayed by operator demo-operator: reconciliation re-send of dossier-sync " + today
                        + ": daily check");

        JsonNode settled = report(today, "");
        assertThat(delta(settled, before, "delivered")).isEqualTo(4);
        assertThat(missing(today)).doesNotContainKeys(f1, f2).containsKey(t1);
    }

    @Test
    void badParametersAreRefusedAndOnlyOperatorsMayReconcile() {
        HubClient.Reply date = ops().get("/api/v1/ops/reconciliation?date=2026-13-01");
        assertThat(date.status()).isEqualTo(400);
        assertThat(date.code()).isEqualTo("request.invalid_field");
        assertThat(date.json().path("detail").asText()).contains("YYYY-MM-DD");
        HubClient.Reply flow = ops().get("/api/v1/ops/reconciliation?flow=citizen-identity");
        assertThat(flow.status()).isEqualTo(400);
        assertThat(flow.json().path("errors").get(0).path("field").asText()).isEqualTo("flow");
        HubClient.Reply both = ops().get("/api/v1/ops/reconciliation?date=x&state=FAILED");
        assertThat(both.json().path("errors")).hasSize(2);
        // the default day is today, the default flow the dossier status sync; other delivery flows may be named
        JsonNode today = ops().get("/api/v1/ops/reconciliation").json();
        assertThat(today.path("date").asText()).isEqualTo(LocalDate.now(ZONE).toString());
        assertThat(today.path("flow").asText()).isEqualTo("dossier-sync");
        assertThat(ops().get("/api/v1/ops/reconciliation?flow=online-intake").status())
                .isEqualTo(200);

        HubClient.Reply noDate = ops().post("/api/v1/ops/reconciliation/resend", "{}");
        assertThat(noDate.status()).isEqualTo(400);
        assertThat(noDate.code()).isEqualTo("request.missing_field");
        assertThat(ops().post("/api/v1/ops/reconciliation/resend",
                "{\"date\":\"2026-11-20\",\"flow\":\"nope\"}").code()).isEqualTo("request.invalid_field");
        assertThat(ops().post("/api/v1/ops/reconciliation/resend",
                "{\"date\":\"2026-11-20\",\"ids\":[\"a\"]}").code()).isEqualTo("request.invalid_field");
        // a day without dead letters: nothing to do
        JsonNode quiet = ops().post("/api/v1/ops/reconciliation/resend",
                "{\"date\":\"2001-01-01\"}").json();
        assertThat(quiet.path("replayed").asInt()).isZero();
        assertThat(quiet.path("results")).isEmpty();

        assertThat(hub.get("/api/v1/ops/reconciliation", HubClient.DEMO_KEY).status()).isEqualTo(403);
        assertThat(hub.post("/api/v1/ops/reconciliation/resend", HubClient.DEMO_KEY, JSON,
                "{\"date\":\"2026-11-20\"}").status()).isEqualTo(403);
    }
}
