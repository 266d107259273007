package vn.lgsp.hub.audit;

/** The kinds of event in an exchange's timeline. */
public enum ExchangeStep {
    ACCEPTED, ATTEMPT, RETRY_SCHEDULED, PARKED, HELD, RELEASED, DELIVERED, FAILED, REPLAYED, DISCARDED,
    /** An intake dossier's applicant was checked against the population database; the detail holds the verdict. */
    VERIFIED
}
