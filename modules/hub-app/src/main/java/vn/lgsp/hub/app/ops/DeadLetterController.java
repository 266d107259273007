package vn.lgsp.hub.app.ops;

import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.app.exchange.ExchangeView;
import vn.lgsp.hub.app.delivery.DeadLetterService;
import vn.lgsp.hub.app.security.Caller;
import vn.lgsp.hub.audit.ExchangeLog;

/** Operators: replay or discard a dead-lettered exchange. Each action is recorded with the operator's id. */
@RestController
public class DeadLetterController {

    private final DeadLetterService deadLetters;
    private final ExchangeLog exchangeLog;

    public DeadLetterController(DeadLetterService deadLetters, ExchangeLog exchangeLog) {
        this.deadLetters = deadLetters;
        this.exchangeLog = exchangeLog;
    }

    @PostMapping("/api/v1/ops/dead-letters/{exchangeId}/replay")
    public ExchangeView replay(@PathVariable String exchangeId, @AuthenticationPrincipal Caller operator) {
        var r = deadLetters.replay(exchangeId, operator.id());
        return ExchangeView.of(r, exchangeLog.events(r.id()));
    }

    /** Body {@code {"reason": "..."}}; the reason is mandatory and recorded. */
    @PostMapping("/api/v1/ops/dead-letters/{exchangeId}/discard")
    public ExchangeView discard(@PathVariable String exchangeId, @RequestBody Map<String, String> body,
                                @AuthenticationPrincipal Caller operator) {
        var r = deadLetters.discard(exchangeId, operator.id(), body.get("reason"));
        return ExchangeView.of(r, exchangeLog.events(r.id()));
    }
}
