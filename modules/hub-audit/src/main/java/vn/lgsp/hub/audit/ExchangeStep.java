package vn.lgsp.hub.audit;

/** The kinds of event in an exchange's timeline. */
public enum ExchangeStep {
    ACCEPTED, ATTEMPT, RETRY_SCHEDULED, PARKED, HELD, RELEASED, DELIVERED, FAILED, REPLAYED, DISCARDED
}
