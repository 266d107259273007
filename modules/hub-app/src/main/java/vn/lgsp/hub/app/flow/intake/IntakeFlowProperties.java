package vn.lgsp.hub.app.flow.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import vn.lgsp.hub.app.delivery.RetryPolicy;

/**
 * Online intake (national portal → hub → one-stop-shop).
 *
 * @param consumers    parallel delivery consumers; dossiers are spread over them, each on one at a time; default 2
 * @param retry        the delivery retry policy ({@link RetryPolicy}, under {@code hub.flow.intake.retry})
 * @param verification how applicants are checked against the population database
 * @param poll         how the hub fetches new dossiers from the portal
 */
@ConfigurationProperties("hub.flow.intake")
public record IntakeFlowProperties(Integer consumers, RetryPolicy retry, Verification verification, Poll poll) {

    public IntakeFlowProperties {
        consumers = consumers == null ? 2 : consumers;
        retry = retry == null ? RetryPolicy.defaults() : retry;
        verification = verification == null ? new Verification(null, null, null) : verification;
        poll = poll == null ? new Poll(null, null, null, null, null) : poll;
    }

    /**
     * @param officerId the account the hub names as the officer of its own checks (the law wants one per call);
     *                  default {@code lgsp-intake}
     * @param clientId  the client the identity exchanges are recorded under; default {@code hub-intake}
     * @param maxDelay  how long an unavailable population database may hold a dossier back; past it the dossier is
     *                  delivered with verification {@code UNAVAILABLE}; default 15m
     */
    public record Verification(String officerId, String clientId, Duration maxDelay) {
        public Verification {
            officerId = officerId == null ? "lgsp-intake" : officerId;
            clientId = clientId == null ? "hub-intake" : clientId;
            maxDelay = maxDelay == null ? Duration.ofMinutes(15) : maxDelay;
        }
    }

    /**
     * @param enabled  whether the hub polls the portal; push through {@code POST /api/v1/intake/dossiers} works either
     *                 way; default true
     * @param interval time between polls; default 30s
     * @param maxPages pages taken in one poll before waiting for the next; default 10
     * @param clientId the client polled dossiers are recorded under; default {@code portal}
     * @param overlap  how far before its watermark each poll starts reading again: a dossier the portal stamps with
     *                 a time just before the watermark (clocks, or commits that land late) is still taken; those read
     *                 twice are recognised and not taken again; default 1m
     */
    public record Poll(Boolean enabled, Duration interval, Integer maxPages, String clientId, Duration overlap) {
        public Poll {
            overlap = overlap == null ? Duration.ofMinutes(1) : overlap;
            enabled = enabled == null || enabled;
            interval = interval == null ? Duration.ofSeconds(30) : interval;
            maxPages = maxPages == null ? 10 : maxPages;
            clientId = clientId == null ? "portal" : clientId;
        }
    }
}
