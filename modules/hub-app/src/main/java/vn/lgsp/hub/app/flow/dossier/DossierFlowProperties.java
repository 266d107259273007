package vn.lgsp.hub.app.flow.dossier;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import vn.lgsp.hub.app.delivery.RetryPolicy;

/**
 * The dossier status sync flow (one-stop-shop → hub → portal).
 *
 * @param lifecycleLocation where the lifecycle table is; default {@code classpath:config/dossier-lifecycle.yml}
 *                          (the file under {@code config/}, packaged into the jar)
 * @param consumers         parallel delivery consumers; dossiers are spread over them, each dossier on one at a
 *                          time; default 4
 * @param retry             the delivery retry policy ({@link RetryPolicy}, under {@code hub.flow.dossier.retry})
 */
@ConfigurationProperties("hub.flow.dossier")
public record DossierFlowProperties(Resource lifecycleLocation, Integer consumers, RetryPolicy retry) {

    public DossierFlowProperties {
        consumers = consumers == null ? 4 : consumers;
        retry = retry == null ? RetryPolicy.defaults() : retry;
    }
}
