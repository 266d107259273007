package vn.lgsp.hub.app.ops.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * {@code hub.exchanges.dead_lettered}: exchanges of each ordered flow in state {@code FAILED} (dead-lettered, waiting
 * for an operator's replay or discard), counted in the exchange log. The count is refreshed in the background every
 * {@code hub.metrics.dead-lettered-refresh}, so a scrape reads a number in memory and never queries the database;
 * while the database is away the last count stays.
 */
public class DeadLetterCounts implements MeterBinder, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterCounts.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final List<String> flows;
    private final Duration refresh;
    private final Map<String, Double> counts = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hub-dead-letter-count");
        t.setDaemon(true);
        return t;
    });

    public DeadLetterCounts(NamedParameterJdbcTemplate jdbc, List<String> flows, Duration refresh) {
        this.jdbc = jdbc;
        this.flows = List.copyOf(flows);
        this.refresh = refresh;
        flows.forEach(f -> counts.put(f, Double.NaN));
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String flow : flows) {
            Gauge.builder(HubMetrics.DEAD_LETTERED, counts, c -> c.getOrDefault(flow, Double.NaN))
                    .description("Exchanges dead-lettered (state FAILED) and not yet replayed or discarded")
                    .tag(HubMetrics.FLOW, flow)
                    .register(registry);
        }
        scheduler.scheduleWithFixedDelay(this::refresh, 0, refresh.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Counts again now; the scheduler calls it, and tests may. */
    public void refresh() {
        try {
            Map<String, Double> fresh = new HashMap<>();
            flows.forEach(f -> fresh.put(f, 0.0));
            jdbc.query("SELECT flow, COUNT(*) AS n FROM exchange WHERE state = 'FAILED' AND flow IN (:flows)"
                            + " GROUP BY flow", Map.of("flows", flows),
                    rs -> {
                        fresh.put(rs.getString("flow"), (double) rs.getLong("n"));
                    });
            counts.putAll(fresh);
        } catch (DataAccessException | IllegalStateException e) {
            log.debug("Dead-lettered exchanges not counted ({}); the last count stays", e.toString());
        } catch (RuntimeException e) {
            // the scheduler would silently stop on an exception: count again next time
            log.warn("Dead-lettered exchanges not counted", e);
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }
}
