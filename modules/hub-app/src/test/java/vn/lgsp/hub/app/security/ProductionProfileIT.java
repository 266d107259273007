package vn.lgsp.hub.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lgsp.hub.app.support.Events;
import vn.lgsp.hub.app.support.HubClient;
import vn.lgsp.hub.app.support.HubInstance;

/**
 * The production profile has no demo keys, and takes the portal's secrets, the broker and the database only from the
 * environment. These tests run it on the embedded broker and H2 (the overrides below); hub-it's {@code TwoHubsIT}
 * runs it for real, on an external Artemis and PostgreSQL.
 */
class ProductionProfileIT {

    /** The external broker and PostgreSQL of the profile, replaced by the embedded broker and H2 for this test. */
    private static final String[] LOCAL_BROKER_AND_DATABASE = {"--spring.artemis.mode=embedded",
            "--spring.artemis.embedded.enabled=true", "--HUB_BROKER_URL=tcp://127.0.0.1:9", "--HUB_BROKER_USER=hub",
            "--HUB_BROKER_PASSWORD=s3cret", "--HUB_DB_USER=sa"};

    @Test
    void theDemoKeysDoNotExistInProduction(@TempDir Path data) throws IOException {
        Path clients = Files.writeString(data.resolve("clients.yml"), """
                clients:
                  - id: onestop
                    api-key-sha256: [%s]
                    services: [dossier.events]
                """.formatted(ClientRegistry.sha256("onestop-key")));
        try (HubInstance hub = HubInstance.start(data, "http://127.0.0.1:9", with(LOCAL_BROKER_AND_DATABASE,
                "--spring.profiles.active=production", "--HUB_PORTAL_URL=http://127.0.0.1:9", "--HUB_PORTAL_USERNAME=hub", "--HUB_PORTAL_PASSWORD=s3cret",
                "--HUB_POPULATION_URL=http://127.0.0.1:9/ws/population", "--HUB_ONESTOP_URL=http://127.0.0.1:9",
                "--HUB_PORTAL_UNIT_CODE=000.00.00.H56", "--HUB_AXIS_URL=http://127.0.0.1:9",
                "--HUB_AXIS_SYSTEM_ID=lgsp-h56", "--HUB_AXIS_SECRET=s3cret",
                "--HUB_BUSINESS_URL=http://127.0.0.1:9", "--HUB_BUSINESS_API_KEY=s3cret",
                "--HUB_CLIENTS_FILE=" + clients.toUri()))) {
            HubClient client = hub.client();
            String body = Events.event(Events.newDossierCode(), 2, 0);
            assertThat(client.post("/api/v1/dossiers/events", HubClient.DEMO_KEY, "application/json", body).status())
                    .isEqualTo(401);
            assertThat(client.get("/actuator/prometheus", HubClient.OPERATOR_KEY).status()).isEqualTo(401);
            assertThat(client.post("/api/v1/dossiers/events", "onestop-key", "application/json", body).status())
                    .isEqualTo(202);
        }
    }

    @Test
    void withoutThePortalSecretTheHubDoesNotStart(@TempDir Path data) throws IOException {
        Path clients = Files.writeString(data.resolve("clients.yml"), "clients: []\n");
        assertThatThrownBy(() -> HubInstance.start(data, "http://127.0.0.1:9", with(LOCAL_BROKER_AND_DATABASE,
                "--spring.profiles.active=production", "--HUB_PORTAL_URL=http://127.0.0.1:9",
                "--HUB_PORTAL_USERNAME=hub", "--HUB_CLIENTS_FILE=" + clients.toUri())).close())
                .hasStackTraceContaining("hub.connector.portal.password");
    }

    @Test
    void withoutTheBrokerAndTheDatabaseFromTheEnvironmentTheHubDoesNotStart(@TempDir Path data) throws IOException {
        Path clients = Files.writeString(data.resolve("clients.yml"), "clients: []\n");
        // no HUB_BROKER_* and no HUB_DB_*: production has no default broker or database to fall back to (the
        // datasource URL that HubInstance passes is taken away again)
        assertThatThrownBy(() -> HubInstance.start(data, "http://127.0.0.1:9", "--spring.profiles.active=production",
                "--spring.datasource.url=${HUB_DB_URL}", "--HUB_PORTAL_URL=http://127.0.0.1:9",
                "--HUB_PORTAL_USERNAME=hub", "--HUB_PORTAL_PASSWORD=s3cret",
                "--HUB_POPULATION_URL=http://127.0.0.1:9/ws/population", "--HUB_ONESTOP_URL=http://127.0.0.1:9",
                "--HUB_PORTAL_UNIT_CODE=000.00.00.H56", "--HUB_AXIS_URL=http://127.0.0.1:9",
                "--HUB_AXIS_SYSTEM_ID=lgsp-h56", "--HUB_AXIS_SECRET=s3cret",
                "--HUB_BUSINESS_URL=http://127.0.0.1:9", "--HUB_BUSINESS_API_KEY=s3cret",
                "--HUB_CLIENTS_FILE=" + clients.toUri())
                .close())
                .hasStackTraceContaining("spring.artemis.broker-url").hasStackTraceContaining("spring.artemis.user")
                .hasStackTraceContaining("spring.artemis.password").hasStackTraceContaining("spring.datasource.url")
                .hasStackTraceContaining("spring.datasource.username");
    }

    private static String[] with(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
