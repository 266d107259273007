package vn.lgsp.hub.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.apache.camel.impl.DefaultCamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The cluster service on the real lock table (H2 in memory, schema from Flyway V6), without a hub: two services
 * share one lock; leadership survives a database outage (it is given up during it and taken back after).
 */
class JdbcLockClusterServiceTest {

    private static final String ROLE = "intake-poll";

    private final Switchable db = new Switchable();
    private final java.util.List<JdbcLockClusterService> services = new java.util.ArrayList<>();

    @AfterEach
    void stop() {
        services.forEach(JdbcLockClusterService::stop);
    }

    @Test
    void oneOfTwoLeadsAndTheOtherTakesOverWhenItStops() throws Exception {
        JdbcLockClusterService a = service("a");
        JdbcLockClusterService b = service("b");
        await().atMost(Duration.ofSeconds(5)).until(() -> a.leads(ROLE) || b.leads(ROLE));
        JdbcLockClusterService leader = a.leads(ROLE) ? a : b;
        JdbcLockClusterService other = leader == a ? b : a;
        assertThat(other.leads(ROLE)).isFalse();

        leader.stop();
        assertThat(leader.leads(ROLE)).isFalse();
        await().atMost(Duration.ofSeconds(1)).until(() -> other.leads(ROLE));
    }

    @Test
    void leadershipIsGivenUpWhileTheDatabaseIsAwayAndTakenBackAfter() throws Exception {
        JdbcLockClusterService a = service("a");
        await().atMost(Duration.ofSeconds(5)).until(() -> a.leads(ROLE));
        db.down = true;
        await().atMost(Duration.ofSeconds(5)).until(() -> !a.leads(ROLE));
        db.down = false;
        // the row it could not delete is its own: taken back at once, without waiting for the lease
        await().atMost(Duration.ofSeconds(5)).until(() -> a.leads(ROLE));
    }

    private JdbcLockClusterService service(String id) throws Exception {
        ClusterProperties settings = new ClusterProperties(true, id, null, Duration.ofSeconds(2),
                Duration.ofMillis(200), Duration.ofMillis(50));
        DefaultLockRepository repository = new DefaultLockRepository(db, id);
        repository.setRegion(settings.region());
        repository.setTimeToLive((int) settings.lease().toMillis());
        repository.setTransactionManager(new JdbcTransactionManager(db));
        repository.afterPropertiesSet();
        repository.afterSingletonsInstantiated();
        JdbcLockRegistry registry = new JdbcLockRegistry(repository);
        registry.setIdleBetweenTries(settings.retryInterval());
        JdbcLockClusterService service = new JdbcLockClusterService(registry, settings, new SimpleMeterRegistry());
        service.setCamelContext(new DefaultCamelContext());
        service.start();
        service.getView(ROLE);
        services.add(service);
        return service;
    }

    /** An H2 database in memory with the lock table, which can be made unreachable. */
    private static final class Switchable extends DelegatingDataSource {

        volatile boolean down;

        Switchable() {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            setTargetDataSource(h2);
            try {
                new JdbcTemplate(h2).execute(new ClassPathResource("db/migration/V6__leader_lock.sql")
                        .getContentAsString(StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLException("the database is away (test)");
            }
            return super.getConnection();
        }
    }
}
