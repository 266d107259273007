package vn.lgsp.hub.app.security;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.app.catalogue.ServiceCatalogue;
import vn.lgsp.hub.core.config.ReloadingFile;
import vn.lgsp.hub.core.ids.AgencyCode;

/**
 * The client registry: every client system and operator that may call the hub, with its credentials, the services it
 * may call, the agencies it acts for and its rate limit. It is data, a YAML file ({@code config/clients.yml}, see
 * {@code docs/SECURITY.md}), read again without a restart when it changes ({@link ReloadingFile}: an invalid file
 * stops the start-up, and later leaves the previous registry in force).
 *
 * <p>Credentials are never stored in the clear: API keys and client certificates as SHA-256 hashes, bearer tokens
 * by the client id their issuer puts in them. A caller is found by any of its credentials; two callers may not share
 * one. Thread-safe.
 */
@Component
public class ClientRegistry {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    /** Ids appear in the exchange log and as metric tags: short, and nothing that needs escaping. */
    private static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");
    private static final Pattern SHA256 = Pattern.compile("^[0-9a-fA-F]{64}$");

    /** The file's form. */
    record FileContent(List<Entry> clients, List<Entry> operators) {
    }

    record Entry(String id,
                 @JsonProperty("api-key-sha256") List<String> apiKeySha256,
                 @JsonProperty("oauth-client-id") String oauthClientId,
                 @JsonProperty("certificate-sha256") List<String> certificateSha256,
                 List<String> services,
                 List<String> agencies,
                 @JsonProperty("rate-limit") RateLimitEntry rateLimit) {
    }

    /** {@code burst} defaults to twice {@code per-second}. */
    record RateLimitEntry(@JsonProperty("per-second") Integer perSecond, Integer burst) {
    }

    /** One reading of the file, with the demo callers when they are enabled. */
    private record Callers(Map<String, Caller> byKeyHash, Map<String, Caller> byOAuthClient,
                           Map<String, Caller> byCertificate, int clients, int operators) {
    }

    private final ReloadingFile<Callers> file;

    /** The access rights of the service catalogue, which a client's {@code services} may name. */
    @Autowired
    public ClientRegistry(SecurityProperties props, ServiceCatalogue catalogue) {
        this(props, catalogue.accessRights(), Clock.systemUTC());
    }

    /** With the built-in services' access rights only. */
    ClientRegistry(SecurityProperties props) {
        this(props, HubServices.ALL, Clock.systemUTC());
    }

    ClientRegistry(SecurityProperties props, List<String> accessRights, Clock clock) {
        Resource location = props.registry().location();
        List<String> known = List.copyOf(accessRights);
        this.file = new ReloadingFile<>(ClientRegistry.class, "client registry",
                ReloadingFile.Source.of(location.getDescription(), location::lastModified, location::getInputStream),
                props.registry().reloadInterval(), clock, in -> read(in, props.demo(), known),
                c -> c.clients() + " clients, " + c.operators() + " operators"
                        + (props.demo().enabled() ? " (and the demo client and operator)" : ""));
    }

    public Optional<Caller> byKey(String apiKey) {
        return Optional.ofNullable(file.current().byKeyHash().get(sha256(apiKey)));
    }

    /** The caller a bearer token's client id names. */
    public Optional<Caller> byOAuthClient(String clientId) {
        return Optional.ofNullable(file.current().byOAuthClient().get(clientId));
    }

    /** The caller a client certificate belongs to, by the SHA-256 of its encoded form. */
    public Optional<Caller> byCertificate(X509Certificate certificate) {
        try {
            return Optional.ofNullable(file.current().byCertificate().get(sha256(certificate.getEncoded())));
        } catch (CertificateEncodingException e) {
            return Optional.empty();
        }
    }

    /** Reads the file now if it has changed; returns whether a new registry is in force. */
    public boolean reloadIfChanged() {
        return file.reloadIfChanged();
    }

    public static String sha256(String key) {
        return sha256(key.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    // ------------------------------------------------------------------------------------------ reading the file

    private static Callers read(InputStream in, SecurityProperties.Demo demo, List<String> accessRights)
            throws IOException {
        FileContent content;
        try {
            content = YAML.readValue(in, FileContent.class);
        } catch (IOException e) {
            // Jackson's message names the line and column; its first line is enough
            throw new IOException(e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage().lines().findFirst().orElse(""), e);
        }
        Builder callers = new Builder(accessRights);
        List<Entry> clients = content == null || content.clients() == null ? List.of() : content.clients();
        List<Entry> operators = content == null || content.operators() == null ? List.of() : content.operators();
        for (int i = 0; i < clients.size(); i++) {
            callers.add(clients.get(i), false, "clients[" + i + "]");
        }
        for (int i = 0; i < operators.size(); i++) {
            callers.add(operators.get(i), true, "operators[" + i + "]");
        }
        if (demo.enabled()) {
            // every service, contributed ones included
            callers.add(new Entry("demo", List.of(sha256(demo.apiKey())), null, null, accessRights,
                    List.of(Caller.ANY_AGENCY), null), false, "the demo client (hub.security.demo)");
            callers.add(new Entry("demo-operator", List.of(sha256(demo.operatorKey())), null, null, null, null, null),
                    true, "the demo operator (hub.security.demo)");
        }
        return new Callers(Map.copyOf(callers.byKeyHash), Map.copyOf(callers.byOAuthClient),
                Map.copyOf(callers.byCertificate), clients.size(), operators.size());
    }

    private static final class Builder {
        final Map<String, Caller> byKeyHash = new HashMap<>();
        final Map<String, Caller> byOAuthClient = new HashMap<>();
        final Map<String, Caller> byCertificate = new HashMap<>();
        final Set<String> ids = new HashSet<>();
        final List<String> accessRights;

        Builder(List<String> accessRights) {
            this.accessRights = accessRights;
        }

        void add(Entry entry, boolean operator, String where) {
            if (entry == null) {
                throw new IllegalArgumentException(where + " is empty");
            }
            if (entry.id() == null || !ID.matcher(entry.id()).matches()) {
                throw new IllegalArgumentException(where + ": id must be 1-64 of a-z 0-9 . _ - (lower case), not "
                        + (entry.id() == null ? "missing" : "'" + entry.id() + "'"));
            }
            String at = where + " (" + entry.id() + ")";
            if (SecurityEvents.ANONYMOUS.equals(entry.id())) {
                // security events of unknown callers are recorded under this id; a client with it would read them
                throw new IllegalArgumentException(at + ": the id '" + SecurityEvents.ANONYMOUS + "' is reserved");
            }
            if (!ids.add(entry.id())) {
                throw new IllegalArgumentException(at + ": the id is used twice");
            }
            Caller caller = new Caller(entry.id(), operator, services(entry, operator, at), agencies(entry, operator, at),
                    rateLimit(entry.rateLimit(), at));
            List<String> keys = entry.apiKeySha256() == null ? List.of() : entry.apiKeySha256();
            List<String> certificates = entry.certificateSha256() == null ? List.of() : entry.certificateSha256();
            String oauth = entry.oauthClientId() == null || entry.oauthClientId().isBlank()
                    ? null : entry.oauthClientId().trim();
            if (keys.isEmpty() && certificates.isEmpty() && oauth == null) {
                throw new IllegalArgumentException(at + ": give at least one credential (api-key-sha256, "
                        + "oauth-client-id or certificate-sha256)");
            }
            keys.forEach(hash -> put(byKeyHash, hash(hash, at + ".api-key-sha256"), caller, at, "an API key"));
            certificates.forEach(hash -> put(byCertificate, hash(hash, at + ".certificate-sha256"), caller, at,
                    "a certificate"));
            if (oauth != null) {
                put(byOAuthClient, oauth, caller, at, "an oauth-client-id");
            }
        }

        private Set<String> services(Entry entry, boolean operator, String at) {
            List<String> services = entry.services() == null ? List.of() : entry.services();
            if (operator && !services.isEmpty()) {
                throw new IllegalArgumentException(at + ": operators have the operator role, not services");
            }
            for (String service : services) {
                // the catalogue's access rights: the built-in ones and those of connector modules and route files
                if (!accessRights.contains(service)) {
                    throw new IllegalArgumentException(at + ": unknown service '" + service + "'; the services are "
                            + String.join(", ", accessRights));
                }
            }
            return Set.copyOf(services);
        }

        private static Set<String> agencies(Entry entry, boolean operator, String at) {
            List<String> agencies = entry.agencies() == null ? List.of() : entry.agencies();
            if (operator && !agencies.isEmpty()) {
                throw new IllegalArgumentException(at + ": operators act for no agency");
            }
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < agencies.size(); i++) {
                String code = agencies.get(i) == null ? null : agencies.get(i).trim();
                codes.add(Caller.ANY_AGENCY.equals(code) ? code
                        : AgencyCode.parse(code, at + ".agencies[" + i + "]").value());
            }
            return codes;
        }

        private static RateLimit rateLimit(RateLimitEntry entry, String at) {
            if (entry == null) {
                return null;
            }
            if (entry.perSecond() == null) {
                throw new IllegalArgumentException(at + ".rate-limit: per-second is required");
            }
            try {
                return new RateLimit(entry.perSecond(), entry.burst() == null ? 2 * entry.perSecond() : entry.burst());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + ".rate-limit: " + e.getMessage(), e);
            }
        }

        private static String hash(String value, String at) {
            if (value == null || !SHA256.matcher(value.trim()).matches()) {
                throw new IllegalArgumentException(at + ": give the SHA-256 as 64 hex digits (see docs/SECURITY.md"
                        + " for how to make one), never the key itself");
            }
            return value.trim().toLowerCase(Locale.ROOT);
        }

        private static void put(Map<String, Caller> map, String credential, Caller caller, String at, String what) {
            Caller other = map.putIfAbsent(credential, caller);
            if (other != null) {
                throw new IllegalArgumentException(at + ": " + what + " is also " + other.id() + "'s; give each "
                        + "caller its own");
            }
        }
    }
}
