package vn.lgsp.hub.app.flow.identity.soap;

import vn.lgsp.hub.app.ws.citizens.Address;
import vn.lgsp.hub.app.ws.citizens.HouseholdHead;
import vn.lgsp.hub.app.ws.citizens.LookupResult;
import vn.lgsp.hub.app.ws.citizens.Relative;
import vn.lgsp.hub.connector.population.CitizenRecord;

/**
 * A {@link CitizenRecord} as the SOAP lookup answers it: field for field what the REST lookup answers, a field the
 * database left out is absent, then the exchange id.
 */
final class CitizenRecords {

    private CitizenRecords() {
    }

    static LookupResult toLookupResult(CitizenRecord c, String exchangeId) {
        LookupResult r = new LookupResult();
        r.setPersonalId(c.personalId());
        r.setOldIdNumber(c.oldIdNumber());
        r.setFamilyName(c.familyName());
        r.setMiddleName(c.middleName());
        r.setGivenName(c.givenName());
        r.setSex(c.sex());
        r.setBirthYear(c.birthYear());
        r.setBirthDate(c.birthDate() == null ? null : c.birthDate().toString());
        r.setEthnicity(c.ethnicity());
        r.setReligion(c.religion());
        r.setMaritalStatus(c.maritalStatus());
        r.setBloodGroup(c.bloodGroup());
        r.setNationality(c.nationality());
        r.setBirthRegistrationPlace(address(c.birthRegistrationPlace()));
        r.setHometown(address(c.hometown()));
        r.setPermanentResidence(address(c.permanentResidence()));
        r.setCurrentResidence(address(c.currentResidence()));
        r.setFather(relative(c.father()));
        r.setMother(relative(c.mother()));
        r.setSpouse(relative(c.spouse()));
        r.setRepresentative(relative(c.representative()));
        r.setHouseholdHead(householdHead(c.householdHead()));
        r.setHouseholdBookNumber(c.householdBookNumber());
        r.setExchangeId(exchangeId);
        return r;
    }

    private static Address address(CitizenRecord.Address a) {
        if (a == null) {
            return null;
        }
        Address x = new Address();
        x.setProvinceCode(a.provinceCode());
        x.setDistrictCode(a.districtCode());
        x.setCommuneCode(a.communeCode());
        x.setDetail(a.detail());
        x.setCountry(a.country());
        return x;
    }

    private static Relative relative(CitizenRecord.Relative p) {
        if (p == null) {
            return null;
        }
        Relative x = new Relative();
        x.setFullName(p.fullName());
        x.setNationality(p.nationality());
        x.setPersonalId(p.personalId());
        x.setOldIdNumber(p.oldIdNumber());
        return x;
    }

    private static HouseholdHead householdHead(CitizenRecord.HouseholdHead h) {
        if (h == null) {
            return null;
        }
        HouseholdHead x = new HouseholdHead();
        x.setRelationship(h.relationship());
        x.setPersonalId(h.personalId());
        x.setOldIdNumber(h.oldIdNumber());
        x.setFullName(h.fullName());
        return x;
    }
}
