package vn.lgsp.hub.connector.docex.axis;

/**
 * An agency registered on the axis ({@code GET /vxp/agencies}).
 *
 * @param code   its electronic code (mã định danh)
 * @param pcode  its parent's code; may be {@code null}
 * @param name   its name
 * @param mail   may be {@code null}
 * @param mobile may be {@code null}
 * @param fax    may be {@code null}
 */
public record AxisAgency(String code, String pcode, String name, String mail, String mobile, String fax) {
}
