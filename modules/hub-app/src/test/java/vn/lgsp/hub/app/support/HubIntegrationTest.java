package vn.lgsp.hub.app.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
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
import vn.lgsp.hub.app.security.ClientRegistry;
import vn.lgsp.hub.audit.ExchangeLog;
import vn.lgsp.hub.simulators.agency.AgencySimulator;
import vn.lgsp.hub.simulators.axis.AxisSimulator;
import vn.lgsp.hub.simulators.business.BusinessSimulator;
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
                "hub.flow.intake.verification.max-delay=3s",
                // documents: tests call the axis poller themselves; retries quick
                "hub.flow.document.poll.enabled=false",
                "hub.flow.document.retry.in-place-attempts=2",
                "hub.flow.document.retry.in-place-delay=20ms",
                "hub.flow.document.retry.first-delay=100ms",
                "hub.flow.document.retry.max-delay=400ms",
                "hub.flow.document.retry.max-attempts=30",
                "hub.flow.document.signature.senders.000.00.21.H56=REQUIRE_VALID",
                "hub.connector.docex.axis.read-timeout=5s",
                // the tests' clients call far faster than a real one (HostileInputIT: 700 calls in seconds); the rate
                // limit itself is tested with the registry's slow-client and its own limit
                "hub.security.rate-limit.per-second=10000",
                "hub.security.rate-limit.burst=10000",
                // routes as configuration: the repository's route files (the business registry), a breaker that
                // opens after three failed calls and stays open briefly, registry lookups cut after 2.5s
                "hub.routes.location=../../config/routes",
                "hub.routes.breaker.minimum-calls=3",
                "hub.routes.breaker.sliding-window-size=3",
                "hub.routes.breaker.wait-in-open-state=1s",
                "hub.upstreams.bizreg.api-key=test-bizreg-key",
                "hub.upstreams.bizreg.timeout=2500"
        })
public abstract class HubIntegrationTest {

    protected static final PortalSimulator PORTAL = new PortalSimulator(0);
    /** The population database's SOAP endpoint; tests stub it with {@link PopulationStub}. */
    protected static final PopulationStub POPULATION = new PopulationStub();
    protected static final OneStopSimulator ONESTOP = new OneStopSimulator(0);
    protected static final AxisSimulator AXIS = new AxisSimulator(0);
    protected static final AgencySimulator AGENCIES = new AgencySimulator(0);
    /** Provincial agencies of the tests' directory: two receive by push, two fetch from their inbox. */
    protected static final String PUSH_AGENCY = "000.00.14.H56";
    protected static final String SIGNING_AGENCY = "000.00.21.H56";
    protected static final String INBOX_AGENCY = "000.00.11.H56";
    protected static final String OFFICE = "000.00.01.H56";
    /** The national business registry (config/routes/business-registry.yaml): a bare WireMock server. */
    protected static final WireMockServer BIZREG = new WireMockServer(wireMockConfig().dynamicPort());
    /** The same registry behind connector-business, the module version of the worked example: its simulator. */
    protected static final BusinessSimulator BUSINESS = new BusinessSimulator(0);
    /** The authorisation server whose bearer tokens the hub accepts. */
    protected static final AuthorizationServer AUTH = new AuthorizationServer();
    private static final Path DIRECTORY;
    private static final Path CLIENTS;
    private static final Path DATA;

    /**
     * The tests' client registry, besides the demo client and operator: clients with one service each, an agency's
     * document system, clients known by their bearer tokens' client id, and a client with a tight rate limit.
     */
    protected static final String CLIENT_REGISTRY = """
            clients:
              - id: reader             # SHA-256 of "reader-key"
                api-key-sha256: [ec4408df15da46b328f6f3246fa723d0aa6cb0f0a0dd9c4626080ab1b02aa3b2]
                services: [exchanges.read]
              - id: verifier           # SHA-256 of "verifier-key": may verify citizens, not look them up
                api-key-sha256: [8d22b8f1db295f7eddb7aa199fb4989a84e30e8ece2820d398d6408fdc672d65]
                services: [citizens.verify]
              - id: agency11           # SHA-256 of "agency11-key": documents as Sở Tài chính (000.00.11.H56) only
                api-key-sha256: [a638a1cf011d8571b34eec2538b63fbd9d3cb701bac2296a00d59720ccbe79db]
                services: [documents.send, documents.inbox]
                agencies: [000.00.11.H56]
              - id: token-client       # bearer tokens of client "hub-test-client"
                oauth-client-id: hub-test-client
                services: [citizens.verify, exchanges.read]
              - id: slow-client        # SHA-256 of "slow-key": one call a second, two at once
                api-key-sha256: [%s]
                services: [exchanges.read]
                rate-limit: {per-second: 1, burst: 2}
              - id: bizreg-client      # SHA-256 of "bizreg-key": may look enterprises up (a route file's service)
                api-key-sha256: [%s]
                services: [business-registry.lookup]
              - {id: notify-client, api-key-sha256: [7271d48cd821e90f8b43c74ba40a4412e31d28fe052d0c9a6a156e085bba8b1d], services: [business-registry.notify]} # SHA-256 of "notify-key"
              - id: enterprises-client # SHA-256 of "enterprises-key": may look enterprises up (connector-business)
                api-key-sha256: [%s]
                services: [enterprises.lookup]
            operators:
              - id: token-operator     # bearer tokens of client "hub-test-ops"
                oauth-client-id: hub-test-ops
            """.formatted(ClientRegistry.sha256("slow-key"), ClientRegistry.sha256("bizreg-key"),
                    ClientRegistry.sha256("enterprises-key"));

    static {
        PORTAL.start();
        POPULATION.start();
        ONESTOP.start();
        AXIS.start();
        AGENCIES.start();
        AUTH.start();
        BIZREG.start();
        BUSINESS.start();
        try {
            DATA = Files.createTempDirectory("hub-it-");
            DIRECTORY = DATA.resolve("agencies.yml");
            Files.writeString(DIRECTORY, """
                    agencies:
                      - {code: "%s", name: "Sở Xây dựng tỉnh Thanh Hóa", receives: push, push-url: "%s"}
                      - {code: "%s", name: "Sở Y tế tỉnh Thanh Hóa", receives: push, push-url: "%s"}
                      - {code: "%s", name: "Sở Tài chính tỉnh Thanh Hóa", receives: inbox}
                      - {code: "%s", name: "Văn phòng UBND tỉnh Thanh Hóa", receives: inbox}
                    """.formatted(PUSH_AGENCY, AGENCIES.pushUrl(PUSH_AGENCY), SIGNING_AGENCY,
                    AGENCIES.pushUrl(SIGNING_AGENCY), INBOX_AGENCY, OFFICE));
            CLIENTS = DATA.resolve("clients.yml");
            Files.writeString(CLIENTS, CLIENT_REGISTRY);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry r) {
        r.add("hub.connector.portal.base-url", PORTAL::baseUrl);
        r.add("hub.connector.population.address", POPULATION::address);
        r.add("hub.connector.onestop.base-url", ONESTOP::baseUrl);
        r.add("hub.connector.docex.axis.base-url", AXIS::baseUrl);
        r.add("hub.connector.docex.directory-location", () -> DIRECTORY.toUri().toString());
        r.add("hub.security.registry.location", () -> CLIENTS.toUri().toString());
        r.add("hub.upstreams.bizreg.url", () -> "http://127.0.0.1:" + BIZREG.port());
        r.add("hub.connector.business.url", BUSINESS::baseUrl);
        r.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", AUTH::jwksUrl);
        r.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> AuthorizationServer.ISSUER);
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
