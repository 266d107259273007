package vn.lgsp.hub.simulators;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the body of an admin {@code POST .../faults}: a JSON object {@code {"kind", "times", "delayMs"}} where
 * {@code times} defaults to 1 and {@code delayMs} is required for {@code DELAY} only.
 */
public final class FaultRequests {

  public static final String DELAY = "DELAY";

  /** A well-formed request; {@code delay} is set for {@code DELAY} only. */
  public record FaultRequest(String kind, int times, Duration delay) {
  }

  /** Either the request or, when the body is malformed, the message for a bad-request reply. */
  public record Parsed(FaultRequest request, String error) {
  }

  private FaultRequests() {
  }

  /** {@code body} as parsed JSON (maps for objects), or null when there was none. */
  public static Parsed parse(Object body) {
    if (!(body instanceof Map<?, ?> request) || !(request.get("kind") instanceof String kind)) {
      return invalid("Body must be a JSON object with \"kind\"");
    }
    Object timesValue = request.containsKey("times") ? request.get("times") : 1;
    if (!(timesValue instanceof Integer times) || times < 1) {
      return invalid("\"times\" must be a positive integer");
    }
    Duration delay = null;
    if (kind.equals(DELAY)) {
      if (!(request.get("delayMs") instanceof Integer delayMs) || delayMs < 0) {
        return invalid("DELAY needs \"delayMs\", a non-negative integer");
      }
      delay = Duration.ofMillis(delayMs);
    }
    return new Parsed(new FaultRequest(kind, times, delay), null);
  }

  /**
   * Pending injections for an admin {@code GET .../faults}, each in the shape a {@code POST} takes
   * ({@code kind}, {@code times} still to go, {@code delayMs} for a delay), so that a listing reads like the requests
   * that made it.
   *
   * @param delay the injection's delay, or null when it is not one
   */
  public static <I> List<Map<String, Object>> describe(List<Injections.Step<I>> steps, Function<I, String> kind,
      Function<I, Duration> delay) {
    return describe(steps, kind, delay, injection -> Map.of());
  }

  /** As {@link #describe(List, Function, Function)}, each view followed by the entries {@code more} gives. */
  public static <I> List<Map<String, Object>> describe(List<Injections.Step<I>> steps, Function<I, String> kind,
      Function<I, Duration> delay, Function<I, Map<String, ?>> more) {
    return steps.stream().map(step -> {
      Map<String, Object> view = new LinkedHashMap<>();
      view.put("kind", kind.apply(step.injection()));
      view.put("times", step.remaining());
      Duration late = delay.apply(step.injection());
      if (late != null) {
        view.put("delayMs", late.toMillis());
      }
      view.putAll(more.apply(step.injection()));
      return view;
    }).toList();
  }

  /** The constant of {@code type} named exactly {@code kind}, or null. */
  public static <F extends Enum<F>> F faultNamed(Class<F> type, String kind) {
    for (F fault : type.getEnumConstants()) {
      if (fault.name().equals(kind)) {
        return fault;
      }
    }
    return null;
  }

  private static Parsed invalid(String message) {
    return new Parsed(null, message);
  }
}
