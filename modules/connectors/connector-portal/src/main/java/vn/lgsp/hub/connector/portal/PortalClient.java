package vn.lgsp.hub.connector.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lgsp.hub.connector.portal.wire.LoginRequest;
import vn.lgsp.hub.connector.portal.wire.PortalIntakeDossier;
import vn.lgsp.hub.connector.portal.wire.PortalIntakeQuery;
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
    private final PortalIntakeMapper intakeMapper;
    private final String unitCode;
    private final String intakeService;
    private final int intakePageSize;

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
        this.intakeMapper = new PortalIntakeMapper(mapper);
        this.unitCode = properties.getUnitCode() == null ? "" : properties.getUnitCode();
        this.intakeService = properties.getIntakeService();
        if (properties.getIntakePageSize() < 1) {
            throw new IllegalArgumentException("hub.connector.portal.intake-page-size must be at least 1");
        }
        this.intakePageSize = properties.getIntakePageSize();
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

    /**
     * One page of the dossiers submitted online since {@code after} ({@code null}: from the beginning), through the
     * listing service {@code hub.connector.portal.intake-service}. That service is an assumption (the portal's
     * intake API is not published): {@code {"service", "madonvi", "tuThoiDiem", "sauMaHoSo", "soLuong"}} answered by
     * {@code {"error_code": 0, "data": [PortalIntakeDossier…]}} holding the dossiers strictly after the cursor in
     * (NgayCapNhat, MaHoSo) order. Same session handling and failures as the other calls; no idempotency key, since
     * a listing changes nothing.
     *
     * <p>An item that cannot be mapped comes back with a reason instead of a dossier, so that one bad item neither
     * stops the listing nor is lost silently; an item without a readable MaHoSo and NgayCapNhat has no place in the
     * order and is left out with a warning. (A full page of only such items would make no progress; the portal
     * would have to be fixed.)
     */
    public IntakePage fetchIntake(IntakeCursor after) {
        PortalIntakeQuery query = new PortalIntakeQuery(intakeService, unitCode,
                after == null ? "" : PortalMapper.formatDate(after.updatedAt()),
                after == null ? "" : after.dossierCode(), intakePageSize);
        long started = System.nanoTime();
        try {
            IntakePage page = readPage(send(intakeService, write(query), null, null));
            status.delivered();
            LOG.debug("portal {} listed {} dossiers in {} ms", intakeService, page.items().size(),
                    (System.nanoTime() - started) / 1_000_000);
            return page;
        } catch (PortalException e) {
            status.failed(e);
            throw e;
        }
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

    /**
     * One call, logging in again once if the session was refused; returns the body of the accepted reply.
     * {@code event} and {@code idempotencyKey} are {@code null} for a call that sends no event (the intake listing).
     */
    private byte[] send(String service, byte[] body, DossierEvent event, String idempotencyKey) {
        String token = session.current();
        byte[] accepted = attempt(body, token, event, idempotencyKey);
        if (accepted != null) {
            return accepted;
        }
        LOG.info("portal session expired during {}{}; logging in again", service,
                event == null ? "" : " for dossier " + event.dossierCode());
        token = session.renew(token);
        accepted = attempt(body, token, event, idempotencyKey);
        if (accepted == null) {
            throw PortalException.authFailed("the portal refused a fresh session for " + service, true);
        }
        return accepted;
    }

    /** One call with this token: the reply's body when accepted, null when the session was refused; else throws. */
    private byte[] attempt(byte[] body, String token, DossierEvent event, String idempotencyKey) {
        PortalHttp.Reply reply = http.post(apiUri, body, idempotencyKey == null ? Map.of(SESSION_HEADER, token)
                : Map.of(SESSION_HEADER, token, HubHeaders.IDEMPOTENCY_KEY_HTTP, idempotencyKey));
        int code = reply.status();
        if (code == 401) {
            return null;
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
            return reply.body();
        }
        if (sessionExpiredCodes.contains(answer.errorCode())) {
            return null;
        }
        String subject = event == null ? "the call" : "dossier " + event.dossierCode();
        throw PortalException.rejected("the portal rejected " + subject + " with error_code "
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

    private IntakePage readPage(byte[] body) {
        JsonNode data;
        try {
            data = json.readTree(body).path("data");
        } catch (IOException e) {
            throw PortalException.malformed("the portal's intake listing is not JSON");
        }
        if (!data.isArray() && !data.isMissingNode() && !data.isNull()) {
            throw PortalException.malformed("the portal's intake listing has a data field that is not a list");
        }
        List<IntakeItem> items = new ArrayList<>();
        for (JsonNode item : data) {
            IntakeItem read = readItem(item);
            if (read != null) {
                items.add(read);
            }
        }
        return new IntakePage(items, data.size() >= intakePageSize);
    }

    /** The item, with a reason instead of a dossier when it cannot be mapped; null when it has no cursor. */
    private IntakeItem readItem(JsonNode item) {
        String code = item.path("MaHoSo").isValueNode() ? item.path("MaHoSo").asText().strip() : "";
        OffsetDateTime updatedAt = item.path("NgayCapNhat").isTextual()
                ? PortalIntakeMapper.updatedAtOrNull(item.path("NgayCapNhat").asText()) : null;
        if (code.isEmpty() || updatedAt == null) {
            LOG.warn("skipped an item of the portal's intake listing without a readable MaHoSo and NgayCapNhat"
                    + " (MaHoSo {}); it cannot be placed in the listing's order", code.isEmpty() ? "missing"
                    : quoted(code.length() > 40 ? code.substring(0, 40) : code));
            return null;
        }
        IntakeCursor cursor = new IntakeCursor(updatedAt, code);
        PortalIntakeDossier wire;
        try {
            wire = json.treeToValue(item, PortalIntakeDossier.class);
        } catch (IOException | IllegalArgumentException e) {
            // the parser's message may quote the item, so it is not passed on
            return new IntakeItem(cursor, null, "the item does not have the expected form");
        }
        try {
            return new IntakeItem(cursor, intakeMapper.toCanonical(wire), null);
        } catch (PortalIntakeMapper.UnreadableException e) {
            return new IntakeItem(cursor, null, e.getMessage());
        }
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
