package vn.lgsp.hub.app.security;

import java.util.Set;

/** An authenticated caller: a client system or an operator. */
public record Caller(String id, boolean operator, Set<String> services) {

    public boolean may(String service) {
        return services.contains(service);
    }
}
