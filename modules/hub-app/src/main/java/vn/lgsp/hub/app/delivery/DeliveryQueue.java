package vn.lgsp.hub.app.delivery;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.support.JmsUtils;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.core.HubHeaders;

/**
 * Sends and takes the messages of ordered flows. Inside a JMS transaction (a delivery consumer, or an operator action run in
 * one) every send and take joins it, so that moving a message from one queue to another is atomic.
 */
@Component
public class DeliveryQueue {

    /** Joins the JMS transaction of the thread, if any, else commits each operation on its own. */
    private final JmsTemplate jms;
    /**
     * Never joins a transaction: each send is stored by the broker before it returns (Artemis blocks on durable
     * sends). Acceptance uses it so that a send can never be left to commit after the database transaction.
     */
    private final JmsTemplate direct;

    public DeliveryQueue(ConnectionFactory connectionFactory) {
        this.jms = template(connectionFactory, true);
        this.direct = template(connectionFactory, false);
    }

    private static JmsTemplate template(ConnectionFactory cf, boolean transacted) {
        JmsTemplate t = new JmsTemplate(cf);
        t.setSessionTransacted(transacted);
        t.setDeliveryPersistent(true);
        t.setExplicitQosEnabled(true);
        // messages to take are already in the queue: wait only long enough for the broker to hand them over
        t.setReceiveTimeout(250);
        return t;
    }

    /** Sends at once, durably, outside any transaction: for acceptance. */
    public void sendNow(String queue, DeliveryMessage m, String duplicateId) {
        send(direct, queue, m, null, duplicateId, 0, null);
    }

    /**
     * Sends at once, durably, outside any transaction, with a payload streamed from {@code payload} into the broker
     * (a large message: the payload is never whole in heap); the stream is closed after the send.
     */
    public void sendNow(String queue, DeliveryMessage m, String duplicateId, InputStream payload) {
        try (payload) {
            send(direct, queue, m, payload, duplicateId, 0, null);
        } catch (IOException e) {
            throw new UncheckedIOException("the payload's source could not be closed", e);
        }
    }

    /**
     * Sends within the thread's JMS transaction. Re-sends of an exchange (retries, releases, replays) carry no
     * duplicate id: the broker would drop them as copies of the accepted send.
     *
     * @param deliverAt   epoch millis before which the broker keeps the message, or 0
     * @param errorCode   why the message is sent there (dead letters), or {@code null}
     */
    public void send(String queue, DeliveryMessage m, long deliverAt, String errorCode) {
        send(jms, queue, m, null, null, deliverAt, errorCode);
    }

    private static void send(JmsTemplate template, String queue, DeliveryMessage m, InputStream payload,
                             String duplicateId, long deliverAt, String errorCode) {
        template.send(queue, session -> {
            Message msg = m.toJms(session, payload);
            if (duplicateId != null) {
                msg.setStringProperty(DeliveryMessage.DUPLICATE_ID, duplicateId);
            }
            if (deliverAt > 0) {
                msg.setLongProperty(DeliveryMessage.SCHEDULED_DELIVERY, deliverAt);
            }
            if (errorCode != null) {
                msg.setStringProperty(DeliveryMessage.ERROR_CODE, errorCode);
            }
            return msg;
        });
    }

    /** Takes every message of one subject from a queue, in sequence order. */
    public List<DeliveryMessage> takeSubject(String queue, String subjectKey) {
        return take(queue, HubHeaders.SUBJECT_KEY + " = '" + quote(subjectKey) + "'");
    }

    /** Takes the message of one exchange from a queue (normally one; more if a copy was left behind). */
    public List<DeliveryMessage> takeExchange(String queue, String exchangeId) {
        return take(queue, HubHeaders.EXCHANGE_ID + " = '" + quote(exchangeId) + "'");
    }

    private List<DeliveryMessage> take(String queue, String selector) {
        List<DeliveryMessage> taken = new ArrayList<>();
        Message m;
        while ((m = jms.receiveSelected(queue, selector)) != null) {
            try {
                taken.add(DeliveryMessage.fromJms(m));
            } catch (JMSException e) {
                throw JmsUtils.convertJmsAccessException(e);
            }
        }
        taken.sort(Comparator.comparingLong(DeliveryMessage::sequence));
        return taken;
    }

    /** Codes are validated before they get here; doubling quotes keeps a selector well-formed whatever happens. */
    private static String quote(String value) {
        return value.replace("'", "''");
    }
}
