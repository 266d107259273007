package vn.lgsp.hub.connector.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmbeddedBrokerTest {

    @RegisterExtension
    static final EmbeddedBroker broker = new EmbeddedBroker();

    @Test
    void acceptsMessagesOverItsInVmUrlAndCountsThem() throws Exception {
        assertThat(broker.messageCount("connector.test")).isZero();

        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(broker.url());
                Connection connection = factory.createConnection();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            session.createProducer(session.createQueue("connector.test")).send(session.createTextMessage("m"));
        }

        assertThat(broker.url()).startsWith("vm://");
        await().until(() -> broker.messageCount("connector.test"), count -> count == 1);
    }
}
