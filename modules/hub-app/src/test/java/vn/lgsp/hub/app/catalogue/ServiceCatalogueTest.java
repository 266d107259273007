package vn.lgsp.hub.app.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.lgsp.hub.app.security.HubServices;
import vn.lgsp.hub.core.service.ServiceDescriptor;
import vn.lgsp.hub.core.service.ServiceDescriptor.Operation;

/** What the catalogue accepts from contributors, and what it refuses at start-up naming both claimants. */
class ServiceCatalogueTest {

    private static final ServiceDescriptor REGISTRY = new ServiceDescriptor("business-registry",
            "Enterprises of the national business registry", "business-registry", List.of(
            new Operation("enterprise", "business-registry.read", "GET",
                    "/api/v1/business-registry/enterprises/{enterpriseCode}", null)), null);

    @Test
    void theBuiltInServicesCoverEveryBuiltInAccessRightAndTheContributedOnesComeAfter() {
        ServiceCatalogue catalogue = catalogue(contributed(REGISTRY, "bean registry"));

        assertThat(catalogue.accessRights()).containsAll(HubServices.ALL).contains("business-registry.read")
                .hasSize(HubServices.ALL.size() + 1);
        assertThat(catalogue.entries()).extracting(e -> e.service().name())
                .containsExactly("dossiers", "intake", "citizens", "documents", "exchanges", "business-registry");
        assertThat(catalogue.contributed()).extracting(e -> e.service().name()).containsExactly("business-registry");
        assertThat(catalogue.knows("citizens.verify")).isTrue();
        assertThat(catalogue.knows("citizens.verfy")).isFalse();
    }

    @Test
    void aServiceNameUsedTwiceStopsTheStartUpNamingBoth() {
        ServiceDescriptor other = new ServiceDescriptor("business-registry", "Another", null, List.of(
                new Operation("list", "business-registry.list", "GET", "/api/v1/business-registry/list", null)), null);

        assertThatThrownBy(() -> catalogue(contributed(REGISTRY, "bean registry"), contributed(other, "source routes")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Service catalogue: the service name 'business-registry' is used by service "
                        + "'business-registry' (bean registry) and by service 'business-registry' (source routes)");
        // a contributor may not take a built-in name either
        ServiceDescriptor citizens = new ServiceDescriptor("citizens", "Mine", null, List.of(
                new Operation("find", "mine.find", "GET", "/api/v1/mine", null)), null);
        assertThatThrownBy(() -> catalogue(contributed(citizens, "bean mine")))
                .hasMessageContaining("'citizens' is used by service 'citizens' (built-in) and by service 'citizens'"
                        + " (bean mine)");
    }

    @Test
    void anAccessRightOfAnotherServiceIsRefused() {
        ServiceDescriptor thief = new ServiceDescriptor("land-records", "Land", null, List.of(
                new Operation("parcel", "citizens.lookup", "GET", "/api/v1/land-records/parcels/{id}", null)), null);

        assertThatThrownBy(() -> catalogue(contributed(thief, "source landRoutes")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Service catalogue: the access right 'citizens.lookup' is claimed by service 'citizens' "
                        + "(built-in) and by service 'land-records' (source landRoutes)");
    }

    @Test
    void oneAccessRightMayCoverSeveralOperationsOfItsOwnService() {
        ServiceDescriptor two = new ServiceDescriptor("land-records", "Land", null, List.of(
                new Operation("parcel", "land-records.read", "GET", "/api/v1/land-records/parcels/{id}", null),
                new Operation("owners", "land-records.read", "GET", "/api/v1/land-records/parcels/{id}/owners",
                        null)), null);

        assertThat(catalogue(contributed(two, "bean land")).accessRights()).contains("land-records.read");
    }

    @Test
    void aMethodAndPathClaimedTwiceIsRefusedWhateverTheVariablesAreCalled() {
        ServiceDescriptor same = new ServiceDescriptor("enterprises", "Copy", null, List.of(
                new Operation("get", "enterprises.read", "GET",
                        "/api/v1/business-registry/enterprises/{code}", null)), null);

        assertThatThrownBy(() -> catalogue(contributed(REGISTRY, "bean registry"), contributed(same, "bean copy")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Service catalogue: GET /api/v1/business-registry/enterprises/{code} is claimed by service "
                        + "'business-registry' (bean registry) operation 'enterprise' and by service 'enterprises' "
                        + "(bean copy) operation 'get'");
        // a built-in path too
        ServiceDescriptor verify = new ServiceDescriptor("verifier", "Verify", null, List.of(
                new Operation("verify", "verifier.verify", "POST", "/api/v1/citizens/verify", null)), null);
        assertThatThrownBy(() -> catalogue(contributed(verify, "bean verifier")))
                .hasMessageContaining("POST /api/v1/citizens/verify is claimed by service 'citizens' (built-in)");
        // another method on the same path is another operation
        ServiceDescriptor post = new ServiceDescriptor("enterprises", "Update", null, List.of(
                new Operation("update", "enterprises.update", "POST",
                        "/api/v1/business-registry/enterprises/{code}", null)), null);
        assertThat(catalogue(contributed(REGISTRY, "bean registry"), contributed(post, "bean post")).contributed())
                .hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Business_Registry|a.read|GET|/api/v1/x|the name must be lower-case words",
            "x|a.read|GET|/api/v1/x/**|no wildcards",
            "x|a.read|GET|/api/v1/x/*/y|no wildcards",
            "x|a.read|GET|/admin/x|must be under /api/v1/",
            "x|a.read|GET|/api/v1/ops/dead-letters|the hub's own",
            "x|a.read|GET|/api/v1/services/x|the hub's own",
            "x|a.read|GET|/api/v1/openapi.json|the hub's own",
            "x|a.read|TRACE|/api/v1/x|the method must be one of",
            "x|a.read|GET|-|give both method and path",
            "x|A Read|GET|/api/v1/x|the access right 'A Read' must be",
    })
    void malformedContributionsAreRefusedSayingWhatIsWrong(String caseText) {
        String[] p = caseText.split("\\|");
        ServiceDescriptor bad = new ServiceDescriptor(p[0], "Bad", null, List.of(
                new Operation("op", p[1], p[2], "-".equals(p[3]) ? null : p[3], null)), null);

        assertThatThrownBy(() -> catalogue(contributed(bad, "bean bad")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Service catalogue: service '" + p[0] + "' (bean bad)")
                .hasMessageContaining(p[4]);
    }

    @Test
    void aSoapOperationNeedsAHubAddressAndItsWsdlAHubPath() {
        ServiceDescriptor soap = new ServiceDescriptor("land-records", "Land", null, List.of(
                new Operation("parcel", "land-records.read", null, null, "/ws/land-records")), "/ws/land-records?wsdl");
        assertThat(catalogue(contributed(soap, "bean land")).contributed()).hasSize(1);

        ServiceDescriptor elsewhere = new ServiceDescriptor("land-records", "Land", null, List.of(
                new Operation("parcel", "land-records.read", null, null, "/ws/land-records")),
                "http://other.example/land?wsdl");
        assertThatThrownBy(() -> catalogue(contributed(elsewhere, "bean land")))
                .hasMessageContaining("the wsdl must be a path on the hub under /ws/");
        ServiceDescriptor nothing = new ServiceDescriptor("land-records", "Land", null, List.of(
                new Operation("parcel", "land-records.read", null, null, null)), null);
        assertThatThrownBy(() -> catalogue(contributed(nothing, "bean land")))
                .hasMessageContaining("has neither a REST path nor a SOAP address");
    }

    private static ServiceCatalogue.Entry contributed(ServiceDescriptor s, String origin) {
        return new ServiceCatalogue.Entry(s, origin, false);
    }

    private static ServiceCatalogue catalogue(ServiceCatalogue.Entry... contributed) {
        List<ServiceCatalogue.Entry> entries = new ArrayList<>();
        BuiltInServices.ALL.forEach(s -> entries.add(new ServiceCatalogue.Entry(s, "built-in", true)));
        entries.addAll(List.of(contributed));
        return new ServiceCatalogue(entries);
    }
}
