package vn.lgsp.hub.app.catalogue;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springdoc.core.customizers.OpenApiCustomizer;
import vn.lgsp.hub.core.service.ServiceDescriptor;

/**
 * Completes the OpenAPI document springdoc makes from the hub's controllers: how to authenticate, the problem
 * document every error is, and the REST operations of contributed services, which Camel's platform-http serves
 * outside any controller and springdoc cannot see. Each operation is tagged with its service's name, as the
 * catalogue lists it.
 */
public class CatalogueOpenApi implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String API_KEY = "apiKey";
    private static final String BEARER = "bearerToken";
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");
    /** Every call may be refused so, whatever it does; 404 too where the path names something. */
    private static final Map<String, String> ERRORS = errors();

    private final ServiceCatalogue catalogue;

    public CatalogueOpenApi(ServiceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    private static Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("400", "The request is invalid (code request.* or a field's own code)");
        errors.put("401", "No credentials, or credentials the hub does not know (auth.unauthenticated)");
        errors.put("403", "The client's access right does not cover this call (auth.forbidden)");
        errors.put("404", "No such resource, or none visible to the client");
        errors.put("429", "The client's rate limit is exhausted (request.rate_limited); wait as Retry-After says");
        errors.put("503", "The hub or the upstream cannot take the call now (hub.busy, *.unavailable); try again");
        return errors;
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getInfo() == null || api.getInfo().getTitle() == null
                || api.getInfo().getTitle().startsWith("OpenAPI definition")) {
            api.info(new Info().title("LGSP Hub").version("v1").description("The REST API of the provincial "
                    + "integration hub. GET /api/v1/services lists the services your client may use; SOAP services "
                    + "publish their WSDL at /ws/<service>?wsdl."));
        }
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components);
        components.addSchemas(PROBLEM, problemSchema());
        components.addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("X-API-Key"));
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT"));
        api.security(List.of(new SecurityRequirement().addList(API_KEY), new SecurityRequirement().addList(BEARER)));

        Paths paths = api.getPaths() == null ? new Paths() : api.getPaths();
        api.paths(paths);
        for (ServiceCatalogue.Entry entry : catalogue.entries()) {
            ServiceDescriptor s = entry.service();
            for (ServiceDescriptor.Operation o : s.operations()) {
                if (o.path() == null) {
                    continue;
                }
                PathItem.HttpMethod method = PathItem.HttpMethod.valueOf(o.method());
                PathItem item = paths.get(o.path());
                Operation op = item == null ? null : item.readOperationsMap().get(method);
                if (op == null && !entry.builtIn()) {
                    // served by a Camel route: springdoc never saw it
                    op = contributed(s, o);
                    paths.computeIfAbsent(o.path(), p -> new PathItem()).operation(method, op);
                }
                if (op != null) {
                    // grouped as the catalogue groups them, not by controller class
                    op.tags(List.of(s.name()));
                    op.description(access(s, o) + (op.getDescription() == null ? "" : ". " + op.getDescription()));
                }
            }
            if (api.getTags() == null || api.getTags().stream().noneMatch(t -> s.name().equals(t.getName()))) {
                api.addTagsItem(new Tag().name(s.name()).description(s.title()));
            }
        }
        paths.forEach((path, item) -> item.readOperations().forEach(op -> problems(path, op)));
    }

    private static Operation contributed(ServiceDescriptor s, ServiceDescriptor.Operation o) {
        Operation op = new Operation()
                .operationId(s.name() + "-" + o.name())
                .summary(s.title());
        Matcher m = VARIABLE.matcher(o.path());
        while (m.find()) {
            op.addParametersItem(new PathParameter().name(m.group(1)).required(true).schema(new StringSchema()));
        }
        if (!"GET".equals(o.method()) && !"DELETE".equals(o.method())) {
            op.requestBody(new RequestBody().required(true).content(new Content().addMediaType(
                    org.springframework.http.MediaType.APPLICATION_JSON_VALUE, new MediaType().schema(new ObjectSchema()))));
        }
        op.responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("The upstream's answer")
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                        new MediaType().schema(new ObjectSchema())))));
        return op;
    }

    private static String access(ServiceDescriptor s, ServiceDescriptor.Operation o) {
        return "Needs the access right " + o.accessRight() + (s.upstream() == null ? ""
                : "; reaches the upstream system " + s.upstream());
    }

    /** Every error answer of every operation is the hub's problem document. */
    private static void problems(String path, Operation op) {
        ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
        op.responses(responses);
        ERRORS.forEach((status, description) -> {
            if ("404".equals(status) && !path.contains("{")) {
                return;
            }
            responses.putIfAbsent(status, new ApiResponse().description(description));
        });
        List<String> statuses = new ArrayList<>(responses.keySet());
        for (String status : statuses) {
            if (status.startsWith("4") || status.startsWith("5") || "default".equals(status)) {
                ApiResponse r = responses.get(status);
                if (r.get$ref() == null) {
                    r.content(new Content().addMediaType(PROBLEM_JSON,
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
                }
            }
        }
    }

    /** RFC 9457 with the hub's stable {@code code} and, for invalid fields, {@code errors}. */
    private static Schema<?> problemSchema() {
        ObjectSchema violation = new ObjectSchema();
        violation.addProperty("field", new StringSchema());
        violation.addProperty("code", new StringSchema());
        violation.addProperty("message", new StringSchema());
        ObjectSchema problem = new ObjectSchema();
        problem.description("An error, as application/problem+json (RFC 9457); code is stable, detail is for people");
        problem.addProperty("type", new StringSchema().example("urn:lgsp-hub:error:request.not_found"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema());
        problem.addProperty("code", new StringSchema().example("request.not_found"));
        problem.addProperty("errors", new ArraySchema().items(violation));
        problem.required(List.of("type", "title", "status", "code"));
        return problem;
    }
}
