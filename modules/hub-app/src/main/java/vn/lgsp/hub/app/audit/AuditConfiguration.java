package vn.lgsp.hub.app.audit;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.audit.ExchangeLog;
import vn.lgsp.hub.audit.PollWatermarks;
import vn.lgsp.hub.audit.SubjectLedger;

/** The exchange log and the subject ledger on the hub's database. */
@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    /**
     * Declared because the JMS transaction manager would otherwise stop Spring Boot from creating this one; it is the
     * primary one, so {@code @Transactional} and {@link TransactionTemplate} mean the database.
     */
    @Bean
    @Primary
    JdbcTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    @Bean
    TransactionTemplate transactionTemplate(JdbcTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    @Bean
    ExchangeLog exchangeLog(JdbcTemplate jdbc, Clock clock) {
        return new ExchangeLog(jdbc, clock);
    }

    @Bean
    SubjectLedger subjectLedger(JdbcTemplate jdbc, Clock clock) {
        return new SubjectLedger(jdbc, clock);
    }

    @Bean
    PollWatermarks pollWatermarks(JdbcTemplate jdbc, Clock clock) {
        return new PollWatermarks(jdbc, clock);
    }
}
