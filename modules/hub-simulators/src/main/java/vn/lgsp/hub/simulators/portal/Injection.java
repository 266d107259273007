package vn.lgsp.hub.simulators.portal;

import java.time.Duration;

/** Something switched on for the next calls to {@code /adapter/api}. */
sealed interface Injection {

  /** Short name used by the HTTP admin API. */
  String kind();

  /** The call fails and is not processed. */
  record Fail(PortalFault fault) implements Injection {
    @Override
    public String kind() {
      return fault.name();
    }
  }

  /**
   * The call is processed normally, only the reply is late: the portal has committed the data
   * before the client gives up, which is exactly when a client's retry must not duplicate it.
   */
  record Delay(Duration delay) implements Injection {
    @Override
    public String kind() {
      return "DELAY";
    }
  }

  /** The call is answered with a business rejection and not recorded. */
  record Reject() implements Injection {
    @Override
    public String kind() {
      return "REJECT";
    }
  }
}
