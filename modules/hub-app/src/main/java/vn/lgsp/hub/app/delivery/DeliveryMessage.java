package vn.lgsp.hub.app.delivery;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.InputStream;
import java.util.Map;
import vn.lgsp.hub.core.HubHeaders;

/**
 * An accepted exchange of an ordered flow as it travels through the broker: the canonical JSON as body, the routing
 * facts as message properties. The message group is the subject (a dossier code), so one consumer at a time owns a
 * subject. A flow that carries a large payload (a document package) sends it as the body of a bytes message, which
 * Artemis stores and moves as a large message, and the JSON (then small: routing facts only) as a property.
 *
 * @param subjectKey     what the flow keeps in order: the dossier code
 * @param sequence       position among the subject's accepted exchanges, from 1
 * @param operation      the flow's operation name
 * @param updating       whether an earlier exchange of the subject was accepted before this one
 * @param round          re-scheduled delivery rounds so far
 * @param firstAttemptAt epoch millis of the first delivery attempt, 0 before it
 * @param payload        the large payload, or {@code null} for a flow whose JSON is the whole message
 */
public record DeliveryMessage(String exchangeId, String subjectKey, long sequence, String operation, String eventKey,
                              boolean updating, int round, long firstAttemptAt, String json, byte[] payload) {

    public DeliveryMessage(String exchangeId, String subjectKey, long sequence, String operation, String eventKey,
                           boolean updating, int round, long firstAttemptAt, String json) {
        this(exchangeId, subjectKey, sequence, operation, eventKey, updating, round, firstAttemptAt, json, null);
    }

    static final String UPDATING = "hubUpdating";
    static final String ROUND = "hubRound";
    static final String ERROR_CODE = "hubErrorCode";
    /** The JSON of a message whose body is its payload. */
    static final String JSON = "hubJson";
    /** Artemis' way to stream a bytes message's body from an input stream, as a large message. */
    static final String BODY_INPUT_STREAM = "JMS_AMQ_InputStream";
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

    /** @param payloadSource a stream to send as the payload instead of {@link #payload()}, or {@code null} */
    Message toJms(Session session, InputStream payloadSource) throws JMSException {
        Message m;
        if (payloadSource != null || payload != null) {
            BytesMessage b = session.createBytesMessage();
            if (payloadSource != null) {
                b.setObjectProperty(BODY_INPUT_STREAM, payloadSource);
            } else {
                b.writeBytes(payload);
            }
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

    static DeliveryMessage fromJms(Message m) throws JMSException {
        byte[] payload = null;
        String json;
        if (m instanceof BytesMessage b) {
            payload = new byte[(int) b.getBodyLength()];
            b.readBytes(payload);
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

    /** From a message Camel consumed: the JMS properties are its headers; a bytes message's body is a byte array. */
    static DeliveryMessage fromHeaders(Map<String, Object> h, Object body) {
        byte[] payload = body instanceof byte[] bytes ? bytes : null;
        String json = payload != null ? (String) h.get(JSON) : (String) body;
        return new DeliveryMessage((String) h.get(HubHeaders.EXCHANGE_ID), (String) h.get(HubHeaders.SUBJECT_KEY),
                ((Number) h.get(HubHeaders.SEQUENCE)).longValue(), (String) h.get(HubHeaders.OPERATION),
                (String) h.get(HubHeaders.EVENT_KEY), Boolean.TRUE.equals(h.get(UPDATING)),
                ((Number) h.getOrDefault(ROUND, 0)).intValue(),
                ((Number) h.getOrDefault(HubHeaders.FIRST_ATTEMPT_AT, 0L)).longValue(), json, payload);
    }
}
