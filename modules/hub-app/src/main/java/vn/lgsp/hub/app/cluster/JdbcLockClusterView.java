package vn.lgsp.hub.app.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.support.cluster.AbstractCamelClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.integration.leader.Context;
import org.springframework.integration.leader.DefaultCandidate;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.integration.support.locks.LockRegistry;

/**
 * One role (namespace) of {@link JdbcLockClusterService}: a leader initiator that keeps trying to take the role's
 * lock, renews it while it holds it, and tells Camel when leadership comes and goes. Other members are not known
 * (a lock has a holder, not a membership list); the lock table names the holder.
 */
class JdbcLockClusterView extends AbstractCamelClusterView {

    private static final Logger log = LoggerFactory.getLogger(JdbcLockClusterView.class);

    private final LockRegistry locks;
    private final ClusterProperties settings;
    private final Member local = new Member();
    private volatile boolean leader;
    private volatile boolean stopping;
    private LockRegistryLeaderInitiator initiator;

    JdbcLockClusterView(JdbcLockClusterService service, String namespace, LockRegistry locks,
                        ClusterProperties settings) {
        super(service, namespace);
        this.locks = locks;
        this.settings = settings;
    }

    @Override
    public Optional<CamelClusterMember> getLeader() {
        return leader ? Optional.of(local) : Optional.empty();
    }

    @Override
    public CamelClusterMember getLocalMember() {
        return local;
    }

    @Override
    public List<CamelClusterMember> getMembers() {
        return List.of(local);
    }

    @Override
    protected void doStart() {
        initiator = new LockRegistryLeaderInitiator(locks, new DefaultCandidate(settings.instanceId(), getNamespace()) {
            @Override
            public void onGranted(Context ctx) {
                granted();
            }

            @Override
            public void onRevoked(Context ctx) {
                revoked();
            }
        });
        initiator.setHeartBeatMillis(settings.heartbeat().toMillis());
        initiator.setBusyWaitMillis(settings.retryInterval().toMillis());
        initiator.setTaskExecutor(new SimpleAsyncTaskExecutor("hub-leader-" + getNamespace() + "-"));
        stopping = false;
        initiator.start();
        log.info("Instance {} takes part in the election for {} (lease {}, heartbeat {})", settings.instanceId(),
                getNamespace(), settings.lease(), settings.heartbeat());
    }

    @Override
    protected void doStop() throws InterruptedException {
        if (initiator == null) {
            return;
        }
        stopping = true;
        initiator.stop();
        // the initiator releases the lock on its own thread; waiting for it lets another instance take over at once
        // instead of after the lease, and keeps the release ahead of the database pool's shutdown
        long deadline = System.nanoTime() + settings.heartbeat().plus(Duration.ofSeconds(2)).toNanos();
        synchronized (this) {
            while (leader && System.nanoTime() < deadline) {
                wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        }
        initiator = null;
    }

    private void granted() {
        synchronized (this) {
            leader = true;
        }
        log.info("Instance {} now leads {}: the route runs here", settings.instanceId(), getNamespace());
        fireLeadershipChangedEvent(local);
    }

    private void revoked() {
        synchronized (this) {
            if (!leader) {
                return;
            }
            leader = false;
            notifyAll();
        }
        if (stopping) {
            log.info("Instance {} lets go of {} as it stops", settings.instanceId(), getNamespace());
        } else {
            log.warn("Instance {} no longer leads {} (its lock could not be renewed): the route stops here, and "
                    + "another instance takes it over", settings.instanceId(), getNamespace());
        }
        fireLeadershipChangedEvent(Optional.empty());
    }

    private final class Member implements CamelClusterMember {

        @Override
        public boolean isLeader() {
            return leader;
        }

        @Override
        public boolean isLocal() {
            return true;
        }

        @Override
        public String getId() {
            return settings.instanceId();
        }
    }
}
