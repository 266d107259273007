package vn.lgsp.hub.connector.population;

/**
 * The answer to XacThucThongTinCongDan: whether a citizen with these details exists and, when the database sends
 * it, the matching record (null otherwise).
 */
public record VerificationResult(boolean exists, CitizenRecord matched) {
}
