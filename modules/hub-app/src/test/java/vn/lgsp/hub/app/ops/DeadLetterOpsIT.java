package vn.lgsp.hub.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.app.support.Events;
import vn.lgsp.hub.app.support.HubClient;
import vn.lgsp.hub.simulators.portal.ReceivedCall;

/**
 * Dead letters for operators: the list, the replay of a selection (per-dossier order kept: held events follow the
 * replayed one), the discard with a mandatory reason, and the operator's id and reason in each exchange's timeline.
 */
class DeadLetterOpsIT extends OpsIntegrationTest {


    private List<Integer> statusesReceived(String dossierCode) {
        return PORTAL.received().stream().filter(c -> dossierCode.equals(c.dossierCode()))
                .map(ReceivedCall::status).toList();
    }

    private HubClient.Reply replay(String body) {
        return ops().post("/api/v1/ops/dead-letters/replay", body);
    }

    private static Map<String, JsonNode> byId(JsonNode report) {
        return StreamSupport.stream(report.path("results").spliterator(), false)
                .collect(Collectors.toMap(r -> r.path("exchangeId").asText(), r -> r));
    }

    private static List<JsonNode> steps(JsonNode exchange, String step) {
        return StreamSupport.stream(exchange.path("timeline").spliterator(), false)
                .filter(s -> step.equals(s.path("step").asText())).toList();
    }

    @Test
    void theListShowsDeadLettersOnlyAndTakesTheSearchFilters() {
        String x = Events.newDossierCode();
        String x1 = deadLettered(x, 2, 0);
        String x2 = accept(Events.event(x, 4, 10));
        awaitState(x2, "HELD");

        HubClient.Reply list = ops().get("/api/v1/ops/dead-letters?dossierCode=" + x);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(ids(list.json())).containsExactly(x1);
        JsonNode row = list.json().path("items").get(0);
        assertThat(row.path("state").asText()).isEqualTo("FAILED");
        assertThat(row.path("lastErrorCode").asText()).isEqualTo("portal.rejected");
        assertThat(list.body()).doesNotContain("038095123456", "Nguyễn Văn An");

        assertThat(ids(ops().get("/api/v1/ops/dead-letters?flow=dossier-sync&client=demo&dossierCode=" + x).json()))
                .containsExactly(x1);
        assertThat(ids(ops().get("/api/v1/ops/dead-letters?flow=online-intake&dossierCode=" + x).json()))
                .isEmpty();
        // newest first across dossiers, and paged
        HubClient.Reply page = ops().get("/api/v1/ops/dead-letters?limit=1");
        assertThat(page.json().path("items")).hasSize(1);

        HubClient.Reply identity = ops().get("/api/v1/ops/dead-letters?flow=citizen-identity");
        assertThat(identity.status()).isEqualTo(400);
        assertThat(identity.code()).isEqualTo("request.invalid_field");
        HubClient.Reply state = ops().get("/api/v1/ops/dead-letters?state=HELD");
        assertThat(state.status()).isEqualTo(400);
        assertThat(state.json().path("errors").get(0).path("field").asText()).isEqualTo("state");
        assertThat(hub.get("/api/v1/ops/dead-letters", HubClient.DEMO_KEY).status()).isEqualTo(403);

        replay("{\"ids\":[\"" + x1 + "\"]}");
        awaitState(x2, "DELIVERED");
    }

    @Test
    void aSelectionIsReplayedOldestFirstPerDossierAndTheHeldEventsFollowInOrder() {
        String y = Events.newDossierCode();
        String z = Events.newDossierCode();
        String y1 = deadLettered(y, 2, 0);
        String y2 = accept(Events.event(y, 4, 10));
        String y3 = accept(Events.event(y, 9, 20));
        awaitState(y3, "HELD");
        awaitState(y2, "HELD");
        String z1 = deadLettered(z, 2, 0);
        String delivered = accept(Events.event(Events.newDossierCode(), 2, 0));
        awaitState(delivered, "DELIVERED");
        assertThat(statusesReceived(y)).isEmpty();

        // the later event first in the request: the selection is still replayed in the dossier's order
        HubClient.Reply r = replay("{\"ids\":[\"" + y3 + "\",\"" + y1 + "\",\"" + z1 + "\",\"" + y1
                + "\",\"00000000-0000-0000-0000-000000000000\",\"" + delivered + "\"],"
                + "\"reason\":\"portal fixed its validation\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode report = r.json();
        assertThat(report.path("replayed").asInt()).isEqualTo(2);
        assertThat(report.path("refused").asInt()).isEqualTo(2);
        // one result per distinct id, in the order asked
        assertThat(StreamSupport.stream(report.path("results").spliterator(), false)
                .map(x -> x.path("exchangeId").asText()))
                .containsExactly(y3, y1, z1, "00000000-0000-0000-0000-000000000000", delivered);
        Map<String, JsonNode> results = byId(report);
        assertThat(results.get(y1).path("outcome").asText()).isEqualTo("REPLAYED");
        assertThat(results.get(z1).path("outcome").asText()).isEqualTo("REPLAYED");
        assertThat(results.get(y3).path("outcome").asText()).isEqualTo("WAITING");
        assertThat(results.get(y3).path("blockedBy").asText()).isEqualTo(y1);
        assertThat(results.get("00000000-0000-0000-0000-000000000000").path("code").asText())
                .isEqualTo("exchange.not_found");
        assertThat(results.get(delivered).path("outcome").asText()).isEqualTo("REFUSED");
        assertThat(results.get(delivered).path("code").asText()).isEqualTo("exchange.not_replayable");

        awaitState(y3, "DELIVERED");
        awaitState(z1, "DELIVERED");
        assertThat(state(y2)).isEqualTo("DELIVERED");
        assertThat(statusesReceived(y)).containsExactly(2, 4, 9);

        // the operator and the reason are in the replayed exchange's timeline
        JsonNode y1View = ops().get("/api/v1/ops/exchanges/" + y1).json();
        assertThat(steps(y1View, "REPLAYED")).singleElement().satisfies(s -> assertThat(s.path("detail").asText())
                .isEqualTo("replayed by operator demo-operator: portal fixed its validation"));
        assertThat(steps(y1View, "DELIVERED")).hasSize(1);
        // the held one was not replayed itself: released when its predecessor was delivered
        JsonNode y3View = exchange(y3);
        assertThat(steps(y3View, "REPLAYED")).isEmpty();
        assertThat(steps(y3View, "RELEASED")).isNotEmpty();
    }

    @Test
    void aLaterEventOfABlockedDossierIsNotReplayedOnItsOwnTheBlockerIsNamed() {
        String w = Events.newDossierCode();
        String w1 = deadLettered(w, 2, 0);
        String w2 = accept(Events.event(w, 4, 10));
        awaitState(w2, "HELD");

        HubClient.Reply single = ops().post("/api/v1/ops/dead-letters/" + w2 + "/replay",
                "{}");
        assertThat(single.status()).isEqualTo(409);
        assertThat(single.code()).isEqualTo("exchange.not_replayable");
        assertThat(single.json().path("detail").asText()).contains(w1);

        JsonNode alone = replay("{\"ids\":[\"" + w2 + "\"]}").json();
        assertThat(alone.path("replayed").asInt()).isZero();
        assertThat(byId(alone).get(w2).path("outcome").asText()).isEqualTo("HELD");
        assertThat(byId(alone).get(w2).path("blockedBy").asText()).isEqualTo(w1);
        assertThat(state(w2)).isEqualTo("HELD");
        assertThat(state(w1)).isEqualTo("FAILED");
        assertThat(statusesReceived(w)).isEmpty();

        // a discard needs a reason, then lets the later event through; both leave the operator in the timeline
        HubClient.Reply noBody = ops().post("/api/v1/ops/dead-letters/" + w1 + "/discard",
                "{}");
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(noBody.code()).isEqualTo("request.missing_field");
        HubClient.Reply blank = ops().post("/api/v1/ops/dead-letters/" + w1 + "/discard",
                "{\"reason\":\"   \"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.code()).isEqualTo("request.missing_field");
        assertThat(blank.json().path("errors").get(0).path("field").asText()).isEqualTo("reason");
        HubClient.Reply notText = ops().post("/api/v1/ops/dead-letters/" + w1 + "/discard",
                "{\"reason\":{\"a\":1}}");
        assertThat(notText.status()).isEqualTo(400);
        assertThat(notText.code()).isEqualTo("request.invalid_field");
        assertThat(state(w1)).isEqualTo("FAILED");

        HubClient.Reply discard = ops().post("/api/v1/ops/dead-letters/" + w1 + "/discard",
                "{\"reason\":\"duplicate of dossier resent under a new code\"}");
        assertThat(discard.status()).as(discard.body()).isEqualTo(200);
        awaitState(w2, "DELIVERED");
        assertThat(statusesReceived(w)).containsExactly(4);
        JsonNode w1View = ops().get("/api/v1/ops/exchanges/" + w1).json();
        assertThat(w1View.path("state").asText()).isEqualTo("DISCARDED");
        assertThat(steps(w1View, "DISCARDED")).singleElement().satisfies(s -> assertThat(s.path("detail").asText())
                .isEqualTo("discarded by operator demo-operator: duplicate of dossier resent under a new code"));
    }

    @Test
    void aSelectionMustNameOneToAHundredExchangeIds() {
        HubClient.Reply none = replay("{}");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.code()).isEqualTo("request.missing_field");
        assertThat(replay("{\"ids\":[]}").code()).isEqualTo("request.missing_field");
        assertThat(replay("{\"ids\":\"abc\"}").code()).isEqualTo("request.invalid_field");
        HubClient.Reply bad = replay("{\"ids\":[\"ok-id\", 7, \"bad id\"]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors")).extracting(e -> e.path("field").asText())
                .containsExactly("ids[1]", "ids[2]");
        String tooMany = IntStream.range(0, 101).mapToObj(i -> "\"id-" + i + "\"")
                .collect(Collectors.joining(",", "{\"ids\":[", "]}"));
        HubClient.Reply many = replay(tooMany);
        assertThat(many.status()).isEqualTo(400);
        assertThat(many.code()).isEqualTo("request.invalid_field");
        assertThat(many.json().path("detail").asText()).contains("at most 100");
        assertThat(replay("not json").code()).isEqualTo("request.malformed_json");
        assertThat(hub.post("/api/v1/ops/dead-letters/replay", HubClient.DEMO_KEY, JSON, "{\"ids\":[\"a\"]}")
                .status()).isEqualTo(403);
    }
}
