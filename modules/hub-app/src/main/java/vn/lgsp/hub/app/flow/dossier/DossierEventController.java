package vn.lgsp.hub.app.flow.dossier;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.app.security.Caller;
import vn.lgsp.hub.app.web.Accepted;
import vn.lgsp.hub.app.web.CorrelationIdFilter;
import vn.lgsp.hub.core.model.DossierEvent;

/** {@code POST /api/v1/dossiers/events}: a dossier event from the one-stop-shop. */
@RestController
public class DossierEventController {

    private final DossierAcceptService accept;

    public DossierEventController(DossierAcceptService accept) {
        this.accept = accept;
    }

    @PostMapping(path = "/api/v1/dossiers/events", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> post(@RequestBody DossierEvent event,
                                                    @AuthenticationPrincipal Caller caller,
                                                    HttpServletRequest request) {
        return Accepted.of(accept.accept(event, caller.id(), CorrelationIdFilter.of(request)));
    }
}
