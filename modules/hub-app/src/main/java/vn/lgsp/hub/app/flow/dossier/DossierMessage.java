package vn.lgsp.hub.app.flow.dossier;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.Map;
import vn.lgsp.hub.core.HubHeaders;

/**
 * An accepted dossier event as it travels through the broker: the canonical JSON as body, the routing facts as
 * message properties. The message group is the dossier code, so one consumer at a time owns a dossier.
 *
 * @param sequence       position among the dossier's accepted events, from 1
 * @param operation      {@link DossierOperation} name
 * @param updating       whether the portal has seen this dossier before (DongBoHoSoMC {@code isUpdating})
 * @param round          re-scheduled delivery rounds so far
 * @param firstAttemptAt epoch millis of the first delivery attempt, 0 before it
 */
public record DossierMessage(String exchangeId, String dossierCode, long sequence, String operation, String eventKey,
                             boolean updating, int round, long firstAttemptAt, String json) {

    static final String UPDATING = "hubUpdating";
    static final String ROUND = "hubRound";
    static final String ERROR_CODE = "hubErrorCode";
    /** Artemis' scheduled-delivery property: the broker keeps the message until this epoch millis. */
    static final String SCHEDULED_DELIVERY = "_AMQ_SCHED_DELIVERY";
    /** Artemis' duplicate-detection property. */
    static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    public DossierMessage nextRound(long firstAttemptAtMillis) {
        return new DossierMessage(exchangeId, dossierCode, sequence, operation, eventKey, updating, round + 1,
                firstAttemptAtMillis, json);
    }

    public DossierMessage restarted() {
        return new DossierMessage(exchangeId, dossierCode, sequence, operation, eventKey, updating, 0, 0, json);
    }

    Message toJms(Session session) throws JMSException {
        TextMessage m = session.createTextMessage(json);
        m.setStringProperty("JMSXGroupID", dossierCode);
        m.setStringProperty(HubHeaders.EXCHANGE_ID, exchangeId);
        m.setStringProperty(HubHeaders.DOSSIER_CODE, dossierCode);
        m.setLongProperty(HubHeaders.SEQUENCE, sequence);
        m.setStringProperty(HubHeaders.OPERATION, operation);
        m.setStringProperty(HubHeaders.EVENT_KEY, eventKey);
        m.setBooleanProperty(UPDATING, updating);
        m.setIntProperty(ROUND, round);
        m.setLongProperty(HubHeaders.FIRST_ATTEMPT_AT, firstAttemptAt);
        return m;
    }

    static DossierMessage fromJms(Message m) throws JMSException {
        return new DossierMessage(m.getStringProperty(HubHeaders.EXCHANGE_ID),
                m.getStringProperty(HubHeaders.DOSSIER_CODE), m.getLongProperty(HubHeaders.SEQUENCE),
                m.getStringProperty(HubHeaders.OPERATION), m.getStringProperty(HubHeaders.EVENT_KEY),
                m.getBooleanProperty(UPDATING), m.getIntProperty(ROUND), m.getLongProperty(HubHeaders.FIRST_ATTEMPT_AT),
                ((TextMessage) m).getText());
    }

    /** From a message Camel consumed: the JMS properties are its headers. */
    static DossierMessage fromHeaders(Map<String, Object> h, String body) {
        return new DossierMessage((String) h.get(HubHeaders.EXCHANGE_ID), (String) h.get(HubHeaders.DOSSIER_CODE),
                ((Number) h.get(HubHeaders.SEQUENCE)).longValue(), (String) h.get(HubHeaders.OPERATION),
                (String) h.get(HubHeaders.EVENT_KEY), Boolean.TRUE.equals(h.get(UPDATING)),
                ((Number) h.getOrDefault(ROUND, 0)).intValue(),
                ((Number) h.getOrDefault(HubHeaders.FIRST_ATTEMPT_AT, 0L)).longValue(), body);
    }
}
