package vn.lgsp.hub.app.ops;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import vn.lgsp.hub.audit.ExchangeSearch;
import vn.lgsp.hub.audit.ExchangeState;

/**
 * Per day and flow: how many exchanges the hub accepted and how many the target acknowledged (for the dossier status
 * sync: the portal confirmed the sync or progress update), and which are still missing.
 *
 * <p>Counted on the day the hub accepted the exchange ({@code created_at}), in the zone {@code hub.ops.zone}, whatever
 * day it was delivered. An exchange is <em>missing</em> while it is neither delivered nor discarded: in transit
 * ({@code ACCEPTED}, {@code IN_PROGRESS}, {@code RETRYING}), held behind a dead letter of the same subject
 * ({@code HELD}) or dead-lettered itself ({@code FAILED}). Refusals recorded without ever being queued (an intake item
 * the hub could not accept) are counted apart, as {@code refused}: there is nothing to deliver.
 *
 * <p>Re-sending a day replays its dead-lettered exchanges (oldest first per subject, through {@link ReplaySelection});
 * held ones follow their blocker; in-transit ones are left alone and only counted.
 */
@Service
public class Reconciliation {

    static final List<ExchangeState> MISSING = List.of(ExchangeState.ACCEPTED, ExchangeState.IN_PROGRESS,
            ExchangeState.RETRYING, ExchangeState.HELD, ExchangeState.FAILED);
    private static final List<ExchangeState> IN_TRANSIT = List.of(ExchangeState.ACCEPTED, ExchangeState.IN_PROGRESS,
            ExchangeState.RETRYING);

    /**
     * @param accepted       exchanges accepted for delivery that day
     * @param delivered      of those, acknowledged by the target
     * @param discarded      of those, given up by an operator
     * @param missing        of those, neither delivered nor discarded: {@code inTransit + held + deadLettered}
     * @param refused        recorded that day but refused before they were queued; not part of {@code accepted}
     * @param missingByState the missing ones per state
     * @param missingExchanges the missing ones themselves, newest first, a page at a time
     */
    public record Report(LocalDate date, String zone, String flow, Instant from, Instant to, long accepted,
                         long delivered, long discarded, long missing, long inTransit, long held, long deadLettered,
                         long refused, Map<String, Long> missingByState, ExchangePage missingExchanges) {
    }

    /**
     * @param more true when the day had more dead-lettered or held exchanges than one re-send takes on
     *             ({@code hub.ops.resend-max}); calling again goes on with the rest
     */
    public record Resend(LocalDate date, String flow, long inTransit, int replayed, int refused, boolean more,
                         List<ReplaySelection.Result> results) {
    }

    private final ExchangeSearch search;
    private final ReplaySelection selection;
    private final OpsProperties props;

    public Reconciliation(ExchangeSearch search, ReplaySelection selection, OpsProperties props) {
        this.search = search;
        this.selection = selection;
        this.props = props;
    }

    public Report report(LocalDate date, String flow, ExchangeSearch.Cursor after, int limit) {
        ZoneId zone = props.zone();
        Instant from = date.atStartOfDay(zone).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
        ExchangeSearch.Criteria day = ExchangeSearch.Criteria.any(limit).withFlows(List.of(flow)).between(from, to);
        Map<ExchangeState, ExchangeSearch.StateCount> counts = search.countByState(day);
        long refused = 0;
        long accepted = 0;
        for (ExchangeSearch.StateCount n : counts.values()) {
            refused += n.unsequenced();
            accepted += n.total() - n.unsequenced();
        }
        Map<String, Long> byState = new LinkedHashMap<>();
        for (ExchangeState s : MISSING) {
            byState.put(s.name(), sequenced(counts, s));
        }
        long inTransit = IN_TRANSIT.stream().mapToLong(s -> sequenced(counts, s)).sum();
        long held = sequenced(counts, ExchangeState.HELD);
        long dead = sequenced(counts, ExchangeState.FAILED);
        ExchangeSearch.Criteria missing = day.withStates(MISSING).sequenced().after(after);
        return new Report(date, zone.getId(), flow, from, to, accepted, sequenced(counts, ExchangeState.DELIVERED),
                sequenced(counts, ExchangeState.DISCARDED), inTransit + held + dead, inTransit, held, dead, refused,
                byState, ExchangePage.of(search.search(missing), limit));
    }

    /**
     * Replays the day's dead letters. The held ones are part of the selection, so that the answer says what each waits
     * for (its blocker may be of an earlier day: then it is named, not replayed).
     */
    public Resend resend(LocalDate date, String flow, String operator, String reason) {
        Report r = report(date, flow, null, 1);
        List<String> ids = new ArrayList<>();
        ExchangeSearch.Criteria c = ExchangeSearch.Criteria.any(Math.min(ExchangeSearch.MAX_LIMIT, props.resendMax()))
                .withFlows(List.of(flow)).between(r.from(), r.to())
                .withStates(List.of(ExchangeState.FAILED, ExchangeState.HELD)).sequenced();
        boolean more = false;
        while (true) {
            ExchangeSearch.Page page = search.search(c);
            for (var x : page.items()) {
                if (ids.size() == props.resendMax()) {
                    more = true;
                    break;
                }
                ids.add(x.id());
            }
            if (more || page.next() == null) {
                break;
            }
            c = c.after(page.next());
        }
        if (ids.isEmpty()) {
            return new Resend(date, flow, r.inTransit(), 0, 0, false, List.of());
        }
        ReplaySelection.Report done = selection.replay(ids, operator, reasonFor(date, flow, reason));
        return new Resend(date, flow, r.inTransit(), done.replayed(), done.refused(), more, done.results());
    }

    /** Re-sends the named exchanges of a reconciliation (the same rules as a dead-letter selection). */
    public Resend resend(List<String> ids, String operator, String reason) {
        ReplaySelection.Report done = selection.replay(ids, operator, reason == null ? "reconciliation re-send"
                : "reconciliation re-send: " + reason);
        long inTransit = done.results().stream()
                .filter(x -> x.outcome() == ReplaySelection.Outcome.IN_TRANSIT).count();
        return new Resend(null, null, inTransit, done.replayed(), done.refused(), false, done.results());
    }

    private static String reasonFor(LocalDate date, String flow, String reason) {
        return "reconciliation re-send of " + flow + " " + date + (reason == null ? "" : ": " + reason);
    }

    private static long sequenced(Map<ExchangeState, ExchangeSearch.StateCount> counts, ExchangeState s) {
        ExchangeSearch.StateCount n = counts.get(s);
        return n == null ? 0 : n.total() - n.unsequenced();
    }
}
