package vn.lgsp.hub.audit;

/** The kinds of event in an exchange's timeline. */
public enum ExchangeStep {
    ACCEPTED, ATTEMPT, RETRY_SCHEDULED, PARKED, HELD, RELEASED, DELIVERED, FAILED, REPLAYED, DISCARDED,
    /**
     * Something the exchange carries was checked, and the detail holds the verdict: an intake applicant against the
     * population database, a document package's XML signature.
     */
    VERIFIED,
    /** A package waiting in an agency's inbox was fetched and acknowledged by that agency. */
    ACKNOWLEDGED
}
