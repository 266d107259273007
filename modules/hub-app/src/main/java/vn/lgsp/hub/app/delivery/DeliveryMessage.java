package vn.lgsp.hub.app.delivery;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lgsp.hub.core.HubHeaders;

/**
 * An accepted exchange of an ordered flow as it travels through the broker: the canonical JSON as body, the routing
 * facts as message properties. The message group is the subject (a dossier code), so one consumer at a time owns a
 * subject. A flow that carries a large payload (a document package) sends it as the body of a bytes message, which
 * Artemis stores and moves as a large message, and the JSON (then small: routing facts only) as a property.
 *
 * <p>A payload is never whole in heap: a consumed message's body is saved to a temporary file ({@link #fromJms}), and
 * every re-send streams that file into a new large message. Whoever took the message deletes the file when done with
 * it ({@link #discardPayload()}).
 *
 * @param subjectKey     what the flow keeps in order: the dossier code
 * @param sequence       position among the subject's accepted exchanges, from 1
 * @param operation      the flow's operation name
 * @param updating       whether an earlier exchange of the subject was accepted before this one
 * @param round          re-scheduled delivery rounds so far
 * @param firstAttemptAt epoch millis of the first delivery attempt, 0 before it
 * @param payload        the temporary file holding the large payload, or {@code null} for a flow whose JSON is the
 *                       whole message
 */
public record DeliveryMessage(String exchangeId, String subjectKey, long sequence, String operation, String eventKey,
                              boolean updating, int round, long firstAttemptAt, String json, Path payload) {

    public DeliveryMessage(String exchangeId, String subjectKey, long sequence, String operation, String eventKey,
                           boolean updating, int round, long firstAttemptAt, String json) {
        this(exchangeId, subjectKey, sequence, operation, eventKey, updating, round, firstAttemptAt, json, null);
    }

    private static final Logger log = LoggerFactory.getLogger(DeliveryMessage.class);

    static final String UPDATING = "hubUpdating";
    static final String ROUND = "hubRound";
    static final String ERROR_CODE = "hubErrorCode";
    /** The JSON of a message whose body is its payload. */
    static final String JSON = "hubJson";
    /** Artemis' way to stream a bytes message's body from an input stream, as a large message. */
    static final String BODY_INPUT_STREAM = "JMS_AMQ_InputStream";
    /** Artemis' way to save a received bytes message's body to an output stream; blocks until all of it is written. */
    static final String BODY_SAVE_STREAM = "JMS_AMQ_SaveStream";
    /** Artemis' scheduled-delivery property: the broker keeps the message until this epoch millis. */
    static final String SCHEDULED_DELIVERY = "_AMQ_SCHED_DELIVERY";
    /** Artemis' duplicate-detection property. */
    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    public DeliveryMessage nextRound(long firstAttemptAtMillis) {
        return new DeliveryMessage(exchangeId, subjectKey, sequence, operation, eventKey, updating, round + 1,
                firstAttemptAtMillis, json, payload);
    }

    public DeliveryMessage restarted() {
        return new DeliveryMessage(exchangeId, subjectKey, sequence, operation, eventKey, updating, 0, 0, json,
                payload);
    }

    /**
     * @param payloadSource the payload, streamed into the broker as the message is sent (the caller opens it from
     *                      {@link #payload()} or from acceptance's file, and closes it after the send), or {@code null}
     *                      for a message without one
     */
    Message toJms(Session session, InputStream payloadSource) throws JMSException {
        Message m;
        if (payloadSource != null) {
            BytesMessage b = session.createBytesMessage();
            b.setObjectProperty(BODY_INPUT_STREAM, payloadSource);
            b.setStringProperty(JSON, json);
            m = b;
        } else {
            m = session.createTextMessage(json);
        }
        m.setStringProperty("JMSXGroupID", subjectKey);
        m.setStringProperty(HubHeaders.EXCHANGE_ID, exchangeId);
        m.setStringProperty(HubHeaders.SUBJECT_KEY, subjectKey);
        m.setLongProperty(HubHeaders.SEQUENCE, sequence);
        m.setStringProperty(HubHeaders.OPERATION, operation);
        m.setStringProperty(HubHeaders.EVENT_KEY, eventKey);
        m.setBooleanProperty(UPDATING, updating);
        m.setIntProperty(ROUND, round);
        m.setLongProperty(HubHeaders.FIRST_ATTEMPT_AT, firstAttemptAt);
        return m;
    }

    /**
     * From a consumed message; a bytes message's body is saved to a new temporary file in {@code spoolDir}, which the
     * caller deletes with {@link #discardPayload()}. Must be called while the message's consumer is open: Artemis
     * fetches a large message's body from the broker as it is saved.
     */
    static DeliveryMessage fromJms(Message m, Path spoolDir) throws JMSException {
        Path payload = null;
        String json;
        if (m instanceof BytesMessage b) {
            payload = spool(b, spoolDir);
            json = b.getStringProperty(JSON);
        } else {
            json = ((TextMessage) m).getText();
        }
        return new DeliveryMessage(m.getStringProperty(HubHeaders.EXCHANGE_ID),
                m.getStringProperty(HubHeaders.SUBJECT_KEY), m.getLongProperty(HubHeaders.SEQUENCE),
                m.getStringProperty(HubHeaders.OPERATION), m.getStringProperty(HubHeaders.EVENT_KEY),
                m.getBooleanProperty(UPDATING), m.getIntProperty(ROUND), m.getLongProperty(HubHeaders.FIRST_ATTEMPT_AT),
                json, payload);
    }

    /**
     * From a text message Camel consumed and mapped: the JMS properties are its headers. Flows with a payload read the
     * JMS message itself instead ({@link #fromJms}), so that Camel never maps a package to a byte array.
     */
    static DeliveryMessage fromHeaders(Map<String, Object> h, Object body) {
        String json = (String) body;
        Path payload = null;
        return new DeliveryMessage((String) h.get(HubHeaders.EXCHANGE_ID), (String) h.get(HubHeaders.SUBJECT_KEY),
                ((Number) h.get(HubHeaders.SEQUENCE)).longValue(), (String) h.get(HubHeaders.OPERATION),
                (String) h.get(HubHeaders.EVENT_KEY), Boolean.TRUE.equals(h.get(UPDATING)),
                ((Number) h.getOrDefault(ROUND, 0)).intValue(),
                ((Number) h.getOrDefault(HubHeaders.FIRST_ATTEMPT_AT, 0L)).longValue(), json, payload);
    }

    /** Deletes the payload's temporary file, if any; a file left behind is only disk space, so a failure is logged. */
    public void discardPayload() {
        if (payload != null) {
            try {
                Files.deleteIfExists(payload);
            } catch (IOException e) {
                log.warn("A delivery's temporary payload file could not be removed ({})", e.getClass().getSimpleName());
            }
        }
    }

    private static Path spool(BytesMessage b, Path spoolDir) throws JMSException {
        Path file;
        try {
            Files.createDirectories(spoolDir);
            file = Files.createTempFile(spoolDir, "delivery-", ".xml");
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary file for a delivery's payload", e);
        }
        boolean saved = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            b.setObjectProperty(BODY_SAVE_STREAM, out);
            saved = true;
        } catch (IOException e) {
            throw new UncheckedIOException("a delivery's payload could not be saved to a temporary file", e);
        } finally {
            if (!saved) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    log.warn("A delivery's temporary payload file could not be removed ({})",
                            e.getClass().getSimpleName());
                }
            }
        }
        return file;
    }
}
