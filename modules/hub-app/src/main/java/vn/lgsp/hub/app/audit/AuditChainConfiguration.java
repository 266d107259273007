package vn.lgsp.hub.app.audit;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import vn.lgsp.hub.audit.chain.ChainSealer;
import vn.lgsp.hub.audit.chain.ChainVerifier;
import vn.lgsp.hub.audit.chain.ExchangeRetention;

/** The exchange log's hash chain (sealer, verifier) and its retention purge, on the hub's database. */
@Configuration(proxyBeanMethods = false)
public class AuditChainConfiguration {

    @Bean
    ChainSealer chainSealer(JdbcTemplate jdbc, JdbcTransactionManager transactions, Clock clock,
                            AuditChainProperties props) {
        return new ChainSealer(jdbc, transactions, clock, props.chain().batchSize());
    }

    @Bean
    ChainVerifier chainVerifier(JdbcTemplate jdbc, JdbcTransactionManager transactions, AuditChainProperties props) {
        return new ChainVerifier(jdbc, transactions, props.chain().pageSize());
    }

    @Bean
    ExchangeRetention exchangeRetention(JdbcTemplate jdbc, JdbcTransactionManager transactions, Clock clock,
                                        AuditChainProperties props) {
        return new ExchangeRetention(jdbc, transactions, clock, props.retention().batchSize());
    }
}
