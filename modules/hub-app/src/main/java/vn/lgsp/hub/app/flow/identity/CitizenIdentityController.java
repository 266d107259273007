package vn.lgsp.hub.app.flow.identity;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.app.security.Caller;
import vn.lgsp.hub.app.web.CorrelationIdFilter;

/**
 * {@code POST /api/v1/citizens/verify} and {@code POST /api/v1/citizens/lookup}: the REST face of the citizen
 * identity flow. Answers carry {@code Cache-Control: no-store}; citizen data is kept nowhere.
 */
@RestController
public class CitizenIdentityController {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final CitizenIdentityService identity;
    private final ObjectMapper json;

    public CitizenIdentityController(CitizenIdentityService identity, ObjectMapper json) {
        this.identity = identity;
        this.json = json;
    }

    @PostMapping(path = "/api/v1/citizens/verify", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<VerifyResponse> verify(@RequestBody CitizenIdentityRequest body,
                                                 @AuthenticationPrincipal Caller caller,
                                                 HttpServletRequest request) {
        VerifyResponse answer = identity.verify(body, caller.id(), CorrelationIdFilter.of(request));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(answer);
    }

    /** The citizen record's fields, plus {@code exchangeId}. */
    @PostMapping(path = "/api/v1/citizens/lookup", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> lookup(@RequestBody CitizenIdentityRequest body,
                                                      @AuthenticationPrincipal Caller caller,
                                                      HttpServletRequest request) {
        CitizenIdentityService.Lookup answer = identity.lookup(body, caller.id(), CorrelationIdFilter.of(request));
        Map<String, Object> reply = new LinkedHashMap<>(json.convertValue(answer.citizen(), MAP));
        reply.put("exchangeId", answer.exchangeId());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(reply);
    }
}
