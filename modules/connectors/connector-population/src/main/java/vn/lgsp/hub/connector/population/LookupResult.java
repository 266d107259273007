package vn.lgsp.hub.connector.population;

import java.util.List;

/** The answer to TraCuuThongTinCongDan: the matching citizens, usually none or one. */
public record LookupResult(List<CitizenRecord> citizens) {

    public LookupResult {
        citizens = List.copyOf(citizens);
    }

    public boolean found() {
        return !citizens.isEmpty();
    }
}
