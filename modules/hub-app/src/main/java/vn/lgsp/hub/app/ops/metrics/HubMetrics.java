package vn.lgsp.hub.app.ops.metrics;

/**
 * Names and tag keys of the hub's own meters, in one place so that every call site spells them the same way.
 * docs/OPERATIONS.md lists them with their meaning; docker/monitoring builds alerts and a dashboard on them.
 *
 * <p>Tags are bounded: a flow, connector or operation name, an outcome, a stable error code, a client id from the
 * client registry, a queue role, a breaker state or a polling route's id. Never a dossier code, a personal ID, an
 * exchange id or a URI: each distinct value is a time series kept for as long as the hub runs.
 */
public final class HubMetrics {

    /** Counter: exchanges accepted (durable in the broker and recorded). Tags: flow, client. */
    public static final String ACCEPTED = "hub.exchanges.accepted";
    /** Counter: exchanges the target system confirmed. Tags: flow. */
    public static final String DELIVERED = "hub.exchanges.delivered";
    /** Counter: delivery rounds re-scheduled after a transient failure. Tags: flow, code. */
    public static final String RETRIED = "hub.exchanges.retried";
    /** Counter: exchanges dead-lettered or refused for good. Tags: flow, code. */
    public static final String FAILED = "hub.exchanges.failed";
    /** Timer (histogram): acceptance to confirmed delivery. Tags: flow. */
    public static final String DELIVERY_LATENCY = "hub.delivery.latency";
    /** Timer (histogram): one call to an upstream system. Tags: flow, connector, operation, outcome, code. */
    public static final String UPSTREAM_CALLS = "hub.upstream.calls";
    /** Counter: synchronous citizen identity calls, refused ones included. Tags: operation, outcome, code. */
    public static final String CITIZEN_CALLS = "hub.citizens.calls";
    /** Counter: polls of the portal's intake list. Tags: outcome, code. */
    public static final String INTAKE_POLLS = "hub.intake.polls";
    /** Gauge: messages in a flow's broker queue. Tags: flow, queue (events, parked, dead_letter, inbox). */
    public static final String QUEUE_DEPTH = "hub.queue.depth";
    /** Gauge: exchanges in state FAILED (dead-lettered, waiting for an operator) per flow, from the exchange log. */
    public static final String DEAD_LETTERED = "hub.exchanges.dead_lettered";
    /** Gauge: 1 for a circuit breaker's current state, 0 for the others. Tags: connector, operation, state. */
    public static final String BREAKER_STATE = "hub.breaker.state";
    /**
     * Gauge: 1 where this instance leads a role (runs that polling route; docs/ARCHITECTURE.md, "Several instances: who
     * polls"), 0 where it stands by. Tags: role (the route id).
     */
    public static final String CLUSTER_LEADER = "hub.cluster.leader";

    public static final String FLOW = "flow";
    public static final String CONNECTOR = "connector";
    public static final String OPERATION = "operation";
    public static final String OUTCOME = "outcome";
    public static final String CODE = "code";
    public static final String CLIENT = "client";
    public static final String QUEUE = "queue";
    public static final String STATE = "state";
    public static final String ROLE = "role";

    /** Outcome of a call that got its answer. */
    public static final String OK = "ok";
    /** Outcome of a call that failed or was refused; the {@code code} tag says why. */
    public static final String ERROR = "error";
    /** The {@code code} tag of a success: Prometheus wants the same tag keys on every series of a meter. */
    public static final String NO_CODE = "none";

    private HubMetrics() {
    }

    /** The {@code outcome} tag for an error code, {@code null} meaning success. */
    public static String outcome(String code) {
        return code == null ? OK : ERROR;
    }

    /** The {@code code} tag for an error code, {@code null} meaning success. */
    public static String code(String code) {
        return code == null ? NO_CODE : code;
    }
}
