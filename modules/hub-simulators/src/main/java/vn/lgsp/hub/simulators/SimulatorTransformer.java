package vn.lgsp.hub.simulators;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.Objects;

/**
 * Base of the simulators' transformers, which hold their behaviour: a name for the simulator's stubs to refer to,
 * the state it shares with the Java and admin APIs, and a logger named after the concrete class.
 *
 * <p>A transformer never applies globally: it answers only the stubs that name it, so that a stub someone adds
 * through WireMock's own API for the same path gets its plain response, the escape hatch for one-off scenarios.
 *
 * @param <S> what the transformer reads or changes on every call
 */
public abstract class SimulatorTransformer<S> implements ResponseDefinitionTransformerV2 {

  /** Where the hub puts a delivery's idempotency key, whichever system it delivers to. */
  protected static final String IDEMPOTENCY_HEADER = "X-Idempotency-Key";

  protected final S state;
  protected final System.Logger log = System.getLogger(getClass().getName());

  private final String name;

  protected SimulatorTransformer(String name, S state) {
    this.name = Objects.requireNonNull(name, "name");
    this.state = Objects.requireNonNull(state, "state");
  }

  /** The answer to one request, built from the request alone: no stub of a simulator carries a response. */
  protected abstract ResponseDefinition answer(LoggedRequest request);

  @Override
  public final String getName() {
    return name;
  }

  @Override
  public final boolean applyGlobally() {
    return false;
  }

  @Override
  public final ResponseDefinition transform(ServeEvent serveEvent) {
    return answer(serveEvent.getRequest());
  }
}
