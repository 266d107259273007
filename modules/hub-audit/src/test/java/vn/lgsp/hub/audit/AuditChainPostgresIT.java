package vn.lgsp.hub.audit;

/**
 * The hash chain and retention contract on PostgreSQL, in a schema of its own that is dropped afterwards (see
 * {@link PostgresSchema} for the system properties).
 */
class AuditChainPostgresIT extends AuditChainContract {

    AuditChainPostgresIT() {
        // two writers, two sealers and the test thread in the concurrency test
        super(new PostgresSchema("chain_it", 6));
    }
}
