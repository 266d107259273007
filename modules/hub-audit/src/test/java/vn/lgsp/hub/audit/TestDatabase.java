package vn.lgsp.hub.audit;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** An empty database (or schema) of one test class's own, migrated by the real Flyway scripts. */
interface TestDatabase {

    /**
     * Makes the database and migrates it. An assumption failing here (the database cannot be reached and is not
     * required) skips the tests of the class.
     */
    DataSource open() throws Exception;

    /** Releases what {@link #open} made; also called when opening failed or was skipped. */
    void close() throws Exception;

    static void migrate(DataSource dataSource, String... schemas) {
        Flyway.configure().dataSource(dataSource).schemas(schemas).load().migrate();
    }
}
