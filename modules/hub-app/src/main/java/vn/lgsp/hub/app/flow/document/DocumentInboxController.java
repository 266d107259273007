package vn.lgsp.hub.app.flow.document;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.app.security.Caller;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;
import vn.lgsp.hub.core.ids.AgencyCode;

/** An agency's inbox: list, fetch one package whole, acknowledge it. A client reads only its own agencies' inboxes. */
@RestController
public class DocumentInboxController {

    private final DocumentInbox inbox;

    public DocumentInboxController(DocumentInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping(path = "/api/v1/documents/inbox/{agencyCode}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> list(@PathVariable String agencyCode, @AuthenticationPrincipal Caller caller) {
        String code = own(agencyCode, caller);
        List<DocumentInbox.Entry> entries = inbox.list(code);
        return Map.of("agencyCode", code, "waiting", entries);
    }

    @GetMapping(path = "/api/v1/documents/inbox/{agencyCode}/{exchangeId}")
    public void fetch(@PathVariable String agencyCode, @PathVariable String exchangeId,
                      @AuthenticationPrincipal Caller caller, HttpServletResponse response) throws IOException {
        String code = own(agencyCode, caller);
        response.setContentType(MediaType.APPLICATION_XML_VALUE);
        response.setCharacterEncoding("UTF-8");
        inbox.fetch(code, exchangeId, response.getOutputStream());
    }

    @PostMapping(path = "/api/v1/documents/inbox/{agencyCode}/{exchangeId}/ack",
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> acknowledge(@PathVariable String agencyCode, @PathVariable String exchangeId,
                                           @AuthenticationPrincipal Caller caller) {
        String code = own(agencyCode, caller);
        inbox.acknowledge(code, exchangeId);
        return Map.of("exchangeId", exchangeId, "status", "ACKNOWLEDGED");
    }

    /** The agency code, checked, if the caller acts for it. */
    private static String own(String agencyCode, Caller caller) {
        String code = AgencyCode.parse(agencyCode, "agencyCode").value();
        if (!caller.actsFor(code)) {
            throw new HubException(ErrorCode.FORBIDDEN, "This client does not act for agency " + code);
        }
        return code;
    }
}
