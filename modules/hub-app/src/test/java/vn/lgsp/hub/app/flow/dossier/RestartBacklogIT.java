package vn.lgsp.hub.app.flow.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lgsp.hub.app.support.Events;
import vn.lgsp.hub.app.support.HubClient;
import vn.lgsp.hub.app.support.HubInstance;
import vn.lgsp.hub.simulators.portal.PortalFault;
import vn.lgsp.hub.simulators.portal.ReceivedCall;

/**
 * The hub stopped with a backlog (the portal was down: events accepted, some in retry) and started again over the
 * same journal and database: every event is delivered once, in order per dossier. The kill -9 version is in hub-it.
 */
class RestartBacklogIT {

    private static final vn.lgsp.hub.simulators.portal.PortalSimulator PORTAL =
            new vn.lgsp.hub.simulators.portal.PortalSimulator(0);

    static {
        PORTAL.start();
    }

    @AfterAll
    static void stopPortal() {
        PORTAL.stop();
    }

    @Test
    void aBacklogSurvivesARestartAndDrainsInOrder(@TempDir Path data) {
        List<String> dossiers = List.of(Events.newDossierCode(), Events.newDossierCode(), Events.newDossierCode(),
                Events.newDossierCode());
        int[] statuses = {2, 4, 4, 4, 4, 4, 4, 4, 9, 10};
        List<String> ids = new ArrayList<>();
        // the portal is down for the whole first life of the hub
        PORTAL.injectFault(PortalFault.HTTP_503, 100_000);
        try (HubInstance first = HubInstance.start(data, PORTAL.baseUrl())) {
            HubClient hub = first.client();
            for (int step = 0; step < statuses.length; step++) {
                for (String d : dossiers) {
                    HubClient.Reply r = hub.postEvent(Events.event(d, statuses[step], step * 10));
                    assertThat(r.status()).as(r.body()).isEqualTo(202);
                    ids.add(r.json().path("exchangeId").asText());
                }
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> PORTAL.callCount() >= 8);
            assertThat(PORTAL.received()).isEmpty();
        }
        PORTAL.reset();
        try (HubInstance second = HubInstance.start(data, PORTAL.baseUrl())) {
            HubClient hub = second.client();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(PORTAL.received()).hasSize(ids.size()));
            for (String id : ids) {
                assertThat(hub.state(id)).isEqualTo("DELIVERED");
            }
            for (String d : dossiers) {
                List<ReceivedCall> calls = PORTAL.received().stream().filter(c -> d.equals(c.dossierCode())).toList();
                assertThat(calls).extracting(ReceivedCall::status).containsExactly(2, 4, 4, 4, 4, 4, 4, 4, 9, 10);
                assertThat(calls.stream().filter(c -> c.service().equals("CapNhatTienDoHoSoMC"))
                        .map(c -> String.valueOf(c.item().get("ThoiDiemXuLy"))).toList()).hasSize(6).isSorted();
            }
            assertThat(PORTAL.received().stream().map(ReceivedCall::idempotencyKey).distinct()).hasSize(ids.size());
        }
    }
}
