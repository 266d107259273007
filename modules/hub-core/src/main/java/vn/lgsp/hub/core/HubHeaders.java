package vn.lgsp.hub.core;

/** Names of the headers and message properties the hub sets; one place so that every hop agrees. */
public final class HubHeaders {

    /** HTTP header a caller may send to correlate, and that the hub returns and propagates. */
    public static final String CORRELATION_ID_HTTP = "X-Correlation-Id";
    /** Log-context (MDC) key of the correlation id; outbound calls send it on as {@link #CORRELATION_ID_HTTP}. */
    public static final String CORRELATION_ID_MDC = "correlationId";
    /** Log-context (MDC) key of the exchange id while a delivery runs. */
    public static final String EXCHANGE_ID_MDC = "exchangeId";
    /** HTTP header with the API key. */
    public static final String API_KEY_HTTP = "X-API-Key";
    /** HTTP header with the idempotency key on every outbound delivery. */
    public static final String IDEMPOTENCY_KEY_HTTP = "X-Idempotency-Key";

    /** Message properties (JMS-legal identifiers: no dots or dashes). */
    public static final String EXCHANGE_ID = "hubExchangeId";
    /** The subject an ordered flow keeps in order: a dossier code, later a document id. */
    public static final String SUBJECT_KEY = "hubSubjectKey";
    public static final String SEQUENCE = "hubSequence";
    public static final String OPERATION = "hubOperation";
    public static final String EVENT_KEY = "hubEventKey";
    public static final String ATTEMPT = "hubAttempt";
    public static final String FIRST_ATTEMPT_AT = "hubFirstAttemptAt";
    public static final String CLIENT_ID = "hubClientId";

    private HubHeaders() {
    }
}
