package vn.lgsp.hub.app.delivery;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jms.connection.ConnectionFactoryUtils;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.core.HubHeaders;

/**
 * Sends and takes the messages of ordered flows. Inside a JMS transaction (a delivery consumer, or an operator action run in
 * one) every send and take joins it, so that moving a message from one queue to another is atomic.
 *
 * <p>A message's payload is streamed both ways: a take saves it to a temporary file, a send streams that file into a
 * new large message (the send returns once the broker has all of it, even inside a transaction).
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
    private final ConnectionFactory connectionFactory;

    /** How long a take waits for the broker to hand over a message already in the queue. */
    private static final long RECEIVE_TIMEOUT_MILLIS = 250;

    public DeliveryQueue(ConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
        this.jms = template(connectionFactory, true);
        this.direct = template(connectionFactory, false);
    }

    private static JmsTemplate template(ConnectionFactory cf, boolean transacted) {
        JmsTemplate t = new JmsTemplate(cf);
        t.setSessionTransacted(transacted);
        t.setDeliveryPersistent(true);
        t.setExplicitQosEnabled(true);
        // messages to take are already in the queue: wait only long enough for the broker to hand them over
        t.setReceiveTimeout(RECEIVE_TIMEOUT_MILLIS);
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
     * Sends within the thread's JMS transaction, streaming the message's payload file if it has one. Re-sends of an
     * exchange (retries, releases, replays) carry no duplicate id: the broker would drop them as copies of the
     * accepted send.
     *
     * @param deliverAt   epoch millis before which the broker keeps the message, or 0
     * @param errorCode   why the message is sent there (dead letters), or {@code null}
     */
    public void send(String queue, DeliveryMessage m, long deliverAt, String errorCode) {
        if (m.payload() == null) {
            send(jms, queue, m, null, null, deliverAt, errorCode);
            return;
        }
        try (InputStream payload = Files.newInputStream(m.payload())) {
            send(jms, queue, m, payload, null, deliverAt, errorCode);
        } catch (IOException e) {
            throw new UncheckedIOException("a delivery's payload file could not be read", e);
        }
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

    /**
     * Takes every message of one subject from a queue, in sequence order. Payloads are saved to temporary files in
     * {@code spoolDir} (see {@link DeliveryFlow#payloadDir()}); the caller deletes them with
     * {@link DeliveryMessage#discardPayload()}.
     */
    public List<DeliveryMessage> takeSubject(String queue, String subjectKey, Path spoolDir) {
        return take(queue, HubHeaders.SUBJECT_KEY + " = '" + quote(subjectKey) + "'", spoolDir);
    }

    /**
     * Takes the message of one exchange from a queue (normally one; more if a copy was left behind); payloads as for
     * {@link #takeSubject}.
     */
    public List<DeliveryMessage> takeExchange(String queue, String exchangeId, Path spoolDir) {
        return take(queue, HubHeaders.EXCHANGE_ID + " = '" + quote(exchangeId) + "'", spoolDir);
    }

    private List<DeliveryMessage> take(String queue, String selector, Path spoolDir) {
        Path dir = spoolDir != null ? spoolDir : Path.of(System.getProperty("java.io.tmpdir"));
        // the consumer stays open while each payload is saved: Artemis streams a large message's body through it
        List<DeliveryMessage> taken = jms.execute(session -> {
            List<DeliveryMessage> found = new ArrayList<>();
            try (MessageConsumer consumer = session.createConsumer(session.createQueue(queue), selector)) {
                Message m;
                while ((m = consumer.receive(RECEIVE_TIMEOUT_MILLIS)) != null) {
                    found.add(DeliveryMessage.fromJms(m, dir));
                }
                // as JmsTemplate's own receive: outside a surrounding transaction, the take commits by itself
                if (session.getTransacted() && !ConnectionFactoryUtils.isSessionTransactional(session,
                        connectionFactory)) {
                    session.commit();
                }
            } catch (RuntimeException | JMSException e) {
                found.forEach(DeliveryMessage::discardPayload);
                throw e;
            }
            return found;
        }, true);
        taken.sort(Comparator.comparingLong(DeliveryMessage::sequence));
        return taken;
    }

    /** Codes are validated before they get here; doubling quotes keeps a selector well-formed whatever happens. */
    private static String quote(String value) {
        return value.replace("'", "''");
    }
}
