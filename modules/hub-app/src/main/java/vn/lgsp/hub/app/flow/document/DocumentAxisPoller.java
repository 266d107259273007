package vn.lgsp.hub.app.flow.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.app.delivery.DurableAcceptance;
import vn.lgsp.hub.app.delivery.RefusedItems;
import vn.lgsp.hub.audit.PollWatermarks;
import vn.lgsp.hub.connector.docex.axis.AckStatus;
import vn.lgsp.hub.connector.docex.axis.AxisEntry;
import vn.lgsp.hub.connector.docex.axis.FetchedPackage;
import vn.lgsp.hub.connector.docex.routes.DocexRoutes;
import vn.lgsp.hub.connector.docex.xml.EdxmlReader;
import vn.lgsp.hub.core.HubHeaders;
import vn.lgsp.hub.core.error.HubException;

/**
 * Takes the packages the national axis holds for the province's agencies. Each page is one database transaction: the
 * axis watermark (the last entry's sequence number) is locked, the page listed after it, each package fetched, read
 * and accepted for its recipient (or recorded as refused), and the watermark moved. Only after the commit is each
 * package acknowledged to the axis ({@code done}, or {@code fail} for a refused one): the transport acknowledgement is
 * separate from the business status, which the recipient sends as a status package. An acknowledgement the axis does
 * not get is logged; the package is the hub's already (the watermark is past it, and a package taken again would be
 * recognised by its event key).
 */
@Component
public class DocumentAxisPoller {

    public static final String SOURCE = "document-axis";

    private static final Logger log = LoggerFactory.getLogger(DocumentAxisPoller.class);

    private final PollWatermarks watermarks;
    private final DocumentAcceptService accept;
    private final RefusedItems refusals;
    private final EdxmlReader reader;
    private final ProducerTemplate producer;
    private final TransactionTemplate tx;
    private final DocumentFlowProperties.Poll settings;

    public DocumentAxisPoller(PollWatermarks watermarks, DocumentAcceptService accept, RefusedItems refusals,
                              EdxmlReader reader, ProducerTemplate producer, TransactionTemplate tx,
                              DocumentFlowProperties props) {
        this.watermarks = watermarks;
        this.accept = accept;
        this.refusals = refusals;
        this.reader = reader;
        this.producer = producer;
        this.tx = tx;
        this.settings = props.poll();
    }

    private record Ack(String docId, String organId, AckStatus status) {
    }

    private record Page(List<Ack> acks, boolean full) {
    }

    /** One poll: pages until the axis has no more or {@code max-pages} are taken. @return packages taken */
    public int poll() {
        String correlationId = UUID.randomUUID().toString();
        MDC.put(HubHeaders.CORRELATION_ID_MDC, correlationId);
        int taken = 0;
        try {
            for (int n = 0; n < settings.maxPages(); n++) {
                Page page = tx.execute(s -> takePage(correlationId));
                page.acks().forEach(this::acknowledge);
                taken += page.acks().size();
                if (!page.full()) {
                    break;
                }
            }
        } catch (HubException | CamelExecutionException e) {
            log.warn("Polling the document axis failed ({}); the next poll starts where this one stopped",
                    e.getMessage());
        } finally {
            MDC.remove(HubHeaders.CORRELATION_ID_MDC);
        }
        if (taken > 0) {
            log.info("Took {} packages from the document axis", taken);
        }
        return taken;
    }

    private Page takePage(String correlationId) {
        long after = watermarks.lock(SOURCE).map(p -> Long.parseLong(p.key())).orElse(0L);
        List<?> entries = producer.requestBodyAndHeaders(DocexRoutes.AXIS_RECEIVED, null,
                Map.of(DocexRoutes.AFTER_SEQ, after, DocexRoutes.LIMIT, settings.pageSize()), List.class);
        List<Ack> acks = new ArrayList<>();
        AxisEntry last = null;
        for (Object o : entries) {
            AxisEntry e = (AxisEntry) o;
            acks.add(new Ack(e.docId(), e.to(), take(e, correlationId)));
            last = e;
        }
        if (last != null) {
            Instant at = last.created() == null ? Instant.EPOCH : last.created().toInstant();
            watermarks.advance(SOURCE, new PollWatermarks.Position(at, Long.toString(last.seq())));
        }
        return new Page(acks, entries.size() >= settings.pageSize());
    }

    /** Accepts one package for its recipient; a package the hub cannot accept is recorded and acknowledged fail. */
    private AckStatus take(AxisEntry e, String correlationId) {
        FetchedPackage fetched = producer.requestBodyAndHeaders(DocexRoutes.AXIS_FETCH, null,
                Map.of(DocexRoutes.DOC_ID, e.docId(), DocexRoutes.ORGAN_ID, e.to()), FetchedPackage.class);
        try (fetched; InputStream in = fetched.openStream()) {
            accept.accept(reader.read(in), List.of(e.to()), settings.clientId(), correlationId, sender -> true);
            return AckStatus.DONE;
        } catch (IOException failure) {
            // the hub's own trouble, not the package's: roll the page back and take it again next time
            throw new UncheckedIOException("a fetched package could not be read back", failure);
        } catch (HubException refused) {
            refusals.record(new RefusedItems.Refusal(DocumentAcceptService.FLOW, "EDOC", e.to() + "|" + e.docId(),
                    DurableAcceptance.eventKey("axis", e.docId(), e.to()), settings.clientId(), correlationId,
                    refused.errorCode(), "refused from the axis (" + e.docId() + "): " + refused.getMessage()));
            return AckStatus.FAIL;
        }
    }

    private void acknowledge(Ack ack) {
        try {
            producer.requestBodyAndHeaders(DocexRoutes.AXIS_ACK, null, Map.of(DocexRoutes.DOC_ID, ack.docId(),
                    DocexRoutes.ORGAN_ID, ack.organId(), DocexRoutes.ACK_STATUS, ack.status()));
        } catch (CamelExecutionException | HubException e) {
            log.warn("The axis was not told {} for {} ({}); the package is accepted all the same", ack.status(),
                    ack.docId(), e.getMessage());
        }
    }
}
