package vn.lgsp.hub.app.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import io.swagger.v3.oas.annotations.Hidden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.app.security.ClientRegistry;
import vn.lgsp.hub.app.support.HubClient;
import vn.lgsp.hub.app.support.HubIntegrationTest;
import vn.lgsp.hub.connector.population.PopulationCircuitBreakers;
import vn.lgsp.hub.core.service.ServiceDescriptor;
import vn.lgsp.hub.core.service.ServiceDescriptor.Operation;
import vn.lgsp.hub.core.service.ServiceSource;

/**
 * The service catalogue over real HTTP, with a service contributed as a {@link ServiceDescriptor} bean (as a
 * connector module does) and one by a {@link ServiceSource} (as route files do): each client sees only what it may
 * use, the contributed access rights are accepted in the client registry and open exactly their paths, the state
 * follows the upstream, and the OpenAPI document and WSDLs are served to clients only.
 */
@Import(CatalogueIT.Contributions.class)
@DirtiesContext
class CatalogueIT extends HubIntegrationTest {

    private static final String BUSINESS = "/api/v1/tax-registry/enterprises/";
    private static final String LAND = "/api/v1/land-records/parcels/";
    private static final String VERIFIER_KEY = "catalogue-verifier-key";
    private static final String BUSINESS_KEY = "catalogue-business-key";
    private static final String LAND_KEY = "catalogue-land-key";
    /**
     * The contributed access rights are known only in this test's hub, so its clients cannot be in the registry file
     * every test's hub reads at start-up; they are added to it while each test runs, as an operator would edit it
     * (a hub of another test refuses the edit and keeps its registry), and the file is put back afterwards.
     */
    private static final String CATALOGUE_CLIENTS = """
              - id: catalogue-verifier
                api-key-sha256: [%s]
                services: [citizens.verify]
              - id: catalogue-business
                api-key-sha256: [%s]
                services: [tax-registry.read]
              - id: catalogue-land
                api-key-sha256: [%s]
                services: [land-records.read, exchanges.read]
            """.formatted(ClientRegistry.sha256(VERIFIER_KEY), ClientRegistry.sha256(BUSINESS_KEY),
            ClientRegistry.sha256(LAND_KEY));

    @Value("${hub.security.registry.location}")
    private Resource registryFile;
    @Autowired
    private ClientRegistry registry;
    private String original;

    @BeforeEach
    void registerTheCatalogueClients() throws IOException {
        Path file = registryFile.getFile().toPath();
        original = Files.readString(file);
        assertThat(original).contains("\noperators:");
        edit(file, original.replace("\noperators:", "\n" + CATALOGUE_CLIENTS + "operators:"), 1);
        assertThat(registry.byKey(BUSINESS_KEY)).as("the registry took the contributed access rights").isPresent();
    }

    @AfterEach
    void restoreTheRegistry() throws IOException {
        edit(registryFile.getFile().toPath(), original, 2);
    }

    private void edit(Path file, String content, int version) throws IOException {
        Files.writeString(file, content);
        // a distinct last-modified time, as an edit gives it; then read at once instead of waiting for the interval
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(version)));
        registry.reloadIfChanged();
    }

    /** What a connector module and a route file would contribute, and something serving their paths. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Contributions {

        @Bean
        ServiceDescriptor businessRegistryService() {
            return new ServiceDescriptor("tax-registry", "Enterprises of the national business registry",
                    "tax-registry", List.of(new Operation("enterprise", "tax-registry.read", "GET",
                    "/api/v1/tax-registry/enterprises/{enterpriseCode}", null)), null);
        }

        @Bean
        ServiceSource landRecordServices() {
            return () -> List.of(new ServiceDescriptor("land-records", "Land parcels of the provincial land registry",
                    null, List.of(new Operation("parcel", "land-records.read", "GET",
                    "/api/v1/land-records/parcels/{parcelId}", null)), null));
        }

        @Bean
        Upstreams upstreams() {
            return new Upstreams();
        }

        /**
         * This hub is a second one beside the other tests' (its beans differ), in the same JVM: its broker journal
         * goes elsewhere, since the other's holds the journal's file lock. (Its exchange log may be the same H2
         * database: H2 shares an embedded database between the connections of one JVM.)
         */
        @Bean
        ArtemisConfigurationCustomizer ownJournal() {
            return configuration -> {
                try {
                    Path dir = Files.createTempDirectory("hub-catalogue-artemis-");
                    configuration.setJournalDirectory(dir.resolve("journal").toString());
                    configuration.setBindingsDirectory(dir.resolve("bindings").toString());
                    configuration.setPagingDirectory(dir.resolve("paging").toString());
                    configuration.setLargeMessagesDirectory(dir.resolve("large-messages").toString());
                    configuration.setNodeManagerLockDirectory(dir.resolve("journal").toString());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
        }
    }

    /**
     * Stands in for the Camel routes that would serve the contributed paths; hidden from springdoc, as platform-http
     * routes are, so that their description comes from the catalogue.
     */
    @Hidden
    @RestController
    static class Upstreams {

        @GetMapping("/api/v1/tax-registry/enterprises/{enterpriseCode}")
        Map<String, String> enterprise(@PathVariable String enterpriseCode) {
            return Map.of("enterpriseCode", enterpriseCode, "name", "Công ty TNHH Thanh Hóa");
        }

        @GetMapping("/api/v1/land-records/parcels/{parcelId}")
        Map<String, String> parcel(@PathVariable String parcelId) {
            return Map.of("parcelId", parcelId);
        }
    }

    @Autowired
    private PopulationCircuitBreakers breakers;

    @Test
    void aClientSeesOnlyTheServicesAndOperationsItMayUse() {
        HubClient.Reply reply = hub.get("/api/v1/services", VERIFIER_KEY);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        JsonNode services = reply.json();
        assertThat(services).hasSize(1);
        JsonNode citizens = services.get(0);
        assertThat(citizens.path("name").asText()).isEqualTo("citizens");
        assertThat(citizens.path("upstream").asText()).isEqualTo("population");
        assertThat(citizens.path("title").asText()).isNotBlank();
        assertThat(citizens.path("openApi").asText()).isEqualTo("/api/v1/openapi.json");
        assertThat(citizens.path("wsdl").asText()).isEqualTo("/ws/citizens?wsdl");
        assertThat(citizens.path("operations")).hasSize(1);
        JsonNode verify = citizens.path("operations").get(0);
        assertThat(verify.path("name").asText()).isEqualTo("verify");
        assertThat(verify.path("accessRight").asText()).isEqualTo("citizens.verify");
        assertThat(verify.path("method").asText()).isEqualTo("POST");
        assertThat(verify.path("path").asText()).isEqualTo("/api/v1/citizens/verify");
        assertThat(verify.path("soapAddress").asText()).isEqualTo("/ws/citizens");

        HubClient.Reply one = hub.get("/api/v1/services/citizens", VERIFIER_KEY);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().path("operations")).hasSize(1);
        // another client's service is not found, as an unknown one is
        for (String name : List.of("documents", "tax-registry", "no-such-service")) {
            HubClient.Reply hidden = hub.get("/api/v1/services/" + name, VERIFIER_KEY);
            assertThat(hidden.status()).as(name).isEqualTo(404);
            assertThat(hidden.contentType()).startsWith("application/problem+json");
            assertThat(hidden.code()).isEqualTo("request.not_found");
        }

        JsonNode land = hub.get("/api/v1/services", LAND_KEY).json();
        assertThat(names(land)).containsExactly("exchanges", "land-records");
        // a service offered over REST only has no WSDL
        assertThat(land.get(1).has("wsdl")).isFalse();
    }

    @Test
    void theDemoClientAndOperatorsSeeEveryServiceAndTheCatalogueNeedsAKey() {
        // built-in first, then contributed: this test's two and the repository's route files (the worked examples)
        List<String> all = List.of("dossiers", "intake", "citizens", "documents", "exchanges", "tax-registry",
                "land-records", "business-registry", "enterprises");
        JsonNode demo = hub.get("/api/v1/services", HubClient.DEMO_KEY).json();
        assertThat(names(demo)).containsExactlyInAnyOrderElementsOf(all);
        assertThat(names(demo).subList(0, 5)).containsExactlyElementsOf(all.subList(0, 5));
        JsonNode documents = demo.get(3);
        assertThat(documents.path("operations")).hasSize(5);
        assertThat(documents.path("wsdl").asText()).isEqualTo("/ws/documents?wsdl");
        // the demo client holds the contributed access rights too
        assertThat(hub.get(BUSINESS + "0101234567", HubClient.DEMO_KEY).status()).isEqualTo(200);

        JsonNode operator = hub.get("/api/v1/services", HubClient.OPERATOR_KEY).json();
        assertThat(names(operator)).containsExactlyElementsOf(names(demo));

        HubClient.Reply anonymous = hub.get("/api/v1/services", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("auth.unauthenticated");
        assertThat(hub.get("/api/v1/services/citizens", "wrong-key").status()).isEqualTo(401);
    }

    @Test
    void aContributedAccessRightOpensExactlyItsPathToTheClientsHoldingIt() {
        HubClient.Reply enterprise = hub.get(BUSINESS + "0101234567", BUSINESS_KEY);
        assertThat(enterprise.status()).as(enterprise.body()).isEqualTo(200);
        assertThat(enterprise.json().path("enterpriseCode").asText()).isEqualTo("0101234567");

        for (String key : List.of(VERIFIER_KEY, LAND_KEY)) {
            HubClient.Reply refused = hub.get(BUSINESS + "0101234567", key);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.code()).isEqualTo("auth.forbidden");
        }
        assertThat(hub.get(BUSINESS + "0101234567", null).status()).isEqualTo(401);
        // only the method the catalogue names, and nothing below the path
        assertThat(hub.post(BUSINESS + "0101234567", BUSINESS_KEY, "application/json", "{}").status())
                .isEqualTo(403);
        assertThat(hub.get(BUSINESS + "0101234567/owners", BUSINESS_KEY).status()).isEqualTo(403);

        // the ServiceSource's service, the same way
        assertThat(hub.get(LAND + "P-17", LAND_KEY).status()).isEqualTo(200);
        assertThat(hub.get(LAND + "P-17", BUSINESS_KEY).status()).isEqualTo(403);

        JsonNode business = hub.get("/api/v1/services", BUSINESS_KEY).json();
        assertThat(names(business)).containsExactly("tax-registry");
        JsonNode operation = business.get(0).path("operations").get(0);
        assertThat(operation.path("path").asText()).isEqualTo("/api/v1/tax-registry/enterprises/{enterpriseCode}");
        assertThat(operation.path("method").asText()).isEqualTo("GET");
        // no health contributor for its upstream
        assertThat(business.get(0).path("state").asText()).isEqualTo("UNKNOWN");
    }

    @Test
    void theStateFollowsTheUpstreamsCircuitBreaker() {
        breakers.verify().transitionToOpenState();
        try {
            JsonNode citizens = hub.get("/api/v1/services/citizens", VERIFIER_KEY).json();
            assertThat(citizens.path("state").asText()).isEqualTo("DEGRADED");
            // only the population database's services
            JsonNode dossiers = hub.get("/api/v1/services/dossiers", HubClient.DEMO_KEY).json();
            assertThat(dossiers.path("state").asText()).isIn("UP", "UNKNOWN");
        } finally {
            breakers.verify().transitionToClosedState();
            breakers.verify().reset();
        }
        assertThat(hub.get("/api/v1/services/citizens", VERIFIER_KEY).json().path("state").asText())
                .isIn("UP", "UNKNOWN");
    }

    @Test
    void theOpenApiDocumentDescribesBuiltInAndContributedOperationsForClientsOnly() {
        HubClient.Reply anonymous = hub.get("/api/v1/openapi.json", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");

        HubClient.Reply reply = hub.get("/api/v1/openapi.json", VERIFIER_KEY);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode api = reply.json();
        assertThat(api.path("openapi").asText()).startsWith("3.");
        JsonNode paths = api.path("paths");
        // every built-in operation the catalogue lists is one springdoc found on a controller
        for (ServiceDescriptor s : BuiltInServices.ALL) {
            for (Operation o : s.operations()) {
                assertThat(paths.path(o.path()).has(o.method().toLowerCase(Locale.ROOT)))
                        .as(o.method() + " " + o.path()).isTrue();
            }
        }
        assertThat(paths.has("/api/v1/services")).isTrue();
        // grouped by the catalogue's services
        assertThat(paths.path("/api/v1/documents/inbox/{agencyCode}").path("get").path("tags").get(0).asText())
                .isEqualTo("documents");
        // the operators' API and actuator stay out
        assertThat(names(paths.fieldNames())).noneMatch(p -> p.startsWith("/api/v1/ops") || p.startsWith("/actuator"));

        JsonNode enterprise = paths.path("/api/v1/tax-registry/enterprises/{enterpriseCode}").path("get");
        assertThat(enterprise.isMissingNode()).as(paths.toString()).isFalse();
        assertThat(enterprise.path("tags").get(0).asText()).isEqualTo("tax-registry");
        assertThat(enterprise.path("parameters").get(0).path("name").asText()).isEqualTo("enterpriseCode");
        assertThat(enterprise.path("parameters").get(0).path("in").asText()).isEqualTo("path");
        assertThat(enterprise.path("responses").path("200").path("content").has("application/json")).isTrue();
        assertThat(enterprise.path("responses").path("403").path("content").has("application/problem+json")).isTrue();
        assertThat(paths.path("/api/v1/land-records/parcels/{parcelId}").has("get")).isTrue();

        // built-in operations answer errors as problem documents too
        JsonNode verify = paths.path("/api/v1/citizens/verify").path("post");
        assertThat(verify.path("responses").path("400").path("content").path("application/problem+json")
                .path("schema").path("$ref").asText()).isEqualTo("#/components/schemas/Problem");
        assertThat(api.path("components").path("securitySchemes").path("apiKey").path("name").asText())
                .isEqualTo("X-API-Key");

        // springdoc's own default paths are not opened
        for (String path : List.of("/v3/api-docs", "/swagger-ui.html", "/api/v1/openapi.json/x")) {
            HubClient.Reply other = hub.get(path, HubClient.DEMO_KEY);
            assertThat(other.status()).as(path).isIn(403, 404);
            assertThat(other.contentType()).as(path).startsWith("application/problem+json");
        }
    }

    @Test
    void everyWsdlTheCatalogueLinksIsServedToClients() {
        JsonNode services = hub.get("/api/v1/services", HubClient.DEMO_KEY).json();
        List<String> links = new ArrayList<>();
        services.forEach(s -> {
            if (s.hasNonNull("wsdl")) {
                links.add(s.path("wsdl").asText());
            }
        });
        assertThat(links).containsExactly("/ws/citizens?wsdl", "/ws/documents?wsdl");
        for (String link : links) {
            HubClient.Reply wsdl = hub.get(link, VERIFIER_KEY);
            assertThat(wsdl.status()).as(link).isEqualTo(200);
            assertThat(wsdl.contentType()).as(link).contains("xml");
            assertThat(wsdl.body()).as(link).contains("definitions").contains("soap");
            assertThat(hub.get(link, null).status()).as(link).isEqualTo(401);
        }
    }

    private static List<String> names(JsonNode services) {
        List<String> names = new ArrayList<>();
        services.forEach(s -> names.add(s.path("name").asText()));
        return names;
    }

    private static List<String> names(java.util.Iterator<String> fields) {
        List<String> names = new ArrayList<>();
        fields.forEachRemaining(names::add);
        return names;
    }
}
