package vn.lgsp.hub.connector.portal;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The one session token the hub shares across all calls to the portal. Logs in lazily and one login at a time:
 * callers that find the token missing or stale while a login is running wait for it and take its result (its
 * token, or its failure), so a burst of calls after an expiry costs one login, not one per caller.
 */
final class PortalSession {

    private final Supplier<String> login;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile String token;
    private volatile long completedLogins;
    private PortalException lastFailure;

    /** @param login performs one login and returns the new token, or throws {@link PortalException} */
    PortalSession(Supplier<String> login) {
        this.login = login;
    }

    /** The current token, logging in first if there is none. */
    String current() {
        String current = token;
        return current != null ? current : renew(null);
    }

    /**
     * A token other than {@code stale}: the one another caller has obtained meanwhile, or a fresh login.
     *
     * @param stale the token the portal just refused, or {@code null} if the caller had none
     */
    String renew(String stale) {
        long seen = completedLogins;
        lock.lock();
        try {
            String current = token;
            if (current != null && !current.equals(stale)) {
                return current;
            }
            if (completedLogins != seen && lastFailure != null) {
                // a login finished and failed while this caller waited: failing fast beats queueing another
                throw lastFailure.copy();
            }
            return login();
        } finally {
            lock.unlock();
        }
    }

    private String login() {
        token = null;
        try {
            String fresh = login.get();
            token = fresh;
            lastFailure = null;
            return fresh;
        } catch (PortalException e) {
            lastFailure = e;
            throw e;
        } finally {
            completedLogins++;
        }
    }
}
