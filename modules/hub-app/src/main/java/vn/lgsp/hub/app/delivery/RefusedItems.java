package vn.lgsp.hub.app.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.lgsp.hub.app.ops.metrics.HubMetrics;
import vn.lgsp.hub.audit.ExchangeLog;
import vn.lgsp.hub.audit.ExchangeRecord;
import vn.lgsp.hub.audit.ExchangeState;
import vn.lgsp.hub.audit.ExchangeStep;
import vn.lgsp.hub.audit.NewExchange;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.ids.Masking;

/**
 * Records an item the hub took by polling (from the portal, from the document axis) and could not accept: invalid or
 * unreadable. Nobody else would hear of it, so it becomes a {@code FAILED} exchange an operator can find, with the
 * error code and a reason that names fields, never values. Recorded once per event key: polling it again finds it.
 */
@Component
public class RefusedItems {

    private static final Logger log = LoggerFactory.getLogger(RefusedItems.class);

    private final ExchangeLog exchangeLog;
    private final MeterRegistry meters;

    public RefusedItems(ExchangeLog exchangeLog, MeterRegistry meters) {
        this.exchangeLog = exchangeLog;
        this.meters = meters;
    }

    /** What was refused, and why. */
    public record Refusal(String flow, String operation, String subjectKey, String eventKey, String clientId,
                          String correlationId, ErrorCode code, String reason) {
    }

    public ExchangeRecord record(Refusal r) {
        return exchangeLog.findByEventKey(r.flow(), r.eventKey()).orElseGet(() -> {
            ExchangeRecord x = exchangeLog.create(new NewExchange(r.flow(), r.operation(), r.clientId(),
                    r.correlationId(), r.eventKey(), r.subjectKey(), null, null, null, null));
            exchangeLog.changeState(x.id(), ExchangeState.FAILED, ExchangeStep.FAILED, r.code().code(), r.reason());
            meters.counter(HubMetrics.FAILED, HubMetrics.FLOW, r.flow(), HubMetrics.CODE, r.code().code()).increment();
            log.warn("{} item {} refused ({}): {}; recorded as exchange {}", r.flow(), r.subjectKey(),
                    r.code().code(), Masking.maskIdsInText(r.reason()), x.id());
            return x;
        });
    }
}
