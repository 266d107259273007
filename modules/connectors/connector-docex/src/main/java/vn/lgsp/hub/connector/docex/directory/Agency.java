package vn.lgsp.hub.connector.docex.directory;

import java.net.URI;
import vn.lgsp.hub.core.ids.AgencyCode;

/**
 * A provincial agency the hub delivers to itself, as the agency directory lists it.
 *
 * @param code     its electronic code (mã định danh), the OrganId in packages
 * @param name     its name, for people
 * @param receives how it receives documents
 * @param pushUrl  where packages are posted, for {@link Receives#PUSH}; {@code null} for {@link Receives#INBOX}
 */
public record Agency(AgencyCode code, String name, Receives receives, URI pushUrl) {

    /** How an agency in the directory receives documents. */
    public enum Receives {
        /** The hub posts each package to the agency's {@code push-url}. */
        PUSH,
        /** The package waits in the hub's inbox for the agency's own system to fetch. */
        INBOX
    }
}
