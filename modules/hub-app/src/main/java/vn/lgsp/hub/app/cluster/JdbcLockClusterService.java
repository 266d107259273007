package vn.lgsp.hub.app.cluster;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.springframework.integration.support.locks.LockRegistry;
import vn.lgsp.hub.app.ops.metrics.HubMetrics;

/**
 * Camel's cluster service over a lock in the exchange-log database: each namespace (a polling route's id) is led by
 * the instance holding its lock, taken and renewed by Spring Integration's {@code LockRegistryLeaderInitiator}. Camel's
 * {@code ClusteredRoutePolicy} then starts the route on the leader and keeps it stopped elsewhere. Camel's ready-made
 * cluster services need infrastructure the hub does not have (ZooKeeper, Consul, Kubernetes…) or a directory shared by
 * every instance (file); the database is already shared.
 */
public class JdbcLockClusterService extends AbstractCamelClusterService<JdbcLockClusterView> {

    private final LockRegistry locks;
    private final ClusterProperties settings;
    private final MeterRegistry meters;
    private final Map<String, JdbcLockClusterView> views = new TreeMap<>();

    public JdbcLockClusterService(LockRegistry locks, ClusterProperties settings, MeterRegistry meters) {
        super("hub-jdbc-lock");
        this.locks = locks;
        this.settings = settings;
        this.meters = meters;
    }

    @Override
    protected JdbcLockClusterView createView(String namespace) {
        JdbcLockClusterView view = new JdbcLockClusterView(this, namespace, locks, settings);
        synchronized (views) {
            if (!views.containsKey(namespace)) {
                Gauge.builder(HubMetrics.CLUSTER_LEADER, () -> leads(namespace) ? 1 : 0)
                        .description("1 where this instance leads the role (runs its polling route), else 0")
                        .tag(HubMetrics.ROLE, namespace)
                        .register(meters);
            }
            views.put(namespace, view);
        }
        return view;
    }

    /** This instance's name, as the lock table and the logs know it. */
    public String instanceId() {
        return settings.instanceId();
    }

    /** Whether this instance holds the lock of a role (a polling route's id). */
    public boolean leads(String namespace) {
        synchronized (views) {
            JdbcLockClusterView view = views.get(namespace);
            return view != null && view.getLocalMember().isLeader();
        }
    }

    /** Every role this instance has taken part in, and whether it leads it. */
    public Map<String, Boolean> roles() {
        synchronized (views) {
            Map<String, Boolean> roles = new TreeMap<>();
            views.forEach((ns, view) -> roles.put(ns, view.getLocalMember().isLeader()));
            return roles;
        }
    }
}
