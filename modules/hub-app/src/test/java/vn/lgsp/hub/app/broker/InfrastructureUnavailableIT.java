package vn.lgsp.hub.app.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.jms.ConnectionFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jms.core.JmsTemplate;
import vn.lgsp.hub.app.flow.dossier.DossierAcceptService;
import vn.lgsp.hub.app.support.Events;
import vn.lgsp.hub.app.support.HubClient;
import vn.lgsp.hub.app.support.HubInstance;
import vn.lgsp.hub.audit.ExchangeLog;

/** With the broker or the database gone, a caller gets 503 and nothing is half-accepted. */
class InfrastructureUnavailableIT {

    @Test
    void withoutTheBrokerTheCallerGets503AndNothingIsRecorded(@TempDir Path data) throws Exception {
        try (HubInstance hub = HubInstance.start(data, "http://127.0.0.1:9")) {
            HubClient client = hub.client();
            String code = Events.newDossierCode();
            hub.bean(EmbeddedActiveMQ.class).stop();

            HubClient.Reply r = client.postEvent(Events.event(code, 2, 0));
            assertThat(r.status()).as(r.body()).isEqualTo(503);
            assertThat(r.code()).isEqualTo("hub.broker_unavailable");
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(hub.bean(ExchangeLog.class).findBySubject(DossierAcceptService.FLOW, code, 0)).isEmpty();
        }
    }

    @Test
    void withoutTheDatabaseTheCallerGets503AndNothingIsQueued(@TempDir Path data) throws Exception {
        // the portal is unreachable and the consumer stopped, so anything queued would stay where the test sees it
        try (HubInstance hub = HubInstance.start(data, "http://127.0.0.1:9")) {
            HubClient client = hub.client();
            String code = Events.newDossierCode();
            hub.bean(org.apache.camel.CamelContext.class).getRouteController().stopRoute("dossier-deliver");
            // the database gone, as the hub sees it: no connection can be had
            hub.bean(HikariDataSource.class).close();

            HubClient.Reply r = client.postEvent(Events.event(code, 2, 0));
            assertThat(r.status()).as(r.body()).isEqualTo(503);
            assertThat(r.code()).isEqualTo("hub.store_unavailable");

            JmsTemplate jms = new JmsTemplate(hub.bean(ConnectionFactory.class));
            jms.setReceiveTimeout(500);
            assertThat(jms.receiveSelected(Queues.DOSSIER_EVENTS, "hubSubjectKey = '" + code + "'")).isNull();
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("exchange-log"), "sa", "");
                 ResultSet rs = c.createStatement().executeQuery(
                         "SELECT count(*) FROM exchange WHERE subject_key = '" + code + "'")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }
}
