package vn.lgsp.hub.connector.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import vn.lgsp.hub.simulators.Simulator;

/**
 * One simulator for a test class, on a free port, as a JUnit extension in a static {@code @RegisterExtension} field:
 * started the first time it is asked for (Spring may build the context, which reads the simulator's URL, before or
 * after JUnit's before-all callbacks), reset before each test by the test's own {@code reset} action, stopped after
 * the class. {@link #register} hands the properties declared with {@link #property} to Spring.
 *
 * @param <S> the simulator
 */
public final class SimulatorExtension<S extends Simulator> implements BeforeEachCallback, AfterAllCallback {

    private record Property<S>(String name, Function<S, String> value) {
    }

    private final IntFunction<S> factory;
    private final List<Property<S>> properties = new ArrayList<>();
    private Consumer<S> reset = simulator -> { };
    private S simulator;

    private SimulatorExtension(IntFunction<S> factory) {
        this.factory = factory;
    }

    /** {@code factory} makes the simulator from a port; it is given 0, a free port. */
    public static <S extends Simulator> SimulatorExtension<S> of(IntFunction<S> factory) {
        return new SimulatorExtension<>(Objects.requireNonNull(factory, "factory"));
    }

    /** A Spring property whose value comes from the started simulator (its URL, mostly). */
    public SimulatorExtension<S> property(String name, Function<S, String> value) {
        properties.add(new Property<>(name, value));
        return this;
    }

    /** A fixed Spring property that belongs with this simulator (an API key it accepts). */
    public SimulatorExtension<S> property(String name, String value) {
        return property(name, simulator -> value);
    }

    /** Run before each test, e.g. {@code BusinessSimulator::reset}, so that no test sees another's faults. */
    public SimulatorExtension<S> resetBeforeEach(Consumer<S> reset) {
        this.reset = Objects.requireNonNull(reset, "reset");
        return this;
    }

    /** Adds the declared properties, evaluated when Spring reads them. */
    public void register(DynamicPropertyRegistry registry) {
        for (Property<S> property : properties) {
            registry.add(property.name(), () -> property.value().apply(get()));
        }
    }

    /** The simulator, started. */
    public synchronized S get() {
        if (simulator == null) {
            S created = factory.apply(0);
            created.start();
            simulator = created;
        }
        return simulator;
    }

    public String baseUrl() {
        return get().baseUrl();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        reset.accept(get());
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (simulator != null) {
            simulator.stop();
            simulator = null;
        }
    }
}
