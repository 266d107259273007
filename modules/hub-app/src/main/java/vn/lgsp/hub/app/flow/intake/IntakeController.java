package vn.lgsp.hub.app.flow.intake;

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
import vn.lgsp.hub.connector.portal.PortalIntakeMapper;
import vn.lgsp.hub.connector.portal.wire.PortalIntakeDossier;

/**
 * The push side of online intake: the national portal posts one dossier, in its own wire form (the same item as its
 * intake list), and gets 202 once the hub holds it durably. The same dossier version posted again (or also polled)
 * is the same exchange.
 */
@RestController
public class IntakeController {

    private final IntakeAcceptService accept;
    private final PortalIntakeMapper mapper;

    public IntakeController(IntakeAcceptService accept, PortalIntakeMapper mapper) {
        this.accept = accept;
        this.mapper = mapper;
    }

    @PostMapping(path = "/api/v1/intake/dossiers", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> post(@RequestBody PortalIntakeDossier dossier,
                                                    @AuthenticationPrincipal Caller caller,
                                                    HttpServletRequest request) {
        return Accepted.of(accept.accept(mapper.toCanonical(dossier), caller.id(), CorrelationIdFilter.of(request)));
    }
}
