package vn.lgsp.hub.app.flow.intake;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.app.ops.metrics.HubMetrics;
import vn.lgsp.hub.audit.PollWatermarks;
import vn.lgsp.hub.connector.portal.IntakeCursor;
import vn.lgsp.hub.connector.portal.IntakeItem;
import vn.lgsp.hub.connector.portal.IntakePage;
import vn.lgsp.hub.connector.portal.PortalRoutes;
import vn.lgsp.hub.core.HubHeaders;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;
import vn.lgsp.hub.core.error.ValidationException;

/**
 * Takes new dossiers from the portal's intake list. Each page is one database transaction: the source's watermark
 * row is locked (so one hub instance polls at a time), the page is fetched after the watermark, every item is
 * accepted (queued durably) or recorded as refused, and the watermark moves past the page. A crash or a failure
 * anywhere rolls the watermark back, and the next poll takes the same page again; items accepted before are then
 * recognised by their event key, so none is skipped and none taken twice. Each poll reads a little before the
 * watermark again ({@code overlap}) for dossiers stamped late; those seen before are recognised the same way.
 */
@Component
public class IntakePoller {

    /** The watermark's source name. */
    public static final String SOURCE = "portal-intake";

    private static final Logger log = LoggerFactory.getLogger(IntakePoller.class);

    private final PollWatermarks watermarks;
    private final IntakeAcceptService accept;
    private final ProducerTemplate producer;
    private final TransactionTemplate tx;
    private final IntakeFlowProperties.Poll settings;
    private final MeterRegistry meters;

    public IntakePoller(PollWatermarks watermarks, IntakeAcceptService accept, ProducerTemplate producer,
                        TransactionTemplate tx, IntakeFlowProperties props, MeterRegistry meters) {
        this.watermarks = watermarks;
        this.accept = accept;
        this.producer = producer;
        this.tx = tx;
        this.settings = props.poll();
        this.meters = meters;
    }

    /** One poll: pages until the portal has no more or {@code max-pages} are taken. @return items taken */
    public int poll() {
        String correlationId = UUID.randomUUID().toString();
        MDC.put(HubHeaders.CORRELATION_ID_MDC, correlationId);
        int taken = 0;
        try {
            for (int page = 0; page < settings.maxPages(); page++) {
                boolean first = page == 0;
                PageResult r = tx.execute(s -> takePage(first, correlationId));
                taken += r.items();
                if (!r.more()) {
                    break;
                }
            }
            meters.counter(HubMetrics.INTAKE_POLLS, HubMetrics.OUTCOME, HubMetrics.OK, HubMetrics.CODE, HubMetrics.NO_CODE)
                    .increment();
        } catch (HubException | CamelExecutionException e) {
            HubException failure = hubFailure(e);
            meters.counter(HubMetrics.INTAKE_POLLS, HubMetrics.OUTCOME, HubMetrics.ERROR, HubMetrics.CODE,
                    failure.errorCode().code()).increment();
            log.warn("Polling the portal's intake failed ({}): {}; the next poll starts where this one stopped",
                    failure.errorCode().code(), failure.getMessage());
        } finally {
            MDC.remove(HubHeaders.CORRELATION_ID_MDC);
        }
        if (taken > 0) {
            log.info("Took {} dossiers from the portal's intake list", taken);
        }
        return taken;
    }

    private record PageResult(int items, boolean more) {
    }

    /**
     * The first page of a poll starts {@code overlap} before the watermark; the next ones right after the page
     * before, so that a poll always gets past the overlap however many dossiers it holds.
     */
    private PageResult takePage(boolean first, String correlationId) {
        Optional<PollWatermarks.Position> mark = watermarks.lock(SOURCE);
        IntakeCursor from = mark.map(p -> first
                        ? new IntakeCursor(p.at().minus(settings.overlap()).atOffset(ZoneOffset.UTC), "")
                        : new IntakeCursor(p.at().atOffset(ZoneOffset.UTC), p.key()))
                .orElse(null);
        IntakePage page = producer.requestBody(PortalRoutes.FETCH_INTAKE, from, IntakePage.class);
        for (IntakeItem item : page.items()) {
            take(item, correlationId);
        }
        IntakeCursor last = page.lastCursor();
        if (last != null) {
            PollWatermarks.Position next = new PollWatermarks.Position(last.updatedAt().toInstant(),
                    last.dossierCode());
            // a page inside the overlap ends before the watermark: it never moves back
            if (mark.isEmpty() || isAfter(next, mark.get())) {
                watermarks.advance(SOURCE, next);
            }
        }
        return new PageResult(page.items().size(), page.more() && last != null);
    }

    private static boolean isAfter(PollWatermarks.Position a, PollWatermarks.Position b) {
        int byTime = a.at().compareTo(b.at());
        return byTime > 0 || (byTime == 0 && a.key().compareTo(b.key()) > 0);
    }

    private void take(IntakeItem item, String correlationId) {
        String version = item.cursor() == null ? null : item.cursor().updatedAt().toInstant().toString();
        String code = item.cursor() == null ? null : item.cursor().dossierCode();
        if (item.dossier() == null) {
            accept.refused(code, version, settings.clientId(), correlationId, ErrorCode.INVALID_FIELD,
                    "unreadable at the portal: " + item.unreadable());
            return;
        }
        try {
            accept.accept(item.dossier(), settings.clientId(), correlationId);
        } catch (ValidationException e) {
            accept.refused(code, version, settings.clientId(), correlationId, e.errorCode(),
                    "refused " + e.violations().stream().map(v -> v.field() + ":" + v.code().code()).toList());
        }
    }

    private static HubException hubFailure(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HubException hub) {
                return hub;
            }
        }
        return new HubException(ErrorCode.PORTAL_UNAVAILABLE, e.getClass().getSimpleName(), e);
    }
}
