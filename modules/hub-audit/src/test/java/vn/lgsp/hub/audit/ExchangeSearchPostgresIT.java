package vn.lgsp.hub.audit;

/**
 * The exchange search contract on PostgreSQL, in a schema of its own that is dropped afterwards (see
 * {@link PostgresSchema} for the system properties).
 */
class ExchangeSearchPostgresIT extends ExchangeSearchContract {

    ExchangeSearchPostgresIT() {
        super(new PostgresSchema("search_it", 2));
    }
}
