package vn.lgsp.hub.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.lgsp.hub.app.support.Events;
import vn.lgsp.hub.app.support.HubClient;
import vn.lgsp.hub.app.support.HubIntegrationTest;

/**
 * {@code GET /api/v1/ops/audit/verify}: the exchange log's hash chain as the running hub builds it, and a row changed
 * behind the hub's back. The test tampers only with an event of its own and puts it back, because the hub (and its
 * database) is shared by every integration test.
 */
class AuditVerifyIT extends HubIntegrationTest {

    private static final String VERIFY = "/api/v1/ops/audit/verify";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void onlyOperatorsMayVerify() {
        assertThat(hub.get(VERIFY, null).status()).isEqualTo(401);
        assertThat(hub.get(VERIFY, "wrong-key").status()).isEqualTo(401);
        assertThat(hub.get(VERIFY, HubClient.DEMO_KEY).status()).isEqualTo(403);
        assertThat(hub.get(VERIFY, "reader-key").status()).isEqualTo(403);
    }

    @Test
    void trafficIsSealedAndVerifiesAndATamperedRowIsReported() {
        HubClient.Reply accepted = hub.postEvent(Events.event(Events.newDossierCode(), 2, 0));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String exchangeId = accepted.json().path("exchangeId").asText();
        await().atMost(WAIT).untilAsserted(() -> assertThat(hub.state(exchangeId)).isEqualTo("DELIVERED"));
        // the sealer runs every hub.audit.chain.interval (2s): wait until this exchange's whole timeline is chained
        await().atMost(WAIT).untilAsserted(() -> assertThat(jdbc.queryForObject("SELECT count(*) FROM exchange_event"
                + " WHERE exchange_id = ? AND chain_seq IS NULL", Long.class, exchangeId)).isZero());
        long events = jdbc.queryForObject("SELECT count(*) FROM exchange_event WHERE exchange_id = ?", Long.class,
                exchangeId);
        assertThat(events).isGreaterThanOrEqualTo(2);

        JsonNode ok = verify();
        assertThat(ok.path("ok").asBoolean()).as(ok.toString()).isTrue();
        assertThat(ok.path("verified").asLong()).isGreaterThanOrEqualTo(events);
        assertThat(ok.path("headSeq").asLong()).isGreaterThanOrEqualTo(events);
        assertThat(ok.path("headHash").asText()).hasSize(64);

        long eventId = jdbc.queryForObject("SELECT id FROM exchange_event WHERE exchange_id = ? ORDER BY chain_seq"
                + " FETCH FIRST 1 ROWS ONLY", Long.class, exchangeId);
        long chainSeq = jdbc.queryForObject("SELECT chain_seq FROM exchange_event WHERE id = ?", Long.class, eventId);
        String original = jdbc.queryForObject("SELECT detail FROM exchange_event WHERE id = ?", String.class, eventId);
        try {
            jdbc.update("UPDATE exchange_event SET detail = ? WHERE id = ?", "nothing to see here", eventId);

            JsonNode broken = verify();
            assertThat(broken.path("ok").asBoolean()).as(broken.toString()).isFalse();
            JsonNode first = broken.path("firstBroken");
            assertThat(first.path("chainSeq").asLong()).isEqualTo(chainSeq);
            assertThat(first.path("eventId").asLong()).isEqualTo(eventId);
            assertThat(first.path("exchangeId").asText()).isEqualTo(exchangeId);
            assertThat(first.path("code").asText()).isEqualTo("content_changed");
            assertThat(broken.path("verified").asLong()).isEqualTo(chainSeq - 1 - broken.path("purged").asLong());
        } finally {
            jdbc.update("UPDATE exchange_event SET detail = ? WHERE id = ?", original, eventId);
        }
        JsonNode restored = verify();
        assertThat(restored.path("ok").asBoolean()).as(restored.toString()).isTrue();
    }

    private JsonNode verify() {
        HubClient.Reply r = hub.get(VERIFY, HubClient.OPERATOR_KEY);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }
}
