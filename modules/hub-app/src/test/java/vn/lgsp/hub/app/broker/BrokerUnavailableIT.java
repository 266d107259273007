package vn.lgsp.hub.app.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lgsp.hub.app.flow.dossier.DossierAcceptService;
import vn.lgsp.hub.app.support.Events;
import vn.lgsp.hub.app.support.HubClient;
import vn.lgsp.hub.app.support.HubInstance;
import vn.lgsp.hub.audit.ExchangeLog;

/** With the broker gone, a caller gets 503 and nothing is recorded: no event is half-accepted. */
class BrokerUnavailableIT {

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
}
