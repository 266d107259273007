package vn.lgsp.hub.app.catalogue;

import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import vn.lgsp.hub.app.security.Caller;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;
import vn.lgsp.hub.core.service.ServiceDescriptor;
import vn.lgsp.hub.core.service.ServiceDescriptor.Operation;

/**
 * {@code GET /api/v1/services}: the services the calling client may use, each with only the operations its access
 * rights cover; an operator sees every service and operation. A service the caller may not use is "not found", as
 * an exchange of another client is: the catalogue does not tell who else is served.
 */
@RestController
public class ServiceCatalogueController {

    private final ServiceCatalogue catalogue;
    private final ServiceStates states;
    private final String openApiPath;

    public ServiceCatalogueController(ServiceCatalogue catalogue, ServiceStates states,
                                      @Value("${springdoc.api-docs.path:/api/v1/openapi.json}") String openApiPath) {
        this.catalogue = catalogue;
        this.states = states;
        this.openApiPath = openApiPath;
    }

    @GetMapping(path = "/api/v1/services", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<ServiceView> list(@AuthenticationPrincipal Caller caller) {
        return catalogue.entries().stream()
                .map(e -> view(e.service(), caller))
                .flatMap(Optional::stream)
                .toList();
    }

    @GetMapping(path = "/api/v1/services/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
    public ServiceView one(@PathVariable String name, @AuthenticationPrincipal Caller caller) {
        return catalogue.entry(name)
                .flatMap(e -> view(e.service(), caller))
                .orElseThrow(() -> new HubException(ErrorCode.NOT_FOUND,
                        "No service " + (name.matches("[a-z0-9-]{1,64}") ? name : "of that name")
                                + " that your client may use; GET /api/v1/services lists them"));
    }

    private Optional<ServiceView> view(ServiceDescriptor s, Caller caller) {
        List<Operation> visible = s.operations().stream()
                .filter(o -> caller.operator() || caller.may(o.accessRight()))
                .toList();
        if (visible.isEmpty()) {
            return Optional.empty();
        }
        boolean rest = visible.stream().anyMatch(o -> o.path() != null);
        boolean soap = visible.stream().anyMatch(o -> o.soapAddress() != null)
                || s.operations().stream().noneMatch(o -> o.soapAddress() != null);
        return Optional.of(new ServiceView(s.name(), s.title(), s.upstream(), states.of(s), visible,
                rest ? openApiPath : null, soap ? s.wsdl() : null));
    }
}
