package vn.lgsp.hub.app.flow.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.connection.JmsTransactionManager;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.app.broker.Queues;
import vn.lgsp.hub.audit.ExchangeLog;
import vn.lgsp.hub.audit.ExchangeState;
import vn.lgsp.hub.audit.ExchangeStep;
import vn.lgsp.hub.connector.docex.model.Organization;
import vn.lgsp.hub.connector.docex.model.ResponseFor;
import vn.lgsp.hub.connector.docex.model.StatusCode;
import vn.lgsp.hub.connector.docex.model.StatusPackage;
import vn.lgsp.hub.connector.docex.model.TraceHeaderList;
import vn.lgsp.hub.core.HubHeaders;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;
import vn.lgsp.hub.core.ids.AgencyCode;

/**
 * The inboxes of agencies that fetch their packages instead of receiving them by push. An inbox is the broker's
 * {@value Queues#DOCUMENT_INBOX} queue seen through a selector on the agency: listing browses properties only (never
 * a payload), fetching streams one payload out, acknowledging takes the message away and, for a document, sends status
 * {@code 01} (arrived) back to its sender.
 */
@Service
public class DocumentInbox {

    private static final Logger log = LoggerFactory.getLogger(DocumentInbox.class);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String JSON = "hubJson";
    /** Artemis' property that saves a received bytes message's body to an output stream, blocking until done. */
    private static final String SAVE_STREAM = "JMS_AMQ_SaveStream";

    private final JmsTemplate jms;
    private final TransactionTemplate jmsTx;
    private final TransactionTemplate dbTx;
    private final ExchangeLog exchangeLog;
    private final DocumentAcceptService accept;
    private final ObjectMapper json;
    private final Clock clock;

    public DocumentInbox(ConnectionFactory connectionFactory, JmsTransactionManager jmsTransactionManager,
                         TransactionTemplate dbTx, ExchangeLog exchangeLog, DocumentAcceptService accept,
                         ObjectMapper json, Clock clock) {
        this.jms = new JmsTemplate(connectionFactory);
        this.jms.setSessionTransacted(true);
        this.jms.setReceiveTimeout(250);
        this.jmsTx = new TransactionTemplate(jmsTransactionManager);
        this.dbTx = dbTx;
        this.exchangeLog = exchangeLog;
        this.accept = accept;
        this.json = json;
        this.clock = clock;
    }

    /** One waiting package, as listed. */
    public record Entry(String exchangeId, String documentId, String messageType, String from, String statusCode,
                        long bytes, Instant arrivedAt) {
    }

    public List<Entry> list(String agencyCode) {
        List<Entry> entries = jms.browseSelected(Queues.DOCUMENT_INBOX, agencySelector(agencyCode), (s, browser) -> {
            List<Entry> found = new ArrayList<>();
            for (Object o : Collections.list(browser.getEnumeration())) {
                Message m = (Message) o;
                DocumentMeta meta = meta(m);
                found.add(new Entry(m.getStringProperty(HubHeaders.EXCHANGE_ID), meta.documentId(),
                        meta.messageType(), meta.from(), meta.statusCode(), meta.bytes(),
                        Instant.ofEpochMilli(m.getJMSTimestamp())));
            }
            return found;
        });
        return entries == null ? List.of() : entries;
    }

    /**
     * Streams one waiting package to {@code out}.
     *
     * @throws HubException {@code request.not_found} when the agency's inbox holds no such package
     */
    public void fetch(String agencyCode, String exchangeId, OutputStream out) {
        Boolean found = jms.browseSelected(Queues.DOCUMENT_INBOX, oneSelector(agencyCode, exchangeId),
                (s, browser) -> {
                    if (!browser.getEnumeration().hasMoreElements()) {
                        return false;
                    }
                    copy((BytesMessage) browser.getEnumeration().nextElement(), out);
                    return true;
                });
        if (!Boolean.TRUE.equals(found)) {
            throw notWaiting(agencyCode, exchangeId);
        }
    }

    /**
     * The agency has the package: it leaves the inbox, and a document's sender gets status 01. The status is accepted
     * (durably) before the package is taken, and the acknowledgement is recorded with it, so a repeated
     * acknowledgement after a failure in between takes the package without sending 01 twice.
     */
    public void acknowledge(String agencyCode, String exchangeId) {
        DocumentMeta meta = jms.browseSelected(Queues.DOCUMENT_INBOX, oneSelector(agencyCode, exchangeId),
                (s, browser) -> browser.getEnumeration().hasMoreElements()
                        ? meta((Message) browser.getEnumeration().nextElement()) : null);
        if (meta == null) {
            throw notWaiting(agencyCode, exchangeId);
        }
        dbTx.executeWithoutResult(t -> {
            boolean acknowledgedBefore = exchangeLog.events(exchangeId).stream()
                    .anyMatch(e -> e.step() == ExchangeStep.ACKNOWLEDGED);
            if (acknowledgedBefore) {
                return;
            }
            exchangeLog.changeState(exchangeId, ExchangeState.DELIVERED, ExchangeStep.ACKNOWLEDGED, null,
                    "fetched by " + agencyCode);
            if (DocumentMeta.EDOC.equals(meta.messageType())) {
                accept.accept(arrived(agencyCode, meta), null, "hub", null, sender -> true);
            }
        });
        jmsTx.executeWithoutResult(t -> jms.receiveSelected(Queues.DOCUMENT_INBOX,
                oneSelector(agencyCode, exchangeId)));
        log.info("Agency {} acknowledged exchange {} ({} {})", agencyCode, exchangeId, meta.messageType(),
                meta.documentId());
    }

    /** Status 01 from the agency that fetched the document, back to the document's sender. */
    private StatusPackage arrived(String agencyCode, DocumentMeta meta) {
        return new StatusPackage(new ResponseFor(meta.from(), null, null, meta.documentId()),
                Organization.of(agencyCode, null), StatusCode.ARRIVED, "Đã đến",
                LocalDateTime.ofInstant(clock.instant(), VIETNAM).withNano(0), null,
                new TraceHeaderList(List.of(), null), null);
    }

    private DocumentMeta meta(Message m) throws JMSException {
        try {
            return json.readValue(m.getStringProperty(JSON), DocumentMeta.class);
        } catch (JsonProcessingException e) {
            throw new HubException(ErrorCode.INTERNAL, "an inbox message's metadata cannot be read", e);
        }
    }

    /**
     * Artemis' save-to-stream, not {@code readBytes}: reading a large message's bytes makes the client buffer its
     * whole body in heap first, while saving passes it to {@code out} chunk by chunk as it comes from the broker.
     */
    private static void copy(BytesMessage m, OutputStream out) throws JMSException {
        m.setObjectProperty(SAVE_STREAM, out);
    }

    private static HubException notWaiting(String agencyCode, String exchangeId) {
        return new HubException(ErrorCode.NOT_FOUND, "No package " + exchangeId + " waits in the inbox of "
                + agencyCode);
    }

    /** Agency codes are checked before they get here; the parse keeps a selector well-formed whatever happens. */
    private static String agencySelector(String agencyCode) {
        String code = AgencyCode.parse(agencyCode, "agencyCode").value();
        return HubHeaders.SUBJECT_KEY + " LIKE '" + code + "|%'";
    }

    private static String oneSelector(String agencyCode, String exchangeId) {
        if (!exchangeId.matches("[0-9a-fA-F-]{36}")) {
            throw notWaiting(agencyCode, exchangeId);
        }
        return agencySelector(agencyCode) + " AND " + HubHeaders.EXCHANGE_ID + " = '" + exchangeId + "'";
    }
}
