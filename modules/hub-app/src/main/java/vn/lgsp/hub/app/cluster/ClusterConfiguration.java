package vn.lgsp.hub.app.cluster;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * Leadership of the polling routes (docs/ARCHITECTURE.md, "Several instances: who polls"): Spring Integration's
 * lock registry on the {@code INT_LOCK} table (Flyway V6), offered to Camel as its cluster service. Camel finds the
 * service in the registry and adds it to its context; {@code PollingRoute} puts its routes under it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.cluster.enabled", havingValue = "true", matchIfMissing = true)
public class ClusterConfiguration {

    @Bean
    DefaultLockRepository leaderLockRepository(DataSource dataSource, JdbcTransactionManager transactionManager,
                                               ClusterProperties settings) {
        DefaultLockRepository repository = new DefaultLockRepository(dataSource, settings.instanceId());
        repository.setRegion(settings.region());
        repository.setTimeToLive(Math.toIntExact(settings.lease().toMillis()));
        // the hub has a JMS transaction manager as well: the lock's statements belong to the database's
        repository.setTransactionManager(transactionManager);
        if (isPostgresql(dataSource)) {
            // an instance without the lock tries to insert its row every retry interval: without this, each try is a
            // duplicate-key error in PostgreSQL's own log (Spring Integration's documented remedy)
            repository.setInsertQuery(repository.getInsertQuery() + " ON CONFLICT DO NOTHING");
        }
        return repository;
    }

    private static boolean isPostgresql(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return "PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Cannot tell which database holds the leadership locks", e);
        }
    }

    @Bean
    JdbcLockRegistry leaderLockRegistry(DefaultLockRepository leaderLockRepository, ClusterProperties settings) {
        JdbcLockRegistry registry = new JdbcLockRegistry(leaderLockRepository);
        registry.setIdleBetweenTries(settings.retryInterval());
        return registry;
    }

    @Bean
    JdbcLockClusterService hubClusterService(JdbcLockRegistry leaderLockRegistry, ClusterProperties settings,
                                             MeterRegistry meters) {
        return new JdbcLockClusterService(leaderLockRegistry, settings, meters);
    }
}
