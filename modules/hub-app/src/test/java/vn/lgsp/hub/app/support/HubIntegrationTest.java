package vn.lgsp.hub.app.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.lgsp.hub.app.HubApplication;
import vn.lgsp.hub.audit.ExchangeLog;
import vn.lgsp.hub.simulators.onestop.OneStopSimulator;
import vn.lgsp.hub.simulators.portal.PortalSimulator;

/**
 * The hub as it runs in the embedded default (real embedded Artemis with a journal, H2 file database, real HTTP),
 * delivering to the portal and one-stop-shop simulators in this JVM. Retry timings are shortened so that tests are quick; the policy
 * itself is the production one.
 */
@AutoConfigureObservability
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "hub.connector.portal.request-timeout=1s",
                "hub.connector.portal.connect-timeout=1s",
                "hub.flow.dossier.retry.in-place-attempts=2",
                "hub.flow.dossier.retry.in-place-delay=20ms",
                "hub.flow.dossier.retry.first-delay=100ms",
                "hub.flow.dossier.retry.max-delay=400ms",
                "hub.flow.dossier.retry.max-attempts=6",
                "hub.broker.max-delivery-attempts=3",
                "hub.broker.redelivery-delay-ms=50",
                "hub.security.clients[0].id=reader",
                // SHA-256 of "reader-key"
                "hub.security.clients[0].api-key-sha256[0]=ec4408df15da46b328f6f3246fa723d0aa6cb0f0a0dd9c4626080ab1b02aa3b2",
                "hub.security.clients[0].services[0]=exchanges.read",
                "hub.security.clients[1].id=verifier",
                // SHA-256 of "verifier-key": may verify citizens, not look them up
                "hub.security.clients[1].api-key-sha256[0]=8d22b8f1db295f7eddb7aa199fb4989a84e30e8ece2820d398d6408fdc672d65",
                "hub.security.clients[1].services[0]=citizens.verify",
                // a breaker that opens after three failed calls and stays open briefly
                "hub.connector.population.verify.minimum-calls=3",
                "hub.connector.population.verify.sliding-window-size=3",
                "hub.connector.population.verify.wait-in-open-state=1s",
                "hub.connector.population.lookup.minimum-calls=3",
                "hub.connector.population.lookup.sliding-window-size=3",
                "hub.connector.population.lookup.wait-in-open-state=1s",
                "hub.connector.onestop.read-timeout=1s",
                "hub.connector.onestop.connect-timeout=1s",
                // intake: tests call the poller themselves; retries quick; the population database waited for 3s
                "hub.flow.intake.poll.enabled=false",
                "hub.flow.intake.retry.in-place-attempts=2",
                "hub.flow.intake.retry.in-place-delay=20ms",
                "hub.flow.intake.retry.first-delay=100ms",
                "hub.flow.intake.retry.max-delay=400ms",
                "hub.flow.intake.retry.max-attempts=8",
                "hub.flow.intake.verification.max-delay=3s"
        })
public abstract class HubIntegrationTest {

    protected static final PortalSimulator PORTAL = new PortalSimulator(0);
    /** The population database's SOAP endpoint; tests stub it with {@link PopulationStub}. */
    protected static final PopulationStub POPULATION = new PopulationStub();
    protected static final OneStopSimulator ONESTOP = new OneStopSimulator(0);
    private static final Path DATA;

    static {
        PORTAL.start();
        POPULATION.start();
        ONESTOP.start();
        try {
            DATA = Files.createTempDirectory("hub-it-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry r) {
        r.add("hub.connector.portal.base-url", PORTAL::baseUrl);
        r.add("hub.connector.population.address", POPULATION::address);
        r.add("hub.connector.onestop.base-url", ONESTOP::baseUrl);
        r.add("spring.datasource.url", () -> "jdbc:h2:file:" + DATA.resolve("exchange-log") + ";WRITE_DELAY=0");
        r.add("spring.artemis.embedded.data-directory", () -> DATA.resolve("artemis").toString());
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected ExchangeLog exchangeLog;

    protected HubClient hub;

    @BeforeEach
    void connect() {
        hub = new HubClient("http://127.0.0.1:" + port);
        PORTAL.reset();
    }
}
