package vn.lgsp.hub.app.ops;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.lgsp.hub.audit.ExchangeSearch;

/** The read side of the exchange log that operators query. */
@Configuration(proxyBeanMethods = false)
public class OpsConfiguration {

    @Bean
    ExchangeSearch exchangeSearch(JdbcTemplate jdbc) {
        return new ExchangeSearch(jdbc);
    }
}
