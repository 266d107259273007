package vn.lgsp.hub.connector.docex.model;

/** An organisation as edXML names it in {@code From}, {@code To} and status packages. Only {@code OrganId} is required. */
public record Organization(String organId, String organizationInCharge, String organName, String organAdd,
                           String email, String telephone, String fax, String website) {

    public static Organization of(String organId, String organName) {
        return new Organization(organId, null, organName, null, null, null, null, null);
    }
}
