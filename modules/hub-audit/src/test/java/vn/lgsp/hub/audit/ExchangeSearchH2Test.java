package vn.lgsp.hub.audit;

/** The exchange search contract on a private in-memory H2 database, migrated by Flyway. */
class ExchangeSearchH2Test extends ExchangeSearchContract {

    ExchangeSearchH2Test() {
        super(new H2Memory("search_", ""));
    }
}
