package vn.lgsp.hub.app.ops;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.lgsp.hub.app.delivery.DeadLetterService;
import vn.lgsp.hub.audit.ExchangeLog;
import vn.lgsp.hub.audit.ExchangeRecord;
import vn.lgsp.hub.audit.ExchangeState;
import vn.lgsp.hub.audit.SubjectLedger;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;

/**
 * Replays a selection of exchanges, each through {@link DeadLetterService} in a transaction of its own, and says what
 * became of each. Per-subject order rules are the engine's: only a dead-lettered ({@code FAILED}) exchange is replayed;
 * the exchanges of the same subject held behind it ({@code HELD}) are not sent themselves but follow it, in order,
 * once it is delivered. The selection is replayed oldest first within each subject (by sequence number), whatever
 * order the ids came in, so that a subject's earlier dead letter is back in the queue before a later one.
 *
 * <p>Exchanges still on their way ({@code ACCEPTED}, {@code IN_PROGRESS}, {@code RETRYING}) are reported and left
 * alone: sending them again would only duplicate work the engine is already doing.
 */
@Service
public class ReplaySelection {

    private static final Logger log = LoggerFactory.getLogger(ReplaySelection.class);

    /** What became of one id. */
    public enum Outcome {
        /** It was dead-lettered and is queued again with a fresh retry budget. */
        REPLAYED,
        /** It is held behind an exchange this request replayed, and follows it once that is delivered. */
        WAITING,
        /** It is held behind a dead-lettered exchange this request did not replay ({@code blockedBy}). */
        HELD,
        /** It is on its way (accepted, being attempted or retrying): nothing was done. */
        IN_TRANSIT,
        /** Not replayed: unknown, already delivered or discarded, or refused by the engine ({@code code}). */
        REFUSED
    }

    /**
     * @param state     the exchange's state after the request, when it exists
     * @param blockedBy for {@code WAITING} and {@code HELD}: the dead-lettered exchange it waits for
     * @param code      for {@code REFUSED}: the error code, e.g. {@code exchange.not_replayable}
     */
    public record Result(String exchangeId, Outcome outcome, String state, String blockedBy, String code,
                         String detail) {
    }

    public record Report(int replayed, int refused, List<Result> results) {
    }

    private final DeadLetterService deadLetters;
    private final ExchangeLog exchangeLog;
    private final SubjectLedger ledger;

    public ReplaySelection(DeadLetterService deadLetters, ExchangeLog exchangeLog, SubjectLedger ledger) {
        this.deadLetters = deadLetters;
        this.exchangeLog = exchangeLog;
        this.ledger = ledger;
    }

    /**
     * @param ids      exchange ids (duplicates are taken once); results come in this order
     * @param reason   the operator's reason, recorded in each replayed exchange's timeline; optional
     */
    public Report replay(List<String> ids, String operator, String reason) {
        Map<String, Result> results = new HashMap<>();
        List<ExchangeRecord> found = new ArrayList<>();
        Set<String> unique = new LinkedHashSet<>(ids);
        for (String id : unique) {
            Optional<ExchangeRecord> r = id.length() > 36 ? Optional.empty() : exchangeLog.find(id);
            if (r.isPresent()) {
                found.add(r.get());
            } else {
                results.put(id, refused(id, null, ErrorCode.EXCHANGE_NOT_FOUND, "No exchange " + id));
            }
        }
        // the blocker of each held exchange, read before any replay unblocks its subject
        Map<String, String> blockers = new HashMap<>();
        for (ExchangeRecord r : found) {
            if (r.state() == ExchangeState.HELD && r.subjectKey() != null) {
                ledger.find(r.flow(), r.subjectKey()).map(SubjectLedger.Entry::blockedBy)
                        .ifPresent(b -> blockers.put(r.id(), b));
            }
        }
        found.sort(Comparator.comparing(ExchangeRecord::flow)
                .thenComparing(r -> r.subjectKey() == null ? "" : r.subjectKey())
                .thenComparing(r -> r.sequence() == null ? Long.MAX_VALUE : r.sequence()));
        Set<String> replayed = new HashSet<>();
        for (ExchangeRecord r : found) {
            if (r.state() == ExchangeState.FAILED) {
                try {
                    ExchangeRecord after = deadLetters.replay(r.id(), operator, reason);
                    replayed.add(r.id());
                    results.put(r.id(), new Result(r.id(), Outcome.REPLAYED, after.state().name(), null, null,
                            "queued again for delivery"));
                } catch (HubException e) {
                    results.put(r.id(), refused(r.id(), r.state(), e.errorCode(), e.getMessage()));
                }
            }
        }
        for (ExchangeRecord r : found) {
            if (results.containsKey(r.id())) {
                continue;
            }
            results.put(r.id(), switch (r.state()) {
                case HELD -> held(r, blockers.get(r.id()), replayed);
                case ACCEPTED, IN_PROGRESS, RETRYING -> new Result(r.id(), Outcome.IN_TRANSIT, r.state().name(), null,
                        null, "on its way (" + r.state() + "); not sent again, so that it is not duplicated");
                default -> refused(r.id(), r.state(), ErrorCode.EXCHANGE_NOT_REPLAYABLE,
                        "Exchange " + r.id() + " is " + r.state() + ", not FAILED");
            });
        }
        List<Result> ordered = unique.stream().map(results::get).toList();
        int n = (int) ordered.stream().filter(x -> x.outcome() == Outcome.REPLAYED).count();
        int refusedCount = (int) ordered.stream().filter(x -> x.outcome() == Outcome.REFUSED).count();
        log.info("Operator {} replayed a selection: {} asked, {} replayed, {} refused", operator, unique.size(), n,
                refusedCount);
        return new Report(n, refusedCount, ordered);
    }

    private static Result held(ExchangeRecord r, String blocker, Set<String> replayed) {
        if (blocker != null && replayed.contains(blocker)) {
            return new Result(r.id(), Outcome.WAITING, r.state().name(), blocker, null,
                    "follows exchange " + blocker + ", replayed by this request, once it is delivered");
        }
        return new Result(r.id(), Outcome.HELD, r.state().name(), blocker, null, blocker == null
                ? "held behind an earlier exchange of the same subject"
                : "held behind dead-lettered exchange " + blocker + "; replay or discard that one and this follows");
    }

    private static Result refused(String id, ExchangeState state, ErrorCode code, String detail) {
        return new Result(id, Outcome.REFUSED, state == null ? null : state.name(), null, code.code(), detail);
    }
}
