package vn.lgsp.hub.connector.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lgsp.hub.connector.portal.wire.LoginRequest;
import vn.lgsp.hub.connector.portal.wire.PortalReply;
import vn.lgsp.hub.connector.portal.wire.PortalRequest;
import vn.lgsp.hub.core.HubHeaders;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;
import vn.lgsp.hub.core.ids.Masking;
import vn.lgsp.hub.core.model.DossierEvent;

/**
 * Calls the national portal's adapter API. Thread-safe; all callers share one session token (see
 * {@link PortalSession}). Each call sends one event, carries the caller's idempotency key, and either returns
 * normally (the portal accepted it) or throws {@link PortalException}.
 *
 * <p>When the portal says the session expired ({@code sessionExpiredCodes}, or HTTP 401), the client logs in again
 * once and repeats the call with the same idempotency key; if the fresh session is refused too, the call fails as
 * transient. Request bodies and tokens are never logged.
 */
public class PortalClient {

    private static final Logger LOG = LoggerFactory.getLogger(PortalClient.class);
    private static final int MAX_PORTAL_MESSAGE = 300;
    /** The portal takes the session token in a header of this name, not as a bearer token. */
    private static final String SESSION_HEADER = "session";

    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final PortalMapper mapper;
    private final PortalHttp http;
    private final PortalSession session;
    private final PortalCallStatus status;
    private final URI authUri;
    private final URI apiUri;
    private final String username;
    private final String password;
    private final List<String> successCodes;
    private final List<String> sessionExpiredCodes;

    public PortalClient(PortalProperties properties, PortalMapper mapper) {
        this(properties, mapper, Clock.systemUTC());
    }

    public PortalClient(PortalProperties properties, PortalMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.http = new PortalHttp(properties.getConnectTimeout(), properties.getRequestTimeout());
        this.session = new PortalSession(this::login);
        this.status = new PortalCallStatus(clock);
        String base = stripTrailingSlash(properties.getBaseUrl());
        this.authUri = URI.create(base + properties.getAuthPath());
        this.apiUri = URI.create(base + properties.getApiPath());
        this.username = properties.getUsername();
        this.password = properties.getPassword() == null ? "" : properties.getPassword();
        this.successCodes = List.copyOf(properties.getSuccessCodes());
        this.sessionExpiredCodes = List.copyOf(properties.getSessionExpiredCodes());
    }

    /** Sends the dossier ({@code DongBoHoSoMC}); {@code updating} is false for the dossier's first sync. */
    public void syncDossier(DossierEvent event, boolean updating, String idempotencyKey) {
        requireArguments(event, idempotencyKey);
        PortalRequest<?> request = PortalRequest.syncDossier(mapper.toDossier(event, updating), updating);
        call(request, event, idempotencyKey);
    }

    /** Sends the officer's processing step ({@code CapNhatTienDoHoSoMC}). */
    public void updateProgress(DossierEvent event, String idempotencyKey) {
        requireArguments(event, idempotencyKey);
        call(PortalRequest.updateProgress(mapper.toProgress(event)), event, idempotencyKey);
    }

    /** Outcomes of recent calls, for health reporting. */
    public PortalCallStatus status() {
        return status;
    }

    private void call(PortalRequest<?> request, DossierEvent event, String idempotencyKey) {
        long started = System.nanoTime();
        try {
            send(request.service(), write(request), event, idempotencyKey);
            status.delivered();
            LOG.debug("portal {} for dossier {} delivered in {} ms (key {})", request.service(),
                    event.dossierCode(), (System.nanoTime() - started) / 1_000_000, idempotencyKey);
        } catch (PortalException e) {
            if (e.errorCode() == ErrorCode.PORTAL_REJECTED) {
                status.rejected(e);
            } else {
                status.failed(e);
            }
            LOG.debug("portal {} for dossier {} failed after {} ms (key {}): {} {}", request.service(),
                    event.dossierCode(), (System.nanoTime() - started) / 1_000_000, idempotencyKey,
                    e.errorCode().code(), e.getMessage());
            throw e;
        }
    }

    private void send(String service, byte[] body, DossierEvent event, String idempotencyKey) {
        String token = session.current();
        if (attempt(body, token, event, idempotencyKey)) {
            return;
        }
        LOG.info("portal session expired during {} for dossier {}; logging in again", service, event.dossierCode());
        token = session.renew(token);
        if (!attempt(body, token, event, idempotencyKey)) {
            throw PortalException.authFailed("the portal refused a fresh session for " + service, true);
        }
    }

    /** One call with this token: true when accepted, false when the session was refused; otherwise throws. */
    private boolean attempt(byte[] body, String token, DossierEvent event, String idempotencyKey) {
        PortalHttp.Reply reply = http.post(apiUri, body,
                Map.of(SESSION_HEADER, token, HubHeaders.IDEMPOTENCY_KEY_HTTP, idempotencyKey));
        int code = reply.status();
        if (code == 401) {
            return false;
        }
        if (code == 408 || code == 429) {
            // a request timeout or throttling passes, unlike the other 4xx
            throw PortalException.unavailable("the portal answered HTTP " + code);
        }
        if (code >= 500) {
            throw PortalException.unavailable("the portal answered HTTP " + code);
        }
        if (code >= 400) {
            throw PortalException.rejected("the portal refused the call with HTTP " + code
                    + portalMessage(tryParse(reply.body()), event));
        }
        if (code < 200 || code >= 300) {
            throw PortalException.malformed("unexpected HTTP " + code + " from the portal");
        }
        PortalReply answer = parse(reply.body());
        if (successCodes.contains(answer.errorCode())) {
            return true;
        }
        if (sessionExpiredCodes.contains(answer.errorCode())) {
            return false;
        }
        throw PortalException.rejected("the portal rejected dossier " + event.dossierCode() + " with error_code "
                + quoted(answer.errorCode()) + portalMessage(answer, event));
    }

    private String login() {
        PortalHttp.Reply reply = http.post(authUri, write(new LoginRequest(username, password)), Map.of());
        int code = reply.status();
        if (code == 408 || code == 429) {
            throw PortalException.unavailable("the portal answered the login with HTTP " + code);
        }
        if (code >= 500) {
            throw PortalException.unavailable("the portal answered the login with HTTP " + code);
        }
        if (code < 200 || code >= 300) {
            LOG.warn("the portal refused the hub's login with HTTP {}", code);
            throw PortalException.authFailed("the portal refused the login with HTTP " + code, false);
        }
        PortalReply answer = parse(reply.body());
        if (!successCodes.contains(answer.errorCode())) {
            String message = "the portal refused the login with error_code "
                    + quoted(answer.errorCode()) + portalMessage(answer, null);
            LOG.warn("{} (account {})", message, username);
            throw PortalException.authFailed(message, false);
        }
        if (answer.session() == null || answer.session().isBlank()) {
            throw PortalException.malformed("the portal accepted the login but sent no session");
        }
        LOG.info("logged in to the national portal as {}", username);
        return answer.session();
    }

    private PortalReply parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw PortalException.malformed("the portal sent an empty reply");
        }
        PortalReply answer = tryParse(body);
        if (answer == null) {
            // the parser's own message may quote the body, so it is not passed on
            throw PortalException.malformed("the portal's reply is not a JSON object of the expected form");
        }
        if (answer.errorCode() == null) {
            throw PortalException.malformed("the portal's reply has no error_code");
        }
        return answer;
    }

    private PortalReply tryParse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return json.readValue(body, PortalReply.class);
        } catch (IOException e) {
            return null;
        }
    }

    /** The portal's own words, if any, with personal IDs and the applicant's name masked. */
    private static String portalMessage(PortalReply answer, DossierEvent event) {
        if (answer == null || answer.message() == null || answer.message().isBlank()) {
            return "";
        }
        String message = answer.message();
        if (event != null && event.applicant() != null) {
            // the portal may echo the data back; the applicant's own name and ID are the likeliest to appear
            message = replace(message, event.applicant().fullName(), Masking::maskName);
            message = replace(message, event.applicant().personalId(), Masking::maskPersonalId);
        }
        return ": " + quoted(message);
    }

    /**
     * Anything the portal wrote goes into a message only masked and bounded; masked before it is cut, since a cut
     * could leave part of an ID too short for the mask to recognise.
     */
    private static String quoted(String portalText) {
        String masked = Masking.maskIdsInText(portalText);
        return masked.length() > MAX_PORTAL_MESSAGE ? masked.substring(0, MAX_PORTAL_MESSAGE) + "…" : masked;
    }

    private static String replace(String text, String secret, UnaryOperator<String> mask) {
        if (secret == null || secret.isBlank()) {
            return text;
        }
        return text.replace(secret.trim(), mask.apply(secret.trim()));
    }

    private byte[] write(Object request) {
        try {
            return json.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new HubException(ErrorCode.INTERNAL, "could not serialise a request to the portal", e);
        }
    }

    private static void requireArguments(DossierEvent event, String idempotencyKey) {
        Objects.requireNonNull(event, "event");
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("an idempotency key is required for every call to the portal");
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
