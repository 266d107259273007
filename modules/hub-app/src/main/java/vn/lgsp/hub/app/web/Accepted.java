package vn.lgsp.hub.app.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import vn.lgsp.hub.app.delivery.DurableAcceptance;

/** The answer of every endpoint that accepts an exchange for later delivery: 202 with the exchange id. */
public final class Accepted {

    private Accepted() {
    }

    public static ResponseEntity<Map<String, Object>> of(DurableAcceptance.Acceptance a) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("exchangeId", a.exchange().id());
        body.put("status", "ACCEPTED");
        if (a.duplicate()) {
            body.put("duplicate", true);
        }
        return ResponseEntity.accepted().location(URI.create("/api/v1/exchanges/" + a.exchange().id())).body(body);
    }
}
