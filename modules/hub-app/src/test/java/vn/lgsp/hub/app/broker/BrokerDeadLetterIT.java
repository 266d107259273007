package vn.lgsp.hub.app.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;
import vn.lgsp.hub.app.support.HubIntegrationTest;

/**
 * A message the flow cannot even read is rolled back until the broker gives up on it; the broker then moves it to
 * the dead-letter queue (Artemis would drop it if no dead-letter address were set).
 */
class BrokerDeadLetterIT extends HubIntegrationTest {

    @Autowired
    ConnectionFactory connectionFactory;

    @Test
    void anUnreadableMessageEndsInTheDeadLetterQueue() throws Exception {
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.convertAndSend(Queues.DOSSIER_EVENTS, "not a dossier event");
        jms.setReceiveTimeout(1000);
        Message[] dead = new Message[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            dead[0] = jms.receiveSelected(Queues.DOSSIER_DLQ, "hubExchangeId IS NULL");
            return dead[0] != null;
        });
        assertThat(((TextMessage) dead[0]).getText()).isEqualTo("not a dossier event");
        // moved by the broker (its dead-letter address), not sent there by the flow
        assertThat(dead[0].getStringProperty("_AMQ_ORIG_ADDRESS")).isEqualTo(Queues.DOSSIER_EVENTS);
        assertThat(PORTAL.callCount()).isZero();
    }
}
