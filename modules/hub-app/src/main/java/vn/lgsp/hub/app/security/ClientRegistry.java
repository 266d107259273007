package vn.lgsp.hub.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Looks callers up by the hash of their key. Plain keys are hashed on arrival and never kept. */
@Component
public class ClientRegistry {

    private static final Logger log = LoggerFactory.getLogger(ClientRegistry.class);

    private final Map<String, Caller> byKeyHash = new HashMap<>();

    public ClientRegistry(SecurityProperties props) {
        for (SecurityProperties.Client c : props.clients()) {
            if (SecurityEvents.ANONYMOUS.equals(c.id())) {
                // security events of unknown callers are recorded under this id; a client with it would read them
                throw new IllegalStateException("The client id '" + SecurityEvents.ANONYMOUS + "' is reserved");
            }
            Set<String> services = Set.copyOf(c.services() == null ? Set.of() : c.services());
            Set<String> agencies = Set.copyOf(c.agencies() == null ? Set.of() : c.agencies());
            for (String hash : c.apiKeySha256()) {
                register(hash, new Caller(c.id(), false, services, agencies));
            }
        }
        for (SecurityProperties.Operator o : props.operators()) {
            for (String hash : o.apiKeySha256()) {
                register(hash, new Caller(o.id(), true, Set.of(), Set.of()));
            }
        }
        if (props.demo().enabled()) {
            register(sha256(props.demo().apiKey()),
                    new Caller("demo", false, Set.copyOf(HubServices.ALL), Set.of(Caller.ANY_AGENCY)));
            register(sha256(props.demo().operatorKey()), new Caller("demo-operator", true, Set.of(), Set.of()));
            log.info("Demo client 'demo' and operator 'demo-operator' are enabled (embedded default only)");
        }
    }

    private void register(String hash, Caller caller) {
        if (byKeyHash.putIfAbsent(hash.toLowerCase(Locale.ROOT), caller) != null) {
            throw new IllegalStateException("Two callers share an API key hash; give '" + caller.id() + "' its own key");
        }
    }

    public Optional<Caller> byKey(String apiKey) {
        return Optional.ofNullable(byKeyHash.get(sha256(apiKey)));
    }

    public static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
