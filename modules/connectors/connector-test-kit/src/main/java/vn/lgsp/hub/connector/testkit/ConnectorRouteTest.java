package vn.lgsp.hub.connector.testkit;

import java.util.HashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Base of a connector's route tests: a Camel context on Spring Boot with the connector's auto-configuration (see
 * {@link ConnectorTestApplication}), a {@link ProducerTemplate} to call its routes, and helpers that return what a
 * call threw. The simulator comes from a {@link SimulatorExtension} field of the test, whose properties the test hands
 * to Spring in a {@code @DynamicPropertySource} method:
 *
 * <pre>{@code
 * class BusinessRoutesTest extends ConnectorRouteTest {
 *
 *     @RegisterExtension
 *     static final SimulatorExtension<BusinessSimulator> business = SimulatorExtension.of(BusinessSimulator::new)
 *             .property("hub.connector.business.url", Simulator::baseUrl)
 *             .property("hub.connector.business.api-key", "test-key");
 *
 *     @DynamicPropertySource
 *     static void properties(DynamicPropertyRegistry registry) {
 *         business.register(registry);
 *     }
 * }
 * }</pre>
 *
 * Each test class gets its own Spring context (its property source method is its own), and the simulator is reset
 * before each test by the extension.
 */
@CamelSpringBootTest
@SpringBootTest(classes = ConnectorTestApplication.class)
public abstract class ConnectorRouteTest {

    @Autowired
    protected ProducerTemplate template;

    @Autowired
    protected CamelContext camel;

    /** Sends {@code body} and {@code headers} to {@code uri} and returns the reply body, converted. */
    protected <T> T request(String uri, Object body, Map<String, Object> headers, Class<T> type) {
        return template.requestBodyAndHeaders(uri, body, headers, type);
    }

    /**
     * What a call to {@code uri} threw, unwrapped from Camel's {@link CamelExecutionException}; fails the test when
     * the call succeeded.
     */
    protected Throwable failure(String uri, Object body, Map<String, Object> headers) {
        Exchange done = template.send(uri, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(new HashMap<>(headers));
        });
        Throwable thrown = done.getException();
        if (thrown == null) {
            throw new AssertionError("expected " + uri + " to fail, but it answered "
                    + done.getMessage().getBody());
        }
        return thrown instanceof CamelExecutionException wrapped && wrapped.getCause() != null
                ? wrapped.getCause() : thrown;
    }

    /** Assertions on what a call to {@code uri} threw: {@code assertUpstreamFailure(...).hasCode(...).isRetryable()}. */
    protected UpstreamFailureAssert assertUpstreamFailure(String uri, Object body, Map<String, Object> headers) {
        return UpstreamFailureAssert.assertThatFailure(failure(uri, body, headers));
    }
}
