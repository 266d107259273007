package vn.lgsp.hub.app.routes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.Resilience4jConfigurationDefinition;
import vn.lgsp.hub.core.error.HubException;

/**
 * The route templates route files instantiate with {@code templatedRoute} (docs/ROUTES.md). Each brings the hub's
 * shared behaviour, so that a file only says what is particular to its service.
 *
 * <p>{@value #REST_LOOKUP}: a synchronous lookup proxied to an upstream. Its REST face is a platform-http endpoint on
 * Spring MVC, behind Tomcat and Spring Security like every other endpoint (the access right
 * {@code <service>.<operation>}); it calls the route {@code target} inside the upstream's circuit breaker with a time
 * limit, and answers with the target's reply as JSON or with a problem document ({@link RestLookup}).
 *
 * <p>{@value #ASYNC_DELIVERY}: an asynchronous guaranteed delivery. Its face is a platform-http POST endpoint (the
 * access right {@code <service>.<operation>}) that takes a JSON object, orders it by the field at
 * {@code subjectPointer} and accepts it durably ({@link AsyncAccept}): 202 with the exchange id once broker and
 * exchange log hold it. The hub's delivery engine then hands it to the route {@code target}, with retries, order per
 * subject, dead letters and replay ({@link AsyncDeliveryFlow}).
 */
public class RouteTemplates extends RouteBuilder {

    public static final String REST_LOOKUP = "hub-rest-lookup";
    public static final String ASYNC_DELIVERY = "hub-async-delivery";

    private static final Pattern NAME = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern PATH = Pattern.compile("^/api/v1(/[A-Za-z0-9._~{}-]+)+$");
    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final Pattern MILLIS = Pattern.compile("^[0-9]{1,7}$");
    private static final Pattern POINTER = Pattern.compile("^(/[^/~]*(~[01][^/~]*)*)+$");
    private static final Pattern CONSUMERS = Pattern.compile("^[1-9][0-9]?$");
    /** The exchange log's flow column holds {@code <service>.<operation>} of an async route. */
    private static final int MAX_FLOW = 40;
    private static final Pattern PLACEHOLDER = Pattern.compile("^\\{\\{[A-Za-z0-9._-]+(:[0-9]{1,7})?}}$");
    private static final String POOL = "hubRouteCallPool";
    /** The registry name of an upstream's breaker is this plus its code. */
    static final String BREAKER_PREFIX = "hubBreaker-";

    /**
     * What a template takes, for the checks of {@link RouteFiles}.
     *
     * @param method the HTTP method when the file gives none
     * @param check  the parameters' problem, or {@code null}
     */
    public record Spec(List<String> required, List<String> optional, String method,
                       Function<Map<String, String>, String> check) {

        List<String> all() {
            List<String> all = new ArrayList<>(required);
            all.addAll(optional);
            return all;
        }
    }

    public static final Map<String, Spec> SPECS;

    static {
        Map<String, Spec> specs = new LinkedHashMap<>();
        specs.put(REST_LOOKUP, new Spec(
                List.of("service", "operation", "title", "path", "upstream", "target"),
                List.of("method", "subject", "timeout"), "GET", RouteTemplates::checkLookup));
        specs.put(ASYNC_DELIVERY, new Spec(
                List.of("service", "operation", "title", "path", "upstream", "target", "subjectPointer"),
                List.of("eventKeyPointer", "consumers"), "POST", RouteTemplates::checkDelivery));
        SPECS = Map.copyOf(specs);
    }

    private final RestLookup.Shared shared;
    private final AsyncAccept asyncAccept;
    private final UpstreamBreakers breakers;
    private final RoutesProperties props;

    public RouteTemplates(RestLookup.Shared shared, AsyncAccept asyncAccept, UpstreamBreakers breakers,
                          RoutesProperties props) {
        this.shared = shared;
        this.asyncAccept = asyncAccept;
        this.breakers = breakers;
        this.props = props;
    }

    @Override
    public void configure() {
        // the time limiter runs the call on another thread; a pool of the hub's own keeps slow calls off the common one
        ExecutorService pool = getCamelContext().getExecutorServiceManager().newCachedThreadPool(this, "route-call");
        getCamelContext().getRegistry().bind(POOL, pool);
        getCamelContext().getRegistry().bind(RestLookup.BEAN, new RestLookup(shared));
        getCamelContext().getRegistry().bind(AsyncAccept.BEAN, asyncAccept);
        breakers.all().forEach((upstream, b) -> getCamelContext().getRegistry().bind(BREAKER_PREFIX + upstream, b));

        Resilience4jConfigurationDefinition breaker = routeTemplate(REST_LOOKUP)
                .templateParameter("service").templateParameter("operation").templateParameter("title")
                .templateParameter("method", "GET").templateParameter("path").templateParameter("upstream")
                .templateParameter("target").templateParameter("subject", "")
                .templateParameter("timeout", String.valueOf(props.defaultTimeout().toMillis()))
                .from("platform-http:{{path}}?httpMethodRestrict={{method}}")
                .setProperty(RestLookup.SERVICE, constant("{{service}}"))
                .setProperty(RestLookup.OPERATION, constant("{{operation}}"))
                .setProperty(RestLookup.UPSTREAM, constant("{{upstream}}"))
                .setProperty(RestLookup.SUBJECT_PARAMETER, constant("{{subject}}"))
                .setProperty(RestLookup.PATH, constant("{{path}}"))
                .doTry()
                    .bean(RestLookup.BEAN, "begin")
                    .circuitBreaker()
                        .resilience4jConfiguration()
                            .circuitBreaker(BREAKER_PREFIX + "{{upstream}}")
                            .timeoutEnabled(true)
                            .timeoutExecutorService(POOL);
        breaker.setTimeoutDuration("{{timeout}}");
        breaker.end()
                        .bean(RestLookup.BEAN, "calling")
                        .doTry()
                            .to("{{target}}")
                        .doCatch(HubException.class)
                            .bean(RestLookup.BEAN, "keep")
                        .end()
                    .end()
                    .bean(RestLookup.BEAN, "afterBreaker")
                    .bean(RestLookup.BEAN, "answered")
                .endDoTry()
                .doCatch(Exception.class)
                    .bean(RestLookup.BEAN, "failed")
                .end();

        // the delivery itself is the DeliveryFlow bean AsyncDeliveryFlows registers for the route
        routeTemplate(ASYNC_DELIVERY)
                .templateParameter("service").templateParameter("operation").templateParameter("title")
                .templateParameter("path").templateParameter("upstream").templateParameter("target")
                .templateParameter("subjectPointer").templateParameter("eventKeyPointer", "")
                .templateParameter("consumers", "2")
                .from("platform-http:{{path}}?httpMethodRestrict=POST")
                .setProperty(AsyncAccept.SERVICE, constant("{{service}}"))
                .setProperty(AsyncAccept.OPERATION, constant("{{operation}}"))
                .setProperty(AsyncAccept.SUBJECT_POINTER, constant("{{subjectPointer}}"))
                .setProperty(AsyncAccept.EVENT_KEY_POINTER, constant("{{eventKeyPointer}}"))
                .doTry()
                    .bean(AsyncAccept.BEAN, "accept")
                .doCatch(Exception.class)
                    .bean(AsyncAccept.BEAN, "failed")
                .end();
    }

    private static String checkDelivery(Map<String, String> p) {
        for (String name : List.of("service", "operation", "upstream")) {
            if (!NAME.matcher(p.get(name)).matches()) {
                return name + " '" + p.get(name) + "' must be lower-case words joined by -";
            }
        }
        if ((p.get("service") + "." + p.get("operation")).length() > MAX_FLOW) {
            return "service and operation together ('" + p.get("service") + "." + p.get("operation")
                    + "') must be at most " + MAX_FLOW + " characters";
        }
        String path = p.get("path");
        if (!PATH.matcher(path).matches() || VARIABLE.matcher(path).find()) {
            return "path '" + path + "' must start with /api/v1/ and hold only path segments, no {variables}";
        }
        for (String name : List.of("subjectPointer", "eventKeyPointer")) {
            String pointer = p.get(name);
            if (pointer != null && !POINTER.matcher(pointer).matches()) {
                return name + " '" + pointer + "' must be a JSON pointer such as /enterpriseCode";
            }
        }
        String consumers = p.get("consumers");
        if (consumers != null && !CONSUMERS.matcher(consumers).matches()) {
            return "consumers must be a number from 1 to 99, not '" + consumers + "'";
        }
        String target = p.get("target");
        if (target == null || target.isBlank()) {
            return "target must name the endpoint of the route that calls the upstream, e.g. direct:bizreg-notify";
        }
        return null;
    }

    private static String checkLookup(Map<String, String> p) {
        for (String name : List.of("service", "operation", "upstream")) {
            if (!NAME.matcher(p.get(name)).matches()) {
                return name + " '" + p.get(name) + "' must be lower-case words joined by -";
            }
        }
        String method = p.getOrDefault("method", "GET");
        if (!method.equals("GET") && !method.equals("POST")) {
            return "method must be GET or POST, not " + method;
        }
        String path = p.get("path");
        if (!PATH.matcher(path).matches()) {
            return "path '" + path + "' must start with /api/v1/ and hold only path segments and {variables}";
        }
        String subject = p.get("subject");
        if (subject != null) {
            List<String> variables = new ArrayList<>();
            Matcher m = VARIABLE.matcher(path);
            while (m.find()) {
                variables.add(m.group(1));
            }
            if (!variables.contains(subject)) {
                return "subject '" + subject + "' is not a variable of the path " + path;
            }
        }
        String timeout = p.get("timeout");
        if (timeout != null && !MILLIS.matcher(timeout).matches() && !PLACEHOLDER.matcher(timeout).matches()) {
            return "timeout is a number of milliseconds or a {{property}}, not '" + timeout + "'";
        }
        return null;
    }
}
