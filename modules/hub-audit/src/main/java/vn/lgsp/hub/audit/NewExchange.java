package vn.lgsp.hub.audit;

/**
 * What is known of an exchange when it is accepted.
 *
 * @param eventKey      identifies the event the exchange carries; the same event sent again has the same key
 * @param subjectMasked already masked (see {@link vn.lgsp.hub.core.ids.Masking}); masked again defensively
 * @param officerId     the officer making the call, when the flow names one; otherwise {@code null}
 * @param purpose       why the call is made, as {@code procedureCode/dossierCode}; otherwise {@code null}
 */
public record NewExchange(
        String flow,
        String operation,
        String clientId,
        String correlationId,
        String eventKey,
        String subjectKey,
        Long sequence,
        String subjectMasked,
        String officerId,
        String purpose) {
}
