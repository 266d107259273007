package vn.lgsp.hub.app.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which hub instance runs the polling routes (the portal's intake list, the document axis) when several share the
 * database and the broker. Each polling route is a role; one instance at a time holds a role's lock, a row of
 * {@code INT_LOCK} in the exchange-log database, and the others keep the route stopped until the holder lets go or its
 * lease runs out.
 *
 * @param enabled       whether polling routes run only on the instance that holds their lock; false makes every
 *                      instance poll (safe, the watermark row lock serialises them, but each poll is repeated);
 *                      default true
 * @param instanceId    this instance's name in {@code INT_LOCK.CLIENT_ID}, the logs and the route list, at most 36
 *                      characters and different on every instance; default the host name and a random suffix
 * @param region        the lock rows' region: hub deployments that share one database need different ones; default
 *                      {@code lgsp-hub}
 * @param lease         how long a lock holds without being renewed: an instance that dies without letting go (kill
 *                      -9, a lost machine) is replaced after at most this long; default 15s
 * @param heartbeat     how often the holder renews its lock; must be well under {@code lease}; default 3s
 * @param retryInterval how often an instance without the lock tries to take it; default 1s
 */
@ConfigurationProperties("hub.cluster")
public record ClusterProperties(Boolean enabled, String instanceId, String region, Duration lease, Duration heartbeat,
                                Duration retryInterval) {

    /** The widest {@code INT_LOCK.CLIENT_ID}. */
    static final int MAX_ID = 36;

    public ClusterProperties {
        enabled = enabled == null || enabled;
        instanceId = instanceId == null || instanceId.isBlank() ? defaultInstanceId() : instanceId;
        region = region == null || region.isBlank() ? "lgsp-hub" : region;
        lease = lease == null ? Duration.ofSeconds(15) : lease;
        heartbeat = heartbeat == null ? Duration.ofSeconds(3) : heartbeat;
        retryInterval = retryInterval == null ? Duration.ofSeconds(1) : retryInterval;
        if (instanceId.length() > MAX_ID) {
            throw new IllegalArgumentException("hub.cluster.instance-id is longer than " + MAX_ID + " characters");
        }
        // a holder renews at heartbeat intervals (plus a database round trip); two renewals must fit in a lease, or
        // a holder that is merely slow loses its lock to another instance
        if (heartbeat.multipliedBy(2).compareTo(lease) >= 0) {
            throw new IllegalArgumentException("hub.cluster.heartbeat (" + heartbeat
                    + ") must be less than half of hub.cluster.lease (" + lease + ")");
        }
    }

    private static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "hub";
        }
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        // two instances on one host (or two hubs in one test JVM) must still differ
        int room = MAX_ID - suffix.length() - 1;
        return (host.length() > room ? host.substring(0, room) : host) + "-" + suffix;
    }
}
