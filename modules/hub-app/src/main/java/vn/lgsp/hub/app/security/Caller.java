package vn.lgsp.hub.app.security;

import java.util.Set;

/**
 * An authenticated caller: a client system or an operator.
 *
 * @param services the services it may call, see {@link HubServices}
 * @param agencies the agency codes it acts for (documents it may send as, inboxes it may read); {@code *} for all
 */
public record Caller(String id, boolean operator, Set<String> services, Set<String> agencies) {

    /** Acts for every agency: the demo client of the embedded default only. */
    public static final String ANY_AGENCY = "*";

    public Caller {
        agencies = agencies == null ? Set.of() : Set.copyOf(agencies);
    }

    public boolean may(String service) {
        return services.contains(service);
    }

    public boolean actsFor(String agencyCode) {
        return agencies.contains(ANY_AGENCY) || agencies.contains(agencyCode);
    }
}
