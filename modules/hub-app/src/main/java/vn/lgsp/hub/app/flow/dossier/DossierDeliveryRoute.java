package vn.lgsp.hub.app.flow.dossier;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import vn.lgsp.hub.app.broker.Queues;
import vn.lgsp.hub.connector.portal.PortalException;

/**
 * Delivers accepted dossier events to the portal. A transacted JMS consumer: the message is acknowledged only when
 * the route ends without an unhandled failure.
 * <ul>
 *   <li>transient portal failures: retried in place ({@code in-place-attempts}), then re-scheduled through the
 *       broker with backoff, then dead-lettered;</li>
 *   <li>rejections and unexpected failures: dead-lettered at once;</li>
 *   <li>the hub's own database or broker failing: the transaction rolls back and the broker offers the message
 *       again later (with its redelivery delay, then its dead-letter address).</li>
 * </ul>
 */
@Component
public class DossierDeliveryRoute extends RouteBuilder {

    public static final String ROUTE_ID = "dossier-deliver";

    private final DossierFlowProperties props;
    private final DossierDelivery delivery;

    public DossierDeliveryRoute(DossierFlowProperties props, DossierDelivery delivery) {
        this.props = props;
        this.delivery = delivery;
    }

    @Override
    public void configure() {
        DossierFlowProperties.Retry retry = props.retry();
        // every outcome is recorded and logged by DossierDelivery, masked; Camel's own exhaustion log would repeat it
        errorHandler(defaultErrorHandler().logExhausted(false));

        from("jms:queue:" + Queues.DOSSIER_EVENTS + "?transacted=true&cacheLevelName=CACHE_CONSUMER"
                + "&concurrentConsumers=" + props.consumers() + "&maxConcurrentConsumers=" + props.consumers())
                .routeId(ROUTE_ID)
                .onException(PortalException.class).onWhen(ex -> ex.getProperty(
                                org.apache.camel.Exchange.EXCEPTION_CAUGHT, PortalException.class).retryable())
                    .maximumRedeliveries(retry.inPlaceAttempts() - 1)
                    .redeliveryDelay(retry.inPlaceDelay().toMillis())
                    .useExponentialBackOff().backOffMultiplier(2)
                    .retryAttemptedLogLevel(LoggingLevel.DEBUG)
                    .logExhausted(false)
                    .handled(true)
                    .bean(delivery, "retryLaterOrDeadLetter")
                .end()
                .onException(TransactionException.class, org.springframework.dao.DataAccessException.class,
                                org.springframework.jms.JmsException.class, jakarta.jms.JMSException.class)
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
                .filter(exchangeProperty(DossierDelivery.DECISION).isEqualTo(DossierDelivery.Decision.DELIVER))
                    .bean(delivery, "attempt")
                    .bean(delivery, "delivered")
                .end();
    }
}
