package vn.lgsp.hub.app.ops;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;
import vn.lgsp.hub.audit.ExchangeSearch;
import vn.lgsp.hub.audit.ExchangeState;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.ValidationException;
import vn.lgsp.hub.core.error.Violation;
import vn.lgsp.hub.core.ids.DossierCode;
import vn.lgsp.hub.core.ids.Masking;

/**
 * Reads an operator's query parameters into {@link ExchangeSearch.Criteria}, refusing any value it cannot use with
 * {@code request.invalid_field} and a message that says what was expected. Every problem is reported at once;
 * parameters the endpoint does not know are refused too, so that a misspelt filter is not silently ignored.
 */
final class ExchangeFilters {

    static final String FLOW = "flow";
    static final String STATE = "state";
    static final String FROM = "from";
    static final String TO = "to";
    static final String DOSSIER_CODE = "dossierCode";
    static final String DOCUMENT_ID = "documentId";
    static final String CLIENT = "client";
    static final String LIMIT = "limit";
    static final String CURSOR = "cursor";

    static final int DEFAULT_LIMIT = 50;

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
    private static final int MAX_DOCUMENT_ID = 99;

    private final MultiValueMap<String, String> params;
    private final Set<String> allowed;
    private final List<Violation> violations = new ArrayList<>();

    private ExchangeFilters(MultiValueMap<String, String> params, Set<String> allowed) {
        this.params = params;
        this.allowed = allowed;
    }

    /**
     * @param knownFlows the flows a {@code flow} value may name
     * @param allowed    the parameters this endpoint takes
     * @throws ValidationException naming every bad parameter
     */
    static ExchangeSearch.Criteria read(MultiValueMap<String, String> params, Collection<String> knownFlows,
                                        Set<String> allowed) {
        return new ExchangeFilters(params, allowed).criteria(knownFlows);
    }

    private ExchangeSearch.Criteria criteria(Collection<String> knownFlows) {
        Set<String> unknown = new TreeSet<>(params.keySet());
        unknown.removeAll(allowed);
        for (String name : unknown) {
            violations.add(invalid(abbreviate(name), "Unknown parameter '" + abbreviate(name)
                    + "'; this endpoint takes " + new TreeSet<>(allowed)));
        }
        int limit = limit();
        ExchangeSearch.Criteria c = ExchangeSearch.Criteria.any(limit);
        Set<String> flows = new LinkedHashSet<>();
        for (String f : values(FLOW)) {
            if (knownFlows.contains(f)) {
                flows.add(f);
            } else {
                violations.add(invalid(FLOW, "flow '" + abbreviate(f) + "' is not one of "
                        + new TreeSet<>(knownFlows)));
            }
        }
        Set<ExchangeState> states = new LinkedHashSet<>();
        for (String s : values(STATE)) {
            try {
                states.add(ExchangeState.valueOf(s.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                violations.add(invalid(STATE, "state '" + abbreviate(s) + "' is not one of "
                        + Arrays.toString(ExchangeState.values())));
            }
        }
        Instant from = instant(FROM);
        Instant to = instant(TO);
        if (from != null && to != null && !from.isBefore(to)) {
            violations.add(invalid(TO, "to (" + to + ") must be after from (" + from + ")"));
        }
        c = c.withFlows(flows).withStates(states).between(from, to);
        String dossier = single(DOSSIER_CODE);
        if (dossier != null) {
            try {
                c = c.withSubjectKey(DossierCode.parse(dossier, DOSSIER_CODE).value());
            } catch (ValidationException e) {
                violations.add(invalid(DOSSIER_CODE, e.getMessage()));
            }
        }
        String documentId = single(DOCUMENT_ID);
        if (documentId != null) {
            if (validDocumentId(documentId)) {
                c = c.withDocumentId(documentId);
            } else {
                violations.add(invalid(DOCUMENT_ID, "documentId '" + abbreviate(documentId) + "' is not of the form"
                        + " OrganId,date-or-year,number/notation (e.g. 000.00.14.H56,2025/03/10,125/UBND-VP),"
                        + " at most " + MAX_DOCUMENT_ID + " characters"));
            }
        }
        String client = single(CLIENT);
        if (client != null) {
            if (CLIENT_ID.matcher(client).matches()) {
                c = c.withClientId(client);
            } else {
                violations.add(invalid(CLIENT, "client '" + abbreviate(client) + "' is not a client id (letters,"
                        + " digits and . _ @ -, at most 100)"));
            }
        }
        String cursor = single(CURSOR);
        if (cursor != null) {
            var decoded = ExchangeSearch.Cursor.decode(cursor);
            if (decoded.isPresent()) {
                c = c.after(decoded.get());
            } else {
                violations.add(invalid(CURSOR, "cursor is not one this hub gave out; pass the 'next' of the previous"
                        + " page unchanged, or leave it out to start from the newest"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return c;
    }

    private int limit() {
        String raw = single(LIMIT);
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(raw.strip());
            if (n >= 1 && n <= ExchangeSearch.MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        violations.add(invalid(LIMIT, "limit '" + abbreviate(raw) + "' must be a whole number from 1 to "
                + ExchangeSearch.MAX_LIMIT));
        return DEFAULT_LIMIT;
    }

    private Instant instant(String name) {
        String raw = single(name);
        if (raw == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw.strip()).toInstant();
        } catch (DateTimeParseException e) {
            violations.add(invalid(name, name + " '" + abbreviate(raw) + "' is not an ISO-8601 instant such as"
                    + " 2026-11-20T00:00:00Z or 2026-11-20T07:00:00%2B07:00 (a '+' in a URL must be sent as %2B)"));
            return null;
        }
    }

    /** Values given as repeated parameters, comma-separated values, or both. */
    private List<String> values(String name) {
        List<String> out = new ArrayList<>();
        if (!allowed.contains(name)) {
            return out;
        }
        for (String v : params.getOrDefault(name, List.of())) {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        return out;
    }

    private String single(String name) {
        if (!allowed.contains(name)) {
            return null;
        }
        List<String> vs = params.getOrDefault(name, List.of());
        if (vs.size() > 1) {
            violations.add(invalid(name, name + " may be given once"));
            return null;
        }
        if (vs.isEmpty() || vs.get(0).isBlank()) {
            return null;
        }
        return vs.get(0);
    }

    private static boolean validDocumentId(String id) {
        if (id.length() > MAX_DOCUMENT_ID || id.contains("|") || id.chars().anyMatch(Character::isISOControl)) {
            return false;
        }
        String[] parts = id.split(",", 3);
        return parts.length == 3 && !parts[0].isBlank() && !parts[1].isBlank() && !parts[2].isBlank();
    }

    private static Violation invalid(String field, String message) {
        return new Violation(field, ErrorCode.INVALID_FIELD, message);
    }

    /** Echo at most 40 characters of a refused value, masked, without control characters. */
    static String abbreviate(String raw) {
        String clean = Masking.maskIdsInText(raw.replaceAll("\\p{Cntrl}", "?"));
        return clean.length() <= 40 ? clean : clean.substring(0, 40) + "…";
    }
}
