package vn.lgsp.hub.app.flow.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.lgsp.hub.app.support.Events;
import vn.lgsp.hub.app.support.HubClient;
import vn.lgsp.hub.app.support.HubInstance;
import vn.lgsp.hub.simulators.portal.PortalSimulator;

/**
 * The hub with the {@code postgres} profile on the real PostgreSQL at 127.0.0.1:5432, in a schema of its own:
 * Flyway migrates it, events are accepted, deduplicated and delivered, and the exchange log is in PostgreSQL.
 * Skipped when PostgreSQL is absent, unless {@code hub.test.postgres.required} is true (as in CI): then it fails.
 */
class PostgresProfileIT {

    private static final String URL = System.getProperty("hub.test.postgres.url",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getProperty("hub.test.postgres.user", "postgres");
    private static final String SCHEMA = "hub_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static final PortalSimulator PORTAL = new PortalSimulator(0);

    @AfterAll
    static void cleanUp() throws SQLException {
        PORTAL.stop();
        if (reachable()) {
            try (Connection c = DriverManager.getConnection(URL, USER, "")) {
                c.createStatement().execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
        }
    }

    private static boolean reachable() {
        try (Connection c = DriverManager.getConnection(URL, USER, "")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Test
    void theHubRunsOnPostgresql(@TempDir Path data) {
        if (!reachable()) {
            if (Boolean.getBoolean("hub.test.postgres.required")) {
                fail("PostgreSQL is not reachable at " + URL + " and hub.test.postgres.required=true");
            }
            Assumptions.abort("PostgreSQL is not reachable at " + URL);
        }
        PORTAL.start();
        try (HubInstance hub = HubInstance.start(data, PORTAL.baseUrl(), "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + URL + "?currentSchema=" + SCHEMA,
                "--spring.datasource.username=" + USER, "--spring.flyway.schemas=" + SCHEMA)) {
            HubClient client = hub.client();
            String code = Events.newDossierCode();
            String body = Events.event(code, 2, 0);
            String id = client.postEvent(body).json().path("exchangeId").asText();
            assertThat(client.postEvent(body).json().path("exchangeId").asText()).isEqualTo(id);
            String next = client.postEvent(Events.event(code, 4, 5)).json().path("exchangeId").asText();
            await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(client.state(next)));
            assertThat(client.state(id)).isEqualTo("DELIVERED");
            assertThat(PORTAL.received()).hasSize(2);

            JdbcTemplate jdbc = hub.bean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT current_schema()", String.class)).isEqualTo(SCHEMA);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM exchange WHERE subject_key = ?", Integer.class, code))
                    .isEqualTo(2);
            assertThat(jdbc.queryForObject("SELECT subject_masked FROM exchange WHERE id = ?", String.class, id))
                    .isEqualTo("038*****3456");
            assertThat(jdbc.queryForObject("SELECT delivered_sequence FROM subject_ledger WHERE subject_key = ?",
                    Long.class, code)).isEqualTo(2L);
        }
    }
}
