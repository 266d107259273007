package vn.lgsp.hub.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import vn.lgsp.hub.app.support.Events;
import vn.lgsp.hub.app.support.HubClient;
import vn.lgsp.hub.app.support.HubIntegrationTest;

/** What the operator endpoints' tests share: traffic sent as the demo client, and the operator who looks at it. */
abstract class OpsIntegrationTest extends HubIntegrationTest {

    protected static final Duration WAIT = Duration.ofSeconds(30);
    protected static final String JSON = "application/json";
    /** States in which an exchange may still call the portal. */
    private static final Set<String> UNDER_WAY = Set.of("ACCEPTED", "IN_PROGRESS", "RETRYING");

    /** What this test sent, so that none of it still reaches the portal when the next test runs. */
    private final List<String> sent = new ArrayList<>();

    /**
     * The portal simulator's rejections ({@link #deadLettered}) apply to whatever call reaches it next: a delivery this
     * test left under way would take the next test's rejection.
     */
    @AfterEach
    void letDeliveriesSettle() {
        await().atMost(WAIT).until(() -> sent.stream().noneMatch(id -> UNDER_WAY.contains(state(id))));
    }

    protected Operator ops() {
        return new Operator(hub);
    }

    /** The exchange as its client sees it, with its timeline. */
    protected JsonNode exchange(String id) {
        return hub.exchange(id);
    }

    protected String state(String id) {
        return exchange(id).path("state").asText();
    }

    /** Sends a dossier status event as the demo client; returns the id of the exchange it was accepted as. */
    protected String accept(String body) {
        HubClient.Reply r = hub.postEvent(body);
        assertThat(r.status()).as(r.body()).isEqualTo(202);
        String id = r.json().path("exchangeId").asText();
        sent.add(id);
        return id;
    }

    protected void awaitState(String id, String state) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(state(id)).isEqualTo(state));
    }

    /** An event the portal rejects, so that it is dead-lettered at once. */
    protected String deadLettered(String dossierCode, int status, int minute) {
        PORTAL.rejectNext(1);
        String id = accept(Events.event(dossierCode, status, minute));
        awaitState(id, "FAILED");
        return id;
    }

    /** The exchange ids of a page of exchanges, in its order. */
    protected static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .map(i -> i.path("exchangeId").asText()).toList();
    }
}
