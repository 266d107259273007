package vn.lgsp.hub.it.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.it.EventFactory;
import vn.lgsp.hub.it.EventFactory.Event;
import vn.lgsp.hub.simulators.portal.ReceivedCall;

/** The two things benchmark 2's figures rest on: the order of each dossier's events, and how arrivals are matched. */
class DossierE2EScheduleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachDossierGoesThroughItsLifecycleInOrderOneGapApart() {
        DossierE2EBench.Lifecycles lifecycles = new DossierE2EBench.Lifecycles(3);
        int slots = 50;
        List<Event> events = lifecycles.schedule(1_000, slots);

        Map<String, Integer> lastIndex = new HashMap<>();
        Map<String, Integer> lastPosition = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            Integer before = lastIndex.put(e.dossierCode(), e.index());
            Integer at = lastPosition.put(e.dossierCode(), i);
            if (before == null) {
                assertThat(e.index()).as("first event of %s", e.dossierCode()).isZero();
                assertThat(e.status()).isEqualTo(2);
            } else {
                assertThat(e.index()).as("event after %s#%d", e.dossierCode(), before).isEqualTo(before + 1);
                assertThat(i - at).as("events of one dossier are one round of the slots apart").isEqualTo(slots);
            }
        }
        // 2, 4 (status change), 4, 4, 9, 10
        assertThat(events.stream().filter(e -> e.dossierCode().equals(events.get(0).dossierCode()))
                .map(Event::status)).containsExactly(2, 4, 4, 4, 9, 10);
        assertThat(lastIndex).hasSize(slots * (1_000 / (slots * 6) + 1));
    }

    @Test
    void aLaterScheduleNeverReusesADossier() {
        DossierE2EBench.Lifecycles lifecycles = new DossierE2EBench.Lifecycles(3);
        Set<String> first = new HashSet<>();
        lifecycles.schedule(700, 40).forEach(e -> first.add(e.dossierCode()));

        assertThat(lifecycles.schedule(700, 40)).noneMatch(e -> first.contains(e.dossierCode()));
    }

    @Test
    void theStubKeysAnArrivalAsTheSimulatorIdentifiesTheEvent() throws Exception {
        Map<String, Object> progress = item("MaHoSo", "000.00.14.H56-261122-0001", "TrangThai", 4,
                "ThoiDiemXuLy", "20261122103000");
        Map<String, Object> result = item("MaHoSo", "000.00.14.H56-261122-0001", "TrangThaiHoSo", "10",
                "NgayTiepNhan", "20261120080000", "NgayTra", "20261122110000");
        Map<String, Object> processing = item("MaHoSo", "000.00.14.H56-261122-0001", "TrangThaiHoSo", 4);

        assertThat(stub(true, progress)).isEqualTo(simulator("CapNhatTienDoHoSoMC", 4, progress))
                .isEqualTo("000.00.14.H56-261122-0001|4|20261122103000");
        assertThat(stub(false, result)).isEqualTo(simulator("DongBoHoSoMC", 10, result))
                .isEqualTo("000.00.14.H56-261122-0001|10|20261122110000");
        // a status change after intake carries no time of its own
        assertThat(stub(false, processing)).isEqualTo(simulator("DongBoHoSoMC", 4, processing))
                .isEqualTo("000.00.14.H56-261122-0001|4|");
    }

    private static String stub(boolean progress, Map<String, Object> item) throws Exception {
        return LightPortalStub.identity(progress, JSON.readTree(JSON.writeValueAsString(item)));
    }

    private static String simulator(String service, int status, Map<String, Object> item) {
        return EventFactory.identity(new ReceivedCall(service, (String) item.get("MaHoSo"), status, "key",
                Instant.now(), true, item));
    }

    private static Map<String, Object> item(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
