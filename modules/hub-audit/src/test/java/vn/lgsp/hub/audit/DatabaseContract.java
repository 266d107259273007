package vn.lgsp.hub.audit;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * A contract test over a {@link TestDatabase} of the class's own, opened before its tests and closed after them.
 * When the database cannot be reached (and is not required), every test is skipped on its own, so that reports count
 * them as skipped rather than not run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DatabaseContract {

    private final TestDatabase database;
    /** Why the database is not there, when opening it skipped with an assumption. */
    private String unavailable;

    JdbcTemplate jdbc;
    DataSourceTransactionManager transactions;

    DatabaseContract(TestDatabase database) {
        this.database = database;
    }

    @BeforeAll
    void openTestDatabase() throws Exception {
        DataSource dataSource;
        try {
            dataSource = database.open();
        } catch (TestAbortedException skipped) {
            unavailable = skipped.getMessage();
            return;
        }
        jdbc = new JdbcTemplate(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
    }

    @AfterAll
    void closeTestDatabase() throws Exception {
        database.close();
    }

    /** Skips the test (or, called from a {@code @BeforeAll}, the class) when the database is not there. */
    @BeforeEach
    void assumeDatabase() {
        Assumptions.assumeTrue(unavailable == null, unavailable);
    }
}
