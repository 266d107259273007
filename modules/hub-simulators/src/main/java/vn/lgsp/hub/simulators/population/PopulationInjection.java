package vn.lgsp.hub.simulators.population;

import java.time.Duration;

/** Something switched on for the next calls to {@code /ws/population}. */
sealed interface PopulationInjection {

  /** Short name used by the HTTP admin API. */
  String kind();

  /** The call fails and is not processed. */
  record Fail(PopulationFault fault) implements PopulationInjection {
    @Override
    public String kind() {
      return fault.name();
    }
  }

  /** The call is answered normally, only late. */
  record Delay(Duration delay) implements PopulationInjection {
    @Override
    public String kind() {
      return "DELAY";
    }
  }
}
