package vn.lgsp.hub.app.flow.document;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.lgsp.hub.app.delivery.RetryPolicy;

/**
 * Document exchange (agencies ↔ the province's agencies and the national axis).
 *
 * @param consumers parallel delivery consumers; default 4
 * @param retry     the delivery retry policy ({@link RetryPolicy}, under {@code hub.flow.document.retry})
 * @param signature what the hub does with a package's XML signature, per sender
 * @param poll      how the hub takes packages the national axis holds for the province's agencies
 */
@ConfigurationProperties("hub.flow.document")
public record DocumentFlowProperties(Integer consumers, RetryPolicy retry, Signature signature, Poll poll) {

    public DocumentFlowProperties {
        consumers = consumers == null ? 4 : consumers;
        retry = retry == null ? RetryPolicy.defaults() : retry;
        signature = signature == null ? new Signature(null, null) : signature;
        poll = poll == null ? new Poll(null, null, null, null, null) : poll;
    }

    /** What a sender's packages need. */
    public enum SignaturePolicy {
        /** Verify a signature when there is one and record the result; accept the package whatever it is. */
        RECORD,
        /** Refuse a package that is not signed, or whose signature does not verify ({@code document.signature_invalid}). */
        REQUIRE_VALID
    }

    /**
     * @param defaultPolicy the policy of senders not listed; default {@code RECORD}
     * @param senders       policy per sender agency code
     */
    public record Signature(SignaturePolicy defaultPolicy, Map<String, SignaturePolicy> senders) {
        public Signature {
            defaultPolicy = defaultPolicy == null ? SignaturePolicy.RECORD : defaultPolicy;
            senders = senders == null ? Map.of() : Map.copyOf(senders);
        }

        public SignaturePolicy of(String sender) {
            return senders.getOrDefault(sender, defaultPolicy);
        }
    }

    /**
     * @param enabled  whether the hub polls the national axis; default true
     * @param interval time between polls; default 30s
     * @param pageSize entries asked for in one call; default 100
     * @param maxPages pages taken in one poll; default 10
     * @param clientId the client packages from the axis are recorded under; default {@code axis}
     */
    public record Poll(Boolean enabled, Duration interval, Integer pageSize, Integer maxPages, String clientId) {
        public Poll {
            enabled = enabled == null || enabled;
            interval = interval == null ? Duration.ofSeconds(30) : interval;
            pageSize = pageSize == null ? 100 : pageSize;
            maxPages = maxPages == null ? 10 : maxPages;
            clientId = clientId == null ? "axis" : clientId;
        }
    }
}
