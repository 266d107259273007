package vn.lgsp.hub.connector.business;

import java.math.BigDecimal;
import java.time.LocalDate;
import vn.lgsp.hub.core.ids.Masking;

/**
 * The reply of {@code GET /api/v1/enterprises/{enterpriseCode}}: an enterprise in the hub's words. Coded values are
 * translated (see {@link EnterpriseMapper}); a code the hub does not know is passed on as the database sent it. Any
 * field but the first two may be null. {@link #toString()} masks the legal representative, a person.
 *
 * @param type                JOINT_STOCK_COMPANY, SINGLE_MEMBER_LLC, MULTI_MEMBER_LLC, PRIVATE_ENTERPRISE,
 *                            PARTNERSHIP, BRANCH, REPRESENTATIVE_OFFICE, BUSINESS_LOCATION
 * @param status              ACTIVE, SUSPENDED, DISSOLVED, CLOSED, REVOKED, BANKRUPT, AWAITING_DISSOLUTION
 * @param registeredOn        the date of first registration
 * @param charterCapital      in đồng; null for a branch
 */
public record Enterprise(
        String enterpriseCode,
        String name,
        String shortName,
        String type,
        String status,
        LocalDate registeredOn,
        String address,
        String legalRepresentative,
        BigDecimal charterCapital) {

    @Override
    public String toString() {
        return "Enterprise[enterpriseCode=" + enterpriseCode + ", status=" + status + ", legalRepresentative="
                + Masking.maskName(legalRepresentative) + ", ...]";
    }
}
