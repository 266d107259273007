package vn.lgsp.hub.app.audit;

import java.time.Clock;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import vn.lgsp.hub.audit.chain.ChainSealer;
import vn.lgsp.hub.audit.chain.ExchangeRetention;

/** What the audit timers call: sealing the chain and purging old exchanges. */
public final class AuditJobs {

    private static final Logger LOG = LoggerFactory.getLogger(AuditJobs.class);

    private AuditJobs() {
    }

    /** Extends the chain over the events committed since the last run. */
    public static final class Seal {
        private final ChainSealer sealer;
        private final int maxBatches;

        Seal(ChainSealer sealer, int maxBatches) {
            this.sealer = sealer;
            this.maxBatches = maxBatches;
        }

        public void poll() {
            try {
                long n = sealer.seal(maxBatches);
                if (n > 0) {
                    LOG.debug("sealed {} exchange-log events", n);
                }
            } catch (PessimisticLockingFailureException e) {
                // another instance (or the purge) held the chain head too long; the next run carries on
                LOG.debug("chain head busy, sealing at the next run: {}", e.getMessage());
            }
        }
    }

    /** Deletes finished exchanges older than the retention period. */
    public static final class Purge {
        private final ExchangeRetention retention;
        private final AuditChainProperties.Retention props;
        private final Clock clock;

        Purge(ExchangeRetention retention, AuditChainProperties.Retention props, Clock clock) {
            this.retention = retention;
            this.props = props;
            this.clock = clock;
        }

        public void poll() {
            var cutoff = clock.instant().atZone(ZoneOffset.UTC).minus(props.keep()).toInstant();
            try {
                long n = retention.purge(cutoff, props.maxBatches());
                if (n > 0) {
                    LOG.info("retention: purged {} finished exchanges last changed before {}", n, cutoff);
                }
            } catch (PessimisticLockingFailureException e) {
                LOG.debug("chain head busy, purging at the next run: {}", e.getMessage());
            }
        }
    }
}
