package vn.lgsp.hub.app.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may call the hub. Keys are stored as SHA-256 hashes (hex); a client may have two during a key rotation.
 *
 * @param demo      the demo client and operator of the embedded default
 * @param clients   backend systems: id, key hashes, services they may call
 * @param operators operators: id and key hashes
 */
@ConfigurationProperties("hub.security")
public record SecurityProperties(Demo demo, List<Client> clients, List<Operator> operators) {

    public SecurityProperties {
        demo = demo == null ? new Demo(false, null, null) : demo;
        clients = clients == null ? List.of() : clients;
        operators = operators == null ? List.of() : operators;
    }

    /**
     * @param enabled     whether the demo client ({@code demo}, every service) and operator exist; default false,
     *                    true only in the embedded default configuration
     * @param apiKey      the demo client's key, from {@code HUB_DEMO_API_KEY} (default {@code demo-key})
     * @param operatorKey the demo operator's key, from {@code HUB_DEMO_OPERATOR_KEY} (default {@code demo-operator})
     */
    public record Demo(boolean enabled, String apiKey, String operatorKey) {
    }

    /**
     * @param id            the client's id, as it appears in the exchange log
     * @param apiKeySha256  SHA-256 (hex) of each valid key
     * @param services      services it may call, see {@link HubServices}
     * @param agencies      electronic codes of the agencies it acts for: the senders it may send documents as and the
     *                      inboxes it may read; none by default
     */
    public record Client(String id, List<String> apiKeySha256, List<String> services, List<String> agencies) {
    }

    /**
     * @param id           the operator's id, recorded with every operator action
     * @param apiKeySha256 SHA-256 (hex) of each valid key
     */
    public record Operator(String id, List<String> apiKeySha256) {
    }
}
