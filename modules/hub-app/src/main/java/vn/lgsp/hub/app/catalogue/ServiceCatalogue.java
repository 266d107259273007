package vn.lgsp.hub.app.catalogue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.lgsp.hub.core.service.ServiceDescriptor;
import vn.lgsp.hub.core.service.ServiceDescriptor.Operation;

/**
 * Every service the hub offers: the built-in ones ({@link BuiltInServices}) and those contributed by connector
 * modules ({@link ServiceDescriptor} beans) and route files ({@code ServiceSource} beans). It is the one list the
 * client registry checks access rights against, the security filter chain opens contributed REST paths from, and
 * {@code GET /api/v1/services} and the OpenAPI document describe.
 *
 * <p>Made once at start-up and fixed afterwards. A mistake in what is contributed (a service name or access right
 * used twice, a REST method and path claimed twice, a path outside {@code /api/v1/} or with wildcards) is refused
 * with a message naming both claimants and where each came from, which stops the start-up: two connectors must not
 * silently share an access right or shadow each other's endpoint.
 */
public final class ServiceCatalogue {

    /** A service and where it came from ("built-in", "bean businessRegistryService", "source routeFileServices"). */
    public record Entry(ServiceDescriptor service, String origin, boolean builtIn) {
    }

    static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");
    private static final Pattern OPERATION = Pattern.compile("^[a-z][a-zA-Z0-9_-]{0,63}$");
    /** As the client registry requires of the names in a client's {@code services}. */
    private static final Pattern ACCESS_RIGHT = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");
    /** Literal segments or whole-segment variables: a contributed path never opens more than itself. */
    private static final Pattern PATH = Pattern.compile(
            "^/api/v1(/([A-Za-z0-9._~-]+|\\{[A-Za-z][A-Za-z0-9_]*}))+$");
    private static final Pattern SOAP_ADDRESS = Pattern.compile("^/ws/[a-z0-9][a-z0-9-]*$");
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");
    /** Paths of the hub itself that no contributed operation may take. */
    private static final List<String> RESERVED = List.of("/api/v1/ops/", "/api/v1/services/", "/api/v1/openapi");

    private final Map<String, Entry> byName;
    private final Map<String, String> serviceByAccessRight;

    /**
     * @param entries the built-in services first, then the contributed ones
     * @throws IllegalStateException when they conflict or one is malformed, naming what and where
     */
    public ServiceCatalogue(List<Entry> entries) {
        Map<String, Entry> names = new LinkedHashMap<>();
        Map<String, String> rights = new LinkedHashMap<>();
        Map<String, String> rightOwners = new LinkedHashMap<>();
        Map<String, String> routes = new LinkedHashMap<>();
        for (Entry e : entries) {
            ServiceDescriptor s = e.service();
            String at = describe(e);
            check(NAME.matcher(s.name()).matches(), at + ": the name must be lower-case words joined by '-'");
            Entry other = names.putIfAbsent(s.name(), e);
            check(other == null, () -> "the service name '" + s.name() + "' is used by " + describe(other)
                    + " and by " + at);
            check(!s.operations().isEmpty(), at + " has no operations");
            check(s.wsdl() == null || s.wsdl().startsWith("/ws/"), at + ": the wsdl must be a path on the hub under"
                    + " /ws/, e.g. /ws/" + s.name() + "?wsdl, not '" + s.wsdl() + "'");
            Set<String> operationNames = new LinkedHashSet<>();
            for (Operation o : s.operations()) {
                String op = at + " operation '" + o.name() + "'";
                check(OPERATION.matcher(o.name()).matches(), op + ": the name must be a-z A-Z 0-9 _ -");
                check(operationNames.add(o.name()), op + ": the operation name is used twice");
                check(ACCESS_RIGHT.matcher(o.accessRight()).matches(), op + ": the access right '" + o.accessRight()
                        + "' must be 1-64 of a-z 0-9 . _ - (lower case)");
                String owner = rightOwners.putIfAbsent(o.accessRight(), s.name());
                // one access right may cover several operations of its service, never operations of two services
                check(owner == null || owner.equals(s.name()), () -> "the access right '" + o.accessRight()
                        + "' is claimed by " + describe(names.get(owner)) + " and by " + at);
                rights.put(o.accessRight(), s.name());
                checkRest(o, op, e.builtIn(), routes);
                check(o.soapAddress() == null || SOAP_ADDRESS.matcher(o.soapAddress()).matches(),
                        op + ": the soapAddress must be /ws/<name>, not '" + o.soapAddress() + "'");
                check(o.path() != null || o.soapAddress() != null, op + " has neither a REST path nor a SOAP address");
            }
        }
        this.byName = Collections.unmodifiableMap(names);
        this.serviceByAccessRight = Collections.unmodifiableMap(rights);
    }

    private static void checkRest(Operation o, String op, boolean builtIn, Map<String, String> routes) {
        check((o.method() == null) == (o.path() == null), op + ": give both method and path, or neither");
        if (o.path() == null) {
            return;
        }
        check(METHODS.contains(o.method()), op + ": the method must be one of " + String.join(", ",
                METHODS.stream().sorted().toList()) + ", not '" + o.method() + "'");
        check(PATH.matcher(o.path()).matches(), op + ": the path must be under /api/v1/, of literal segments and "
                + "{variables} (no wildcards), not '" + o.path() + "'");
        if (!builtIn) {
            for (String reserved : RESERVED) {
                check(!(o.path() + "/").startsWith(reserved), op + ": the path " + o.path()
                        + " is the hub's own (" + reserved + "...)");
            }
        }
        // /x/{a} and /x/{b} are the same route to Spring MVC and to the security rules
        String route = o.method() + " " + VARIABLE.matcher(o.path().toLowerCase(Locale.ROOT)).replaceAll("{}");
        String other = routes.putIfAbsent(route, op);
        check(other == null, () -> o.method() + " " + o.path() + " is claimed by " + other + " and by " + op);
    }

    private static String describe(Entry e) {
        return "service '" + e.service().name() + "' (" + e.origin() + ")";
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException("Service catalogue: " + message);
        }
    }

    private static void check(boolean ok, java.util.function.Supplier<String> message) {
        if (!ok) {
            throw new IllegalStateException("Service catalogue: " + message.get());
        }
    }

    /** Every service, built-in ones first, in the order they were contributed. */
    public List<Entry> entries() {
        return List.copyOf(byName.values());
    }

    public Optional<Entry> entry(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The services that did not come with the hub: connector modules' and route files'. */
    public List<Entry> contributed() {
        List<Entry> contributed = new ArrayList<>();
        byName.values().stream().filter(e -> !e.builtIn()).forEach(contributed::add);
        return contributed;
    }

    /** Every access right a client may be given, in catalogue order. */
    public List<String> accessRights() {
        return List.copyOf(serviceByAccessRight.keySet());
    }

    public boolean knows(String accessRight) {
        return serviceByAccessRight.containsKey(accessRight);
    }
}
