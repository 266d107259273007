package vn.lgsp.hub.audit;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The exchange search contract on a private in-memory H2 database, migrated by Flyway. */
class ExchangeSearchH2Test extends ExchangeSearchContract {

    private JdbcDataSource dataSource;

    @Override
    protected DataSource openDatabase() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:search_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        dataSource.setPassword("");
        migrate(dataSource);
        return dataSource;
    }

    @Override
    protected void closeDatabase() {
        if (dataSource != null) {
            new JdbcTemplate(dataSource).execute("SHUTDOWN");
        }
    }
}
