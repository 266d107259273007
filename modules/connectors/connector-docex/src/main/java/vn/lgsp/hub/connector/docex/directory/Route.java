package vn.lgsp.hub.connector.docex.directory;

import java.net.URI;

/**
 * Where a package for one recipient goes: {@link AgencyDirectory#route(String)}.
 *
 * @param kind   the way
 * @param agency the directory's entry for {@link Kind#LOCAL_PUSH} and {@link Kind#LOCAL_INBOX}; {@code null} for
 *               {@link Kind#NATIONAL_AXIS}
 */
public record Route(Kind kind, Agency agency) {

    public enum Kind {
        /** A provincial agency that receives by push: post the package to {@link Route#pushUrl()}. */
        LOCAL_PUSH,
        /** A provincial agency that fetches from the hub's inbox. */
        LOCAL_INBOX,
        /** Any agency not in the directory: send through the national document axis. */
        NATIONAL_AXIS
    }

    static final Route NATIONAL_AXIS = new Route(Kind.NATIONAL_AXIS, null);

    static Route of(Agency agency) {
        return new Route(agency.receives() == Agency.Receives.PUSH ? Kind.LOCAL_PUSH : Kind.LOCAL_INBOX, agency);
    }

    /** The push URL for {@link Kind#LOCAL_PUSH}, else {@code null}. */
    public URI pushUrl() {
        return kind == Kind.LOCAL_PUSH ? agency.pushUrl() : null;
    }
}
