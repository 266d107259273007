package vn.lgsp.hub.app.broker;

import jakarta.jms.ConnectionFactory;
import java.util.List;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.JmsTransactionManager;
import vn.lgsp.hub.app.delivery.DeliveryQueues;
import vn.lgsp.hub.app.routes.AsyncDeliveryFlow;
import vn.lgsp.hub.app.routes.RouteFiles;
import vn.lgsp.hub.app.routes.RouteTemplates;

/**
 * Broker-side settings the hub relies on. For the embedded broker they are applied here; an external broker
 * (profile {@code production}) must have the same settings in its {@code broker.xml}: {@code config/broker.xml} has
 * them, with every queue of {@link Queues}. A change here belongs there too.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BrokerConfiguration.BrokerProperties.class)
public class BrokerConfiguration {

    /**
     * Redelivery of a message whose consumer transaction rolled back (the hub's database away, the hub crashing):
     * not the delivery retry policy, which the flow applies itself.
     *
     * @param maxDeliveryAttempts rollbacks before the broker moves a message to the dead-letter queue; default 20.
     *                            Artemis drops the message at this point when no dead-letter address is set, so one
     *                            always is.
     * @param redeliveryDelayMs   first delay before a rolled-back message is offered again; default 1000
     * @param maxRedeliveryDelayMs cap of that delay as it doubles; default 60000
     * @param idCacheSize         duplicate-detection ids remembered per address, persisted; default 100000
     */
    @ConfigurationProperties("hub.broker")
    public record BrokerProperties(Integer maxDeliveryAttempts, Long redeliveryDelayMs, Long maxRedeliveryDelayMs,
                                   Integer idCacheSize) {
        public BrokerProperties {
            maxDeliveryAttempts = maxDeliveryAttempts == null ? 20 : maxDeliveryAttempts;
            redeliveryDelayMs = redeliveryDelayMs == null ? 1000L : redeliveryDelayMs;
            maxRedeliveryDelayMs = maxRedeliveryDelayMs == null ? 60000L : maxRedeliveryDelayMs;
            idCacheSize = idCacheSize == null ? 100_000 : idCacheSize;
        }
    }

    @Bean
    ArtemisConfigurationCustomizer hubAddressSettings(BrokerProperties props, RouteFiles routeFiles) {
        return config -> {
            config.setPersistIDCache(true);
            config.setIDCacheSize(props.idCacheSize());
            // Order within a dossier does not depend on the broker's redelivery order: the flow checks each event's
            // sequence number and parks those that come early. So a redelivery delay is safe here.
            SimpleString expired = SimpleString.of(Queues.EXPIRED);
            for (DeliveryQueues q : Queues.ALL) {
                flowSettings(config, props, q);
            }
            // the route files' flows are not known when an external broker is configured: their queues are created
            // on first use, with the redelivery of the other flows and a shared dead-letter address...
            config.addAddressSetting(Queues.ROUTES_MATCH, redelivery(props, Queues.ROUTES_DLQ)
                    .setAutoCreateAddresses(true).setAutoCreateQueues(true)
                    .setAutoDeleteAddresses(false).setAutoDeleteQueues(false)
                    .setDefaultAddressRoutingType(RoutingType.ANYCAST));
            config.addAddressSetting(Queues.ROUTES_DLQ_MATCH, deadLetters(expired));
            config.addAddressSetting(Queues.ROUTES_DLQ, deadLetters(expired));
            queue(config, Queues.ROUTES_DLQ);
            // ...which the embedded broker, which knows the files, replaces by each flow's own. The queues exist
            // from the start: the broker drops a message whose dead-letter address has no queue yet
            for (RouteFiles.TemplatedRoute r : routeFiles.templatedRoutes()) {
                if (RouteTemplates.ASYNC_DELIVERY.equals(r.template())) {
                    DeliveryQueues q = AsyncDeliveryFlow.queues(r.parameters().get("service"),
                            r.parameters().get("operation"));
                    flowSettings(config, props, q);
                    List.of(q.events(), q.parked(), q.deadLetter()).forEach(name -> queue(config, name));
                }
            }
            // an inbox is browsed and taken from by selector, never consumed by a listener that could roll back
            config.addAddressSetting(Queues.DOCUMENT_INBOX,
                    new AddressSettings().setMaxDeliveryAttempts(-1).setExpiryAddress(expired));
            config.addAddressSetting(Queues.EXPIRED, new AddressSettings().setMaxDeliveryAttempts(-1));
        };
    }

    private static void flowSettings(org.apache.activemq.artemis.core.config.Configuration config,
                                     BrokerProperties props, DeliveryQueues q) {
        AddressSettings hub = redelivery(props, q.deadLetter());
        config.addAddressSetting(q.events(), hub);
        config.addAddressSetting(q.parked(), hub);
        // nothing ever expires or is dropped from a dead-letter queue; an operator empties it
        config.addAddressSetting(q.deadLetter(), deadLetters(SimpleString.of(Queues.EXPIRED)));
    }

    private static void queue(org.apache.activemq.artemis.core.config.Configuration config, String name) {
        config.addQueueConfiguration(QueueConfiguration.of(name).setAddress(name)
                .setRoutingType(RoutingType.ANYCAST).setDurable(true));
    }

    private static AddressSettings redelivery(BrokerProperties props, String deadLetter) {
        return new AddressSettings()
                .setDeadLetterAddress(SimpleString.of(deadLetter))
                .setExpiryAddress(SimpleString.of(Queues.EXPIRED))
                .setMaxDeliveryAttempts(props.maxDeliveryAttempts())
                .setRedeliveryDelay(props.redeliveryDelayMs())
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(props.maxRedeliveryDelayMs());
    }

    private static AddressSettings deadLetters(SimpleString expired) {
        return new AddressSettings().setMaxDeliveryAttempts(-1).setExpiryAddress(expired);
    }

    /** The transaction of the delivery consumers; sends made while it is active join it. */
    @Bean
    JmsTransactionManager jmsTransactionManager(ConnectionFactory connectionFactory) {
        return new JmsTransactionManager(connectionFactory);
    }
}
