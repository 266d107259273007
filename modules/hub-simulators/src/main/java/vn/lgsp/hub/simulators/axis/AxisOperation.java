package vn.lgsp.hub.simulators.axis;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import java.util.List;
import java.util.Locale;

/** The axis' operations, by method and path under {@code /vxp}; their lower-case names scope faults. */
public enum AxisOperation {

  /** {@code POST /vxp/edoc/send}. */
  SEND,
  /** {@code GET /vxp/edoc/received}. */
  RECEIVED,
  /** {@code GET /vxp/edoc/{docId}}. */
  FETCH,
  /** {@code POST /vxp/edoc/{docId}/status}. */
  STATUS,
  /** {@code GET /vxp/agencies}. */
  AGENCIES;

  /** The name an admin gives as {@code "operation"}. */
  public String scope() {
    return name().toLowerCase(Locale.ROOT);
  }

  static boolean isScope(String name) {
    return List.of(values()).stream().anyMatch(operation -> operation.scope().equals(name));
  }

  /** The operation for {@code segments}, the decoded path after {@code /vxp/}; null when there is none. */
  static AxisOperation of(RequestMethod method, List<String> segments) {
    boolean get = method.equals(RequestMethod.GET);
    boolean post = method.equals(RequestMethod.POST);
    if (segments.equals(List.of("agencies"))) {
      return get ? AGENCIES : null;
    }
    if (segments.size() < 2 || !segments.get(0).equals("edoc")) {
      return null;
    }
    if (segments.size() == 2) {
      return switch (segments.get(1)) {
        case "send" -> post ? SEND : null;
        case "received" -> get ? RECEIVED : null;
        default -> get ? FETCH : null;
      };
    }
    return segments.size() == 3 && segments.get(2).equals("status") && post ? STATUS : null;
  }
}
