package vn.lgsp.hub.audit;

/** Where an exchange stands. The names are part of the public API ({@code GET /api/v1/exchanges/{id}}). */
public enum ExchangeState {
    /** Durable in the broker and recorded; not tried yet. */
    ACCEPTED,
    /** A delivery attempt is under way. */
    IN_PROGRESS,
    /** An attempt failed for a transient reason; another is scheduled. */
    RETRYING,
    /** Waiting behind an earlier exchange of the same subject that is dead-lettered. */
    HELD,
    /** The target confirmed it. */
    DELIVERED,
    /** Dead-lettered: retries exhausted or rejected by the target; an operator may replay or discard it. */
    FAILED,
    /** An operator discarded it, with a reason. */
    DISCARDED;

    public boolean isFinal() {
        return this == DELIVERED || this == DISCARDED;
    }
}
