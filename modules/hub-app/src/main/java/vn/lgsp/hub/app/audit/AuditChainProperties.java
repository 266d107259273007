package vn.lgsp.hub.app.audit;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tamper evidence and retention of the exchange log.
 *
 * @param chain     the sealer that hash-chains timeline events ({@code hub.audit.chain.*})
 * @param retention the purge of old finished exchanges ({@code hub.audit.retention.*})
 */
@ConfigurationProperties("hub.audit")
public record AuditChainProperties(Chain chain, Retention retention) {

    public AuditChainProperties {
        chain = chain == null ? new Chain(null, null, null, null, null) : chain;
        retention = retention == null ? new Retention(null, null, null, null, null) : retention;
    }

    /**
     * @param enabled    whether this instance runs the sealer; any number of instances may, one seals at a time;
     *                   default true
     * @param interval   time between sealer runs: events younger than this are not yet covered; default 2s
     * @param batchSize  events sealed in one transaction; default 500
     * @param maxBatches batches sealed in one run before waiting for the next; default 20
     * @param pageSize   events read at a time by the verification; default 1000
     */
    public record Chain(Boolean enabled, Duration interval, Integer batchSize, Integer maxBatches, Integer pageSize) {
        public Chain {
            enabled = enabled == null || enabled;
            interval = interval == null ? Duration.ofSeconds(2) : interval;
            batchSize = batchSize == null ? 500 : batchSize;
            maxBatches = maxBatches == null ? 20 : maxBatches;
            pageSize = pageSize == null ? 1000 : pageSize;
        }
    }

    /**
     * @param enabled    whether this instance runs the purge; default true
     * @param keep       how long a finished exchange is kept after its last change, as a period ({@code 10y},
     *                   {@code 6m}, {@code 400d}); default 10y
     * @param interval   time between purge runs; default 1h
     * @param batchSize  exchanges purged in one transaction; default 200
     * @param maxBatches batches purged in one run; default 50
     */
    public record Retention(Boolean enabled, Period keep, Duration interval, Integer batchSize, Integer maxBatches) {
        public Retention {
            enabled = enabled == null || enabled;
            keep = keep == null ? Period.ofYears(10) : keep;
            interval = interval == null ? Duration.ofHours(1) : interval;
            batchSize = batchSize == null ? 200 : batchSize;
            maxBatches = maxBatches == null ? 50 : maxBatches;
        }
    }
}
