package vn.lgsp.hub.app.audit;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.lgsp.hub.app.delivery.PollingRoute;
import vn.lgsp.hub.audit.chain.ChainSealer;
import vn.lgsp.hub.audit.chain.ExchangeRetention;

/**
 * The timers of the exchange log: the sealer every {@code hub.audit.chain.interval}, the retention purge every
 * {@code hub.audit.retention.interval}. Both are polling routes: with {@code hub.cluster.enabled} one instance at a
 * time runs each (docs/ARCHITECTURE.md, "Several instances: who polls"); without it every instance runs both, and the
 * chain head's row lock makes them take turns.
 */
@Configuration(proxyBeanMethods = false)
public class AuditChainRoutes {

    public static final String SEAL_ROUTE_ID = "audit-chain-seal";
    public static final String PURGE_ROUTE_ID = "audit-retention-purge";

    @Bean
    @ConditionalOnProperty(name = "hub.audit.chain.enabled", havingValue = "true", matchIfMissing = true)
    PollingRoute auditSealRoute(AuditChainProperties props, ChainSealer sealer) {
        return new PollingRoute(SEAL_ROUTE_ID, props.chain().interval(),
                new AuditJobs.Seal(sealer, props.chain().maxBatches())) {
        };
    }

    @Bean
    @ConditionalOnProperty(name = "hub.audit.retention.enabled", havingValue = "true", matchIfMissing = true)
    PollingRoute auditPurgeRoute(AuditChainProperties props, ExchangeRetention retention, Clock clock) {
        return new PollingRoute(PURGE_ROUTE_ID, props.retention().interval(),
                new AuditJobs.Purge(retention, props.retention(), clock)) {
        };
    }
}
