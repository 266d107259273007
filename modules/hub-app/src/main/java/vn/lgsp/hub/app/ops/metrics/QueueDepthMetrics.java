package vn.lgsp.hub.app.ops.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lgsp.hub.app.broker.Queues;
import vn.lgsp.hub.app.delivery.DeliveryFlow;
import vn.lgsp.hub.app.flow.document.DocumentAcceptService;

/**
 * {@code hub.queue.depth}: messages in each flow's broker queues, read from the embedded broker's own queue objects
 * (an in-memory count; a scrape never browses a queue). With an external broker there is no embedded server to ask,
 * and these gauges are not registered: that broker's own metrics (Artemis' Prometheus plugin) report its queues.
 *
 * <p>A queue the broker does not know yet, or a broker that is stopping, reads as NaN, not as an error.
 */
public class QueueDepthMetrics implements MeterBinder {

    private static final Logger log = LoggerFactory.getLogger(QueueDepthMetrics.class);

    private final EmbeddedActiveMQ broker;
    private final List<DeliveryFlow> flows;

    /** @param broker the embedded broker; {@code null} when the hub talks to an external one */
    public QueueDepthMetrics(EmbeddedActiveMQ broker, List<DeliveryFlow> flows) {
        this.broker = broker;
        this.flows = flows;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        if (broker == null) {
            log.info("No embedded broker: {} is not reported; use the broker's own metrics", HubMetrics.QUEUE_DEPTH);
            return;
        }
        for (DeliveryFlow flow : flows) {
            String name = flow.spec().name();
            gauge(registry, name, "events", flow.spec().queues().events());
            gauge(registry, name, "parked", flow.spec().queues().parked());
            gauge(registry, name, "dead_letter", flow.spec().queues().deadLetter());
        }
        gauge(registry, DocumentAcceptService.FLOW, "inbox", Queues.DOCUMENT_INBOX);
    }

    private void gauge(MeterRegistry registry, String flow, String role, String queue) {
        Gauge.builder(HubMetrics.QUEUE_DEPTH, this, m -> m.depth(queue))
                .description("Messages in the flow's broker queue (scheduled and in-delivery ones included)")
                .tag(HubMetrics.FLOW, flow).tag(HubMetrics.QUEUE, role)
                .register(registry);
    }

    double depth(String queue) {
        try {
            ActiveMQServer server = broker.getActiveMQServer();
            if (server == null || !server.isActive()) {
                return Double.NaN;
            }
            Queue q = server.locateQueue(queue);
            return q == null ? Double.NaN : q.getMessageCount();
        } catch (RuntimeException e) {
            // a scrape while the broker stops: nothing to report, and nothing to fail
            return Double.NaN;
        }
    }
}
