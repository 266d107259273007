package vn.lgsp.hub.audit;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Read-only queries over the exchange log for operators: search with filters and keyset paging, and counts per state
 * for reconciliation. Portable SQL (H2 and PostgreSQL); every value is bound, never written into the statement.
 *
 * <p>Pages are ordered newest first on {@code (created_at, id)}; a {@link Cursor} names the last row of a page, and the
 * next page starts strictly after it, so rows accepted meanwhile neither shift nor repeat a page.
 */
public class ExchangeSearch {

    /** The most rows one page may hold. */
    public static final int MAX_LIMIT = 500;

    private final JdbcTemplate jdbc;

    public ExchangeSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The position of a row in the newest-first order; opaque to callers, who pass {@link #encode()} back. */
    public record Cursor(Instant createdAt, String id) {

        public String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        /** @return empty when the text is not a cursor this class made */
        public static Optional<Cursor> decode(String text) {
            if (text == null || text.length() > 200) {
                return Optional.empty();
            }
            try {
                String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
                int bar = raw.indexOf('|');
                if (bar < 1 || bar == raw.length() - 1 || raw.length() - bar - 1 > 36) {
                    return Optional.empty();
                }
                return Optional.of(new Cursor(Instant.parse(raw.substring(0, bar)), raw.substring(bar + 1)));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * What to look for; every filter is optional and they combine with AND.
     *
     * @param flows          the exchange's flow is one of these (empty: any)
     * @param states         the exchange's state is one of these (empty: any)
     * @param from           accepted at or after this instant
     * @param to             accepted before this instant
     * @param subjectKey     the subject is exactly this (a dossier code, for the dossier, intake and identity flows)
     * @param documentId     the subject ends in {@code |documentId} (document exchange: {@code <recipient>|<documentId>})
     * @param clientId       the client that sent the exchange
     * @param sequencedOnly  only exchanges of an ordered delivery (a sequence number): leaves out refusals recorded as
     *                       failed without ever being queued
     * @param after          start after this row (the previous page's {@code next})
     * @param limit          at most this many rows, 1 to {@link #MAX_LIMIT}
     */
    public record Criteria(Set<String> flows, Set<ExchangeState> states, Instant from, Instant to, String subjectKey,
                           String documentId, String clientId, boolean sequencedOnly, Cursor after, int limit) {

        public Criteria {
            flows = flows == null ? Set.of() : Set.copyOf(flows);
            states = states == null ? Set.of() : Set.copyOf(states);
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
            }
        }

        public static Criteria any(int limit) {
            return new Criteria(Set.of(), Set.of(), null, null, null, null, null, false, null, limit);
        }

        public Criteria withFlows(Collection<String> f) {
            return new Criteria(new LinkedHashSet<>(f), states, from, to, subjectKey, documentId, clientId,
                    sequencedOnly, after, limit);
        }

        public Criteria withStates(Collection<ExchangeState> s) {
            return new Criteria(flows, new LinkedHashSet<>(s), from, to, subjectKey, documentId, clientId,
                    sequencedOnly, after, limit);
        }

        public Criteria between(Instant f, Instant t) {
            return new Criteria(flows, states, f, t, subjectKey, documentId, clientId, sequencedOnly, after, limit);
        }

        public Criteria withSubjectKey(String s) {
            return new Criteria(flows, states, from, to, s, documentId, clientId, sequencedOnly, after, limit);
        }

        public Criteria withDocumentId(String d) {
            return new Criteria(flows, states, from, to, subjectKey, d, clientId, sequencedOnly, after, limit);
        }

        public Criteria withClientId(String c) {
            return new Criteria(flows, states, from, to, subjectKey, documentId, c, sequencedOnly, after, limit);
        }

        public Criteria sequenced() {
            return new Criteria(flows, states, from, to, subjectKey, documentId, clientId, true, after, limit);
        }

        public Criteria after(Cursor c) {
            return new Criteria(flows, states, from, to, subjectKey, documentId, clientId, sequencedOnly, c, limit);
        }
    }

    /** @param next where the following page starts, or {@code null} when this is the last one */
    public record Page(List<ExchangeRecord> items, Cursor next) {
    }

    /** How many exchanges are in one state; {@code unsequenced} of them never entered an ordered delivery. */
    public record StateCount(long total, long unsequenced) {
    }

    public Page search(Criteria c) {
        StringBuilder sql = new StringBuilder("SELECT ").append(ExchangeLog.COLUMNS)
                .append(" FROM exchange WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        where(c, sql, args);
        if (c.after() != null) {
            Timestamp at = Timestamp.from(c.after().createdAt());
            sql.append(" AND (created_at < ? OR (created_at = ? AND id < ?))");
            args.add(at);
            args.add(at);
            args.add(c.after().id());
        }
        // one row more than asked tells whether there is a next page without a count
        sql.append(" ORDER BY created_at DESC, id DESC FETCH FIRST ? ROWS ONLY");
        args.add(c.limit() + 1);
        List<ExchangeRecord> rows = jdbc.query(sql.toString(), ExchangeLog.RECORD, args.toArray());
        if (rows.size() <= c.limit()) {
            return new Page(rows, null);
        }
        List<ExchangeRecord> page = List.copyOf(rows.subList(0, c.limit()));
        ExchangeRecord last = page.get(page.size() - 1);
        return new Page(page, new Cursor(last.createdAt(), last.id()));
    }

    /** Counts the exchanges matching the filters (paging ignored), per state; states with none are left out. */
    public Map<ExchangeState, StateCount> countByState(Criteria c) {
        StringBuilder sql = new StringBuilder("SELECT state, COUNT(*) AS total,"
                + " SUM(CASE WHEN sequence_no IS NULL THEN 1 ELSE 0 END) AS unsequenced FROM exchange WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        where(c, sql, args);
        sql.append(" GROUP BY state");
        Map<ExchangeState, StateCount> counts = new EnumMap<>(ExchangeState.class);
        jdbc.query(sql.toString(), rs -> {
            counts.put(ExchangeState.valueOf(rs.getString("state")),
                    new StateCount(rs.getLong("total"), rs.getLong("unsequenced")));
        }, args.toArray());
        return counts;
    }

    private static void where(Criteria c, StringBuilder sql, List<Object> args) {
        in(sql, args, "flow", c.flows());
        in(sql, args, "state", c.states().stream().map(Enum::name).toList());
        if (c.from() != null) {
            sql.append(" AND created_at >= ?");
            args.add(Timestamp.from(c.from()));
        }
        if (c.to() != null) {
            sql.append(" AND created_at < ?");
            args.add(Timestamp.from(c.to()));
        }
        if (c.subjectKey() != null) {
            sql.append(" AND subject_key = ?");
            args.add(c.subjectKey());
        }
        if (c.documentId() != null) {
            sql.append(" AND subject_key LIKE ? ESCAPE '!'");
            args.add("%|" + likeLiteral(c.documentId()));
        }
        if (c.clientId() != null) {
            sql.append(" AND client_id = ?");
            args.add(c.clientId());
        }
        if (c.sequencedOnly()) {
            sql.append(" AND sequence_no IS NOT NULL");
        }
    }

    private static void in(StringBuilder sql, List<Object> args, String column, Collection<String> values) {
        if (values.isEmpty()) {
            return;
        }
        sql.append(" AND ").append(column).append(" IN (").append("?,".repeat(values.size() - 1)).append("?)");
        args.addAll(values);
    }

    /** The value as a LIKE pattern that matches it literally (escape character {@code !}). */
    static String likeLiteral(String value) {
        return value.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
