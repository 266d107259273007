package vn.lgsp.hub.connector.docex.model;

import java.util.List;

/** {@code TraceHeaderList}: the hops a package went through and its {@link Bussiness} block; both may be absent. */
public record TraceHeaderList(List<TraceHeader> traceHeaders, Bussiness bussiness) {

    public TraceHeaderList {
        traceHeaders = List.copyOf(traceHeaders == null ? List.of() : traceHeaders);
    }
}
