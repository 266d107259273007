package vn.lgsp.hub.app.routes;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import vn.lgsp.hub.core.service.ServiceDescriptor;
import vn.lgsp.hub.core.service.ServiceSource;

/**
 * The route files: {@code *.yaml} in the folders of {@code hub.routes.location} and {@code hub-routes/*.yaml} on the
 * classpath, read once at start-up. Before Camel sees them, each file is read as YAML and each {@code templatedRoute}
 * checked against the hub's templates ({@link RouteTemplates#SPECS}): a syntax error, an unknown template, a missing
 * or unknown parameter stops the start-up with the file and the line. What the files offer is described to the
 * catalogue and to security as {@link ServiceDescriptor}s, without waiting for Camel.
 */
public class RouteFiles implements ServiceSource {

    /** The classpath folder where connector modules ship their route files. */
    public static final String CLASSPATH_PATTERN = "classpath*:hub-routes/*.yaml";

    private static final Logger log = LoggerFactory.getLogger(RouteFiles.class);

    /** One route file: where it comes from (for messages) and its text. */
    public record RouteFile(String name, String text) {
    }

    /** A {@code templatedRoute} of a file, its parameters already checked. */
    public record TemplatedRoute(String file, int line, String template, Map<String, String> parameters) {

        String parameter(String name) {
            return parameters.get(name);
        }
    }

    private final List<RouteFile> files;
    private final List<TemplatedRoute> templated;
    private final List<ServiceDescriptor> services;

    public RouteFiles(List<RouteFile> files) {
        this.files = List.copyOf(files);
        List<TemplatedRoute> all = new ArrayList<>();
        for (RouteFile f : this.files) {
            all.addAll(check(f));
        }
        this.templated = List.copyOf(all);
        this.services = describe(templated);
    }

    /** Reads the files of the configured folders (sorted by name) and of the classpath. */
    public static RouteFiles read(RoutesProperties props) {
        List<RouteFile> files = new ArrayList<>();
        for (String location : props.location()) {
            Path folder = Path.of(location);
            if (!Files.isDirectory(folder)) {
                log.info("Route folder {} does not exist: no route files from it", location);
                continue;
            }
            try (Stream<Path> list = Files.list(folder)) {
                for (Path p : list.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                        .sorted(Comparator.comparing(Path::toString)).toList()) {
                    files.add(new RouteFile(location.replaceAll("/+$", "") + "/" + p.getFileName(),
                            Files.readString(p, StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                throw new RouteFileException("Cannot read the route folder " + location + ": " + e.getMessage(), e);
            }
        }
        try {
            Resource[] shipped = new PathMatchingResourcePatternResolver().getResources(CLASSPATH_PATTERN);
            for (Resource r : shipped) {
                try (InputStream in = r.getInputStream()) {
                    files.add(new RouteFile("classpath:hub-routes/" + r.getFilename(),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new RouteFileException("Cannot read the route files on the classpath: " + e.getMessage(), e);
        }
        return new RouteFiles(files);
    }

    public List<RouteFile> files() {
        return files;
    }

    public List<TemplatedRoute> templatedRoutes() {
        return templated;
    }

    @Override
    public List<ServiceDescriptor> services() {
        return services;
    }

    // --------------------------------------------------------------------------------------------------- checks

    private static List<TemplatedRoute> check(RouteFile file) {
        Node root;
        try (Reader in = new InputStreamReader(
                new java.io.ByteArrayInputStream(file.text().getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8)) {
            root = new Yaml(new LoaderOptions()).compose(in);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1
                    : e.getContextMark() != null ? e.getContextMark().getLine() + 1 : 0;
            throw new RouteFileException(at(file.name(), line) + ": not valid YAML: " + e.getProblem(), e);
        } catch (YAMLException | IOException e) {
            throw new RouteFileException(file.name() + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null) {
            return List.of();
        }
        if (!(root instanceof SequenceNode list)) {
            throw new RouteFileException(at(file.name(), line(root))
                    + ": a route file is a YAML list (of route, templatedRoute, routeConfiguration, ...)");
        }
        List<TemplatedRoute> found = new ArrayList<>();
        for (Node item : list.getValue()) {
            Node templatedRoute = child(item, "templatedRoute");
            if (templatedRoute != null) {
                found.add(templated(file.name(), templatedRoute));
            }
        }
        return found;
    }

    private static TemplatedRoute templated(String file, Node node) {
        int line = line(node);
        Node ref = child(node, "routeTemplateRef");
        String template = ref instanceof ScalarNode s ? s.getValue() : null;
        RouteTemplates.Spec spec = template == null ? null : RouteTemplates.SPECS.get(template);
        if (spec == null) {
            throw new RouteFileException(at(file, ref == null ? line : line(ref)) + ": unknown route template '"
                    + template + "'; the hub's templates are " + String.join(", ", RouteTemplates.SPECS.keySet()));
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        Node params = child(node, "parameters");
        if (params instanceof SequenceNode seq) {
            for (Node p : seq.getValue()) {
                Node name = child(p, "name");
                Node value = child(p, "value");
                if (!(name instanceof ScalarNode n) || !(value instanceof ScalarNode v)) {
                    throw new RouteFileException(at(file, line(p))
                            + ": each parameter of a templatedRoute is {name: ..., value: ...}");
                }
                if (!spec.required().contains(n.getValue()) && !spec.optional().contains(n.getValue())) {
                    throw new RouteFileException(at(file, line(p)) + ": template " + template
                            + " has no parameter '" + n.getValue() + "'; its parameters are "
                            + String.join(", ", spec.all()));
                }
                parameters.put(n.getValue(), v.getValue());
            }
        } else if (params instanceof MappingNode map) {
            // the YAML DSL also takes parameters as a map
            for (NodeTuple t : map.getValue()) {
                String name = ((ScalarNode) t.getKeyNode()).getValue();
                if (!spec.required().contains(name) && !spec.optional().contains(name)) {
                    throw new RouteFileException(at(file, line(t.getKeyNode())) + ": template " + template
                            + " has no parameter '" + name + "'; its parameters are " + String.join(", ", spec.all()));
                }
                parameters.put(name, t.getValueNode() instanceof ScalarNode v ? v.getValue() : null);
            }
        }
        Set<String> missing = new LinkedHashSet<>(spec.required());
        missing.removeAll(parameters.keySet());
        if (!missing.isEmpty()) {
            throw new RouteFileException(at(file, line) + ": templatedRoute of " + template
                    + " lacks the parameter" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
        }
        String problem = spec.check().apply(parameters);
        if (problem != null) {
            throw new RouteFileException(at(file, line) + ": " + problem);
        }
        return new TemplatedRoute(file, line, template, Map.copyOf(parameters));
    }

    private static List<ServiceDescriptor> describe(List<TemplatedRoute> routes) {
        Map<String, List<TemplatedRoute>> byService = new LinkedHashMap<>();
        for (TemplatedRoute r : routes) {
            byService.computeIfAbsent(r.parameter("service"), s -> new ArrayList<>()).add(r);
        }
        List<ServiceDescriptor> services = new ArrayList<>();
        byService.forEach((name, list) -> {
            TemplatedRoute first = list.get(0);
            String title = list.stream().map(r -> r.parameter("title")).filter(t -> t != null && !t.isBlank())
                    .findFirst().orElse(name);
            Set<String> seen = new LinkedHashSet<>();
            List<ServiceDescriptor.Operation> operations = new ArrayList<>();
            for (TemplatedRoute r : list) {
                String operation = r.parameter("operation");
                if (!seen.add(operation)) {
                    throw new RouteFileException(at(r.file(), r.line()) + ": service " + name + " already has an "
                            + "operation '" + operation + "'");
                }
                String method = r.parameter("method") == null ? RouteTemplates.SPECS.get(r.template()).method()
                        : r.parameter("method");
                operations.add(new ServiceDescriptor.Operation(operation, name + "." + operation, method,
                        r.parameter("path"), null));
            }
            services.add(new ServiceDescriptor(name, title, first.parameter("upstream"), operations, null));
        });
        return List.copyOf(services);
    }

    private static Node child(Node node, String key) {
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && key.equals(k.getValue())) {
                    return t.getValueNode();
                }
            }
        }
        return null;
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    static String at(String file, int line) {
        return line > 0 ? file + " line " + line : file;
    }
}
