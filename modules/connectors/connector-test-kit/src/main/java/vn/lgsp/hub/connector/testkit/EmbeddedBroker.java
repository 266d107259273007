package vn.lgsp.hub.connector.testkit;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Opt-in: an Artemis broker in the test's JVM, in-VM acceptor only, no persistence, no security, for a connector whose
 * routes read or write queues. Needs {@code org.apache.activemq:artemis-jakarta-server} (and Spring Boot's Artemis
 * starter) in the connector's own test dependencies. Started when first asked for, stopped after the class;
 * {@link #register} points Spring Boot's Artemis client at it.
 */
public final class EmbeddedBroker implements AfterAllCallback {

    private static final AtomicInteger SERVER_IDS = new AtomicInteger(100);

    private EmbeddedActiveMQ broker;
    private String url;

    /** Adds {@code spring.artemis.*} so that the connection factory of the test's context reaches this broker. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.artemis.mode", () -> "native");
        registry.add("spring.artemis.embedded.enabled", () -> "false");
        registry.add("spring.artemis.broker-url", this::url);
    }

    /** The broker's {@code vm://} URL; starts it. */
    public synchronized String url() {
        if (broker == null) {
            // a server id of the class's own, so that two test classes in one JVM do not share a broker
            url = "vm://" + SERVER_IDS.incrementAndGet();
            Configuration configuration = new ConfigurationImpl()
                    .setPersistenceEnabled(false)
                    .setSecurityEnabled(false)
                    .setJMXManagementEnabled(false);
            try {
                configuration.addAcceptorConfiguration("in-vm", url);
                EmbeddedActiveMQ started = new EmbeddedActiveMQ().setConfiguration(configuration);
                started.start();
                broker = started;
            } catch (Exception e) {
                throw new IllegalStateException("the embedded broker did not start", e);
            }
        }
        return url;
    }

    /** Messages waiting on the queue {@code name}; 0 when there is no such queue. */
    public long messageCount(String name) {
        url();
        Queue queue = broker.getActiveMQServer().locateQueue(SimpleString.of(name));
        return queue == null ? 0 : queue.getMessageCount();
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) throws Exception {
        if (broker != null) {
            broker.stop();
            broker = null;
        }
    }
}
