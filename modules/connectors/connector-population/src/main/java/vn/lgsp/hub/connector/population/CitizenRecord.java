package vn.lgsp.hub.connector.population;

import java.time.LocalDate;
import vn.lgsp.hub.core.ids.Masking;

/**
 * A citizen as the population database describes them (a CongDan), in the hub's words. Coded attributes (sex,
 * ethnicity, religion, marital status, blood group, nationality) are passed on as the database's codes. Any field
 * may be null when the database leaves it out. {@link #toString()} is masked.
 *
 * @param birthYear the year of birth; the only part known for some older records
 * @param birthDate the full date of birth, or null when only the year is known
 */
public record CitizenRecord(
        String personalId,
        String oldIdNumber,
        String familyName,
        String middleName,
        String givenName,
        String sex,
        Integer birthYear,
        LocalDate birthDate,
        String ethnicity,
        String religion,
        String maritalStatus,
        String bloodGroup,
        String nationality,
        Address birthRegistrationPlace,
        Address hometown,
        Address permanentResidence,
        Address currentResidence,
        Relative father,
        Relative mother,
        Relative spouse,
        Relative representative,
        HouseholdHead householdHead,
        String householdBookNumber) {

    /** Family, middle and given name joined by single spaces, the way Vietnamese names are written. */
    public String fullName() {
        StringBuilder sb = new StringBuilder();
        for (String part : new String[] {familyName, middleName, givenName}) {
            if (part != null && !part.isBlank()) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(part.trim());
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "CitizenRecord[personalId=" + Masking.maskPersonalId(personalId)
                + ", name=" + Masking.maskName(fullName()) + ", ...]";
    }

    /** An address; the district code may be empty or a legacy value since district level was abolished. */
    public record Address(String provinceCode, String districtCode, String communeCode, String detail,
            String country) {

        @Override
        public String toString() {
            return "Address[provinceCode=" + provinceCode + ", ...]";
        }
    }

    /** A parent, spouse or legal representative. */
    public record Relative(String fullName, String nationality, String personalId, String oldIdNumber) {

        @Override
        public String toString() {
            return "Relative[personalId=" + Masking.maskPersonalId(personalId)
                    + ", fullName=" + Masking.maskName(fullName) + "]";
        }
    }

    /** The head of the citizen's household and how the citizen is related to them. */
    public record HouseholdHead(String relationship, String personalId, String oldIdNumber, String fullName) {

        @Override
        public String toString() {
            return "HouseholdHead[relationship=" + relationship + ", personalId="
                    + Masking.maskPersonalId(personalId) + ", fullName=" + Masking.maskName(fullName) + "]";
        }
    }
}
