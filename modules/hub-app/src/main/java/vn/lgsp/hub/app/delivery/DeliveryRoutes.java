package vn.lgsp.hub.app.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.JMSException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.dao.DataAccessException;
import org.springframework.jms.JmsException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.audit.ExchangeLog;
import vn.lgsp.hub.audit.SubjectLedger;
import vn.lgsp.hub.core.error.HubException;
import vn.lgsp.hub.core.error.UpstreamException;

/**
 * One delivery route per {@link DeliveryFlow} bean, each a transacted JMS consumer: a message is acknowledged only
 * when the route ends without an unhandled failure.
 * <ul>
 *   <li>transient upstream failures: retried in place ({@code in-place-attempts}), then re-scheduled through the
 *       broker with backoff, then dead-lettered;</li>
 *   <li>rejections and unexpected failures: dead-lettered at once;</li>
 *   <li>the hub's own database or broker failing: the transaction rolls back and the broker offers the message
 *       again later (with its redelivery delay, then its dead-letter address).</li>
 * </ul>
 */
@Component
public class DeliveryRoutes extends RouteBuilder {

    private final Map<String, OrderedDelivery> byFlow = new LinkedHashMap<>();

    public DeliveryRoutes(List<DeliveryFlow> flows, ExchangeLog exchangeLog, SubjectLedger ledger, DeliveryQueue queue,
                          TransactionTemplate tx, Clock clock, MeterRegistry meters) {
        for (DeliveryFlow f : flows) {
            byFlow.put(f.spec().name(), new OrderedDelivery(f, exchangeLog, ledger, queue, tx, clock, meters));
        }
    }

    /** The delivery of a flow, for operator actions on its exchanges. */
    public Optional<OrderedDelivery> of(String flow) {
        return Optional.ofNullable(byFlow.get(flow));
    }

    @Override
    public void configure() {
        // every outcome is recorded and logged by OrderedDelivery, masked; Camel's own exhaustion log would repeat it
        errorHandler(defaultErrorHandler().logExhausted(false));
        byFlow.values().forEach(this::route);
    }

    private void route(OrderedDelivery delivery) {
        DeliveryFlow.Spec flow = delivery.flow().spec();
        RetryPolicy retry = flow.retry();
        // a flow with a payload reads the JMS message itself (OrderedDelivery.gate), streaming the payload to a file:
        // Camel's mapping would read a large message whole into a byte array
        from("jms:queue:" + flow.queues().events() + "?transacted=true&cacheLevelName=CACHE_CONSUMER"
                + "&concurrentConsumers=" + flow.consumers() + "&maxConcurrentConsumers=" + flow.consumers()
                + (delivery.flow().payloadDir() != null ? "&mapJmsMessage=false" : ""))
                .routeId(flow.routeId())
                // Every clause is on Exception and the choice made by onWhen on the failure itself: Camel matches
                // clauses against the innermost cause first, so a clause on a type would miss a retryable failure
                // that wraps an IOException, and a rollback that wraps an SQLException.
                .onException(Exception.class).onWhen(DeliveryRoutes::retryable)
                    .maximumRedeliveries(retry.inPlaceAttempts() - 1)
                    .redeliveryDelay(retry.inPlaceDelay().toMillis())
                    .useExponentialBackOff().backOffMultiplier(2)
                    .retryAttemptedLogLevel(LoggingLevel.DEBUG)
                    .logExhausted(false)
                    .handled(true)
                    .bean(delivery, "retryLaterOrDeadLetter")
                .end()
                .onException(Exception.class).onWhen(DeliveryRoutes::infrastructure)
                    .handled(false)
                    .logExhausted(false)
                    .log(LoggingLevel.WARN, "Database or broker unavailable; message rolled back: ${exception.message}")
                .end()
                .onException(Exception.class)
                    .handled(true)
                    .logExhausted(false)
                    .bean(delivery, "deadLetter")
                .end()
                .bean(delivery, "gate")
                .filter(exchangeProperty(OrderedDelivery.DECISION).isEqualTo(OrderedDelivery.Decision.DELIVER))
                    .bean(delivery, "attempt")
                    .bean(delivery, "delivered")
                .end();
    }

    /** An upstream failure that may mend by itself. */
    private static boolean retryable(Exchange ex) {
        return failure(ex) instanceof UpstreamException u && u.retryable();
    }

    /** The hub's own database or broker failed: nothing is wrong with the message, roll back and let it come again. */
    private static boolean infrastructure(Exchange ex) {
        for (Throwable t = failure(ex); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HubException) {
                return false;
            }
            if (t instanceof TransactionException || t instanceof DataAccessException || t instanceof JmsException
                    || t instanceof JMSException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable failure(Exchange ex) {
        return ex.getException() != null ? ex.getException()
                : ex.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
    }
}
