package vn.lgsp.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

/**
 * What can be checked of the container set-up without a Docker engine (docs/DEPLOYMENT.md): {@code docker/compose.yml},
 * the Dockerfiles, the broker configuration and the monitoring files parse, name files that exist, and agree with
 * each other and with what the tests and {@code scripts/run} start. A unit test (surefire): it reads files only,
 * except {@link #composeAcceptsTheFile()}, which asks a Compose client to validate the file when one is installed.
 */
class DockerFilesTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path DOCKER = ROOT.resolve("docker");
    private static final Pattern VARIABLE = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z0-9_]+)(?:(:?[-?])([^}]*))?}");
    /** A Spring placeholder: {@code ${NAME}} or {@code ${NAME:default}}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(:[^}]*)?}");
    private static final Set<String> SERVICES =
            Set.of("hub-1", "hub-2", "artemis", "postgres", "simulators", "prometheus", "grafana");
    private static final List<String> LAYERS =
            List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application");

    // ---- compose.yml

    @Test
    void composeHasTheServicesAndNamesOnlyFilesThatExist() throws IOException {
        Map<String, Object> compose = compose();
        assertThat(services(compose).keySet()).containsExactlyInAnyOrderElementsOf(SERVICES);

        List<String> missing = new ArrayList<>();
        services(compose).forEach((name, s) -> {
            Map<String, Object> build = map(s.get("build"));
            if (!build.isEmpty()) {
                Path context = DOCKER.resolve(str(build.get("context"))).normalize();
                if (!Files.isRegularFile(context.resolve(str(build.get("dockerfile"))))) {
                    missing.add(name + ": build " + build);
                }
            }
            for (Object v : list(s.get("volumes"))) {
                String source = withDefaults(str(v)).split(":")[0];
                if (source.startsWith(".") || source.startsWith("/")) {
                    Path file = DOCKER.resolve(source).normalize();
                    if (file.startsWith(DOCKER.resolve("secrets"))) {
                        continue; // made by the operator (docs/DEPLOYMENT.md), never in the repository
                    }
                    if (!Files.exists(file)) {
                        missing.add(name + ": volume " + v);
                    }
                }
            }
        });
        assertThat(missing).as("files compose.yml names that are not in the repository").isEmpty();

        // every secret is a file under docker/secrets/, which is ignored by git, and is granted to some service
        Map<String, Object> secrets = map(compose.get("secrets"));
        assertThat(secrets).isNotEmpty();
        secrets.forEach((name, s) -> assertThat(str(map(s).get("file"))).as(name).isEqualTo("./secrets/" + name));
        assertThat(Files.readAllLines(DOCKER.resolve(".gitignore"))).contains("secrets/", ".env");
        Set<String> granted = services(compose).values().stream()
                .flatMap(s -> list(s.get("secrets")).stream().map(DockerFilesTest::str)).collect(Collectors.toSet());
        assertThat(granted).containsExactlyInAnyOrderElementsOf(secrets.keySet());
        // the example registry the documentation tells to copy parses and registers the Prometheus operator
        Map<String, Object> clients = yaml(DOCKER.resolve("clients.example.yml"));
        assertThat(list(clients.get("operators"))).extracting(o -> map(o).get("id")).contains("prometheus");
    }

    @Test
    void everyVariableOfComposeIsInTheEnvironmentExample() throws IOException {
        String compose = Files.readString(DOCKER.resolve("compose.yml"));
        Map<String, String> examples = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DOCKER.resolve(".env.example"))) {
            Matcher m = Pattern.compile("^#?([A-Z][A-Z0-9_]*)=(.*)$").matcher(line);
            if (m.matches()) {
                examples.put(m.group(1), m.group(2));
            }
        }
        Matcher m = VARIABLE.matcher(compose);
        Set<String> used = new TreeSet<>();
        while (m.find()) {
            used.add(m.group(1));
            if (m.group(2) == null || m.group(2).endsWith("?")) {
                // required: must have a value in the example, not just a commented line
                assertThat(Files.readAllLines(DOCKER.resolve(".env.example")))
                        .as("required variable %s", m.group(1)).anyMatch(l -> l.startsWith(m.group(1) + "="));
            }
        }
        assertThat(examples.keySet()).as("variables compose.yml reads, each described in .env.example")
                .containsAll(used);
        assertThat(examples).containsEntry("COMPOSE_PROFILES", "simulators");
        // the example holds no secret: those are files under docker/secrets/
        assertThat(examples.keySet()).noneMatch(k -> k.matches(".*(PASSWORD|SECRET|_KEY)$"));
    }

    @Test
    void hubServicesRunTheImageWithTheProductionProfiles() throws IOException {
        Map<String, Map<String, Object>> services = services(compose());
        Set<String> required = requiredHubVariables();
        assertThat(required).contains("HUB_PORTAL_URL", "HUB_CLIENTS_FILE", "HUB_DB_PASSWORD", "HUB_BROKER_URL");
        for (String hub : List.of("hub-1", "hub-2")) {
            Map<String, Object> s = services.get(hub);
            assertThat(str(map(s.get("build")).get("dockerfile"))).isEqualTo("docker/Dockerfile");
            assertThat(s.get("entrypoint")).as("%s keeps the image's entrypoint", hub).isNull();
            List<String> command = list(s.get("command")).stream().map(DockerFilesTest::str).toList();
            assertThat(command).as(hub).contains("--spring.profiles.active=production,postgres",
                    "--spring.config.import=optional:configtree:/run/secrets/");
            assertThat(command).allMatch(a -> a.startsWith("--"));

            Map<String, Object> environment = map(s.get("environment"));
            Set<String> secrets = list(s.get("secrets")).stream().map(DockerFilesTest::str).collect(Collectors.toSet());
            assertThat(required).as("%s: every setting the profiles production and postgres need", hub)
                    .allMatch(v -> environment.containsKey(v) || secrets.contains(v));
            assertThat(environment.keySet()).as("%s: secrets are not in the environment", hub)
                    .noneMatch(secrets::contains);
            assertThat(str(environment.get("HUB_CLIENTS_FILE"))).isEqualTo("file:/run/secrets/hub-clients.yml");
            assertThat(secrets).contains("hub-clients.yml");
            assertThat(str(environment.get("HUB_PORT"))).isEqualTo("8080");
            assertThat(list(s.get("ports"))).allMatch(p -> str(p).endsWith(":8080"));
            assertThat(list(s.get("volumes"))).anyMatch(v -> str(v).endsWith(":" + str(environment.get("HUB_DATA_DIR"))));

            Map<String, Object> dependsOn = map(s.get("depends_on"));
            for (String dependency : List.of("postgres", "artemis")) {
                assertThat(str(map(dependsOn.get(dependency)).get("condition"))).as(hub + " on " + dependency)
                        .isEqualTo("service_healthy");
            }
        }
        // whatever waits for a service's health gets a service with a health check
        services.forEach((name, s) -> map(s.get("depends_on")).forEach((dependency, how) -> {
            if ("service_healthy".equals(str(map(how).get("condition")))) {
                Map<String, Object> target = services.get(dependency);
                boolean imageHasOne = map(target.get("build")).get("dockerfile") != null
                        && dockerfile(str(map(target.get("build")).get("dockerfile"))).contains("\nHEALTHCHECK ");
                assertThat(target.containsKey("healthcheck") || imageHasOne).as(name + " waits on " + dependency)
                        .isTrue();
            }
        }));
    }

    // ---- Dockerfiles

    @Test
    void hubImageStartsWhatHubProcessStarts() throws IOException {
        String dockerfile = dockerfile("docker/Dockerfile");
        List<String> entrypoint = jsonArray(instruction(dockerfile, "ENTRYPOINT"));
        assertThat(entrypoint).isEqualTo(HubProcess.command("java", List.of("-XX:SharedArchiveFile=application.jsa"),
                "application.jar", List.of()));
        // the archive the entrypoint maps is made in the image by a training run of the same jar
        assertThat(dockerfile).contains(
                "java -XX:ArchiveClassesAtExit=application.jsa -Dspring.context.exit=onRefresh");

        // the jar scripts/run starts, split into layers with the Boot 3.3+ tools jar mode, copied one layer each
        String run = Files.readString(ROOT.resolve("scripts/run"));
        assertThat(run).contains("'modules/hub-app/target/hub-app-*.jar'");
        assertThat(dockerfile).contains("ARG HUB_JAR=modules/hub-app/target/hub-app-*.jar",
                "COPY ${HUB_JAR} application.jar",
                "RUN java -Djarmode=tools -jar application.jar extract --layers --destination extracted");
        List<String> copies = dockerfile.lines().filter(l -> l.startsWith("COPY --from=")).toList();
        assertThat(copies).hasSize(LAYERS.size());
        for (int i = 0; i < LAYERS.size(); i++) {
            assertThat(copies.get(i)).contains("/extracted/" + LAYERS.get(i) + "/ ./");
        }

        // not root; the health check is the liveness group on the hub's port
        String user = instruction(dockerfile, "USER");
        assertThat(user).isNotBlank().doesNotStartWith("root").doesNotStartWith("0");
        Map<String, String> env = env(dockerfile);
        assertThat(URI.create(env.get("HUB_HEALTH_URL")).getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(URI.create(env.get("HUB_HEALTH_URL")).getPort()).isEqualTo(Integer.parseInt(env.get("HUB_PORT")));
        assertThat(instruction(dockerfile, "EXPOSE")).isEqualTo(env.get("HUB_PORT"));
        assertThat(instruction(dockerfile, "HEALTHCHECK")).contains("$HUB_HEALTH_URL");
        // the liveness group exists in the hub's configuration
        assertThat(Files.readString(ROOT.resolve("config/application.yml"))).contains("liveness.include: livenessState");
    }

    @Test
    void simulatorsImageStartsWhatScriptsRunStarts() throws IOException {
        String dockerfile = dockerfile("docker/simulators.Dockerfile");
        assertThat(jsonArray(instruction(dockerfile, "ENTRYPOINT"))).containsExactly("java", "-jar", "hub-simulators.jar");
        assertThat(Files.readString(ROOT.resolve("scripts/run")))
                .contains("'modules/hub-simulators/target/hub-simulators-*-exec.jar'");
        assertThat(dockerfile).contains("ARG SIM_JAR=modules/hub-simulators/target/hub-simulators-*-exec.jar",
                "COPY ${SIM_JAR} hub-simulators.jar");
        assertThat(instruction(dockerfile, "USER")).doesNotStartWith("root").doesNotStartWith("0");
        assertThat(env(dockerfile)).containsEntry("SIM_BIND_ADDRESS", "0.0.0.0");
        assertThat(instruction(dockerfile, "HEALTHCHECK")).contains("/__admin/health");
        // compose's entrypoint (which reads the secrets first) ends in the same command
        Map<String, Object> simulators = services(compose()).get("simulators");
        assertThat(String.join(" ", list(simulators.get("entrypoint")).stream().map(DockerFilesTest::str).toList()))
                .contains("exec java -jar hub-simulators.jar");
        // the build context lets the jars in and nothing else
        assertThat(Files.readAllLines(ROOT.resolve(".dockerignore"))).contains("*",
                "!modules/hub-app/target/hub-app-*.jar", "!modules/hub-simulators/target/hub-simulators-*-exec.jar");
    }

    @Test
    void hubJarIsLayered() throws IOException {
        Path jar;
        try (Stream<Path> files = Files.list(ROOT.resolve("modules/hub-app/target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("hub-app-.*\\.jar")).findFirst().orElse(null);
        } catch (java.nio.file.NoSuchFileException e) {
            jar = null;
        }
        assumeTrue(jar != null, "hub-app is not packaged yet (./mvnw -B package)");
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getEntry("BOOT-INF/layers.idx")).as("layers.idx in " + jar).isNotNull();
            try (InputStream in = file.getInputStream(file.getEntry("BOOT-INF/layers.idx"))) {
                List<String> layers = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .filter(l -> l.startsWith("- \"")).map(l -> l.substring(3, l.indexOf('"', 3))).toList();
                assertThat(layers).isEqualTo(LAYERS);
            }
        }
    }

    // ---- broker

    /**
     * The broker of the compose set-up runs the repository's own config/broker.xml (which hub-app's BrokerXmlTest
     * holds to every queue of the hub's code), listening on every interface and granting the image's user role.
     */
    @Test
    void brokerOfComposeRunsTheRepositorysBrokerXml() throws Exception {
        Document reference = xml(ROOT.resolve("config/broker.xml"));
        Map<String, Object> artemis = services(compose()).get("artemis");
        assertThat(withDefaults(str(artemis.get("image")))).isEqualTo("apache/activemq-artemis:2.40.0");
        assertThat(list(artemis.get("volumes")))
                .contains("../config/broker.xml:/var/lib/artemis-instance/etc-override/broker.xml:ro");
        assertThat(str(map(artemis.get("environment")).get("JAVA_ARGS_APPEND")))
                .contains("-Dartemis.host=0.0.0.0", "-Dhub.broker.role=amq");
        assertThat(reference.getElementsByTagName("acceptor").item(0).getTextContent())
                .contains("${artemis.host:127.0.0.1}:${artemis.port:61616}");
        assertThat(str(map(services(compose()).get("hub-1").get("environment")).get("HUB_BROKER_URL")))
                .isEqualTo("tcp://artemis:61616");
    }

    @Test
    void agencyDirectoryOfComposeIsTheRepositorysWithTheSimulatorsHost() throws IOException {
        List<Object> reference = list(yaml(ROOT.resolve("config/agencies.yml")).get("agencies"));
        List<Object> compose = list(yaml(DOCKER.resolve("hub/agencies.yml")).get("agencies"));
        assertThat(compose).hasSameSizeAs(reference);
        for (int i = 0; i < reference.size(); i++) {
            Map<String, Object> expected = new LinkedHashMap<>(map(reference.get(i)));
            expected.computeIfPresent("push-url",
                    (k, url) -> str(url).replace("http://127.0.0.1:18085/", "http://simulators:18085/"));
            assertThat(map(compose.get(i))).isEqualTo(expected);
        }
    }

    // ---- monitoring

    @Test
    void monitoringFilesPointAtTheComposeServices() throws IOException {
        Map<String, Map<String, Object>> services = services(compose());
        Map<String, Object> prometheus = yaml(DOCKER.resolve("monitoring/prometheus.yml"));
        Map<String, Object> job = map(list(prometheus.get("scrape_configs")).get(0));
        List<String> targets = list(map(list(job.get("static_configs")).get(0)).get("targets")).stream()
                .map(DockerFilesTest::str).toList();
        assertThat(targets).containsExactlyInAnyOrder("hub-1:8080", "hub-2:8080");
        for (Object rules : list(prometheus.get("rule_files"))) {
            assertThat(DOCKER.resolve("monitoring").resolve(str(rules))).isRegularFile();
            assertThat(yaml(DOCKER.resolve("monitoring").resolve(str(rules)))).containsKey("groups");
        }
        assertThat(yaml(DOCKER.resolve("monitoring/alerts-test.yml"))).containsKey("tests");

        Map<String, Object> prom = services.get("prometheus");
        List<String> mounts = list(prom.get("volumes")).stream().map(DockerFilesTest::str).toList();
        String keyFile = str(list(map(map(job.get("http_headers")).get("X-API-Key")).get("files")).get(0));
        assertThat(mounts).anyMatch(v -> v.contains(":" + keyFile + ":"));
        String configFile = list(prom.get("command")).stream().map(DockerFilesTest::str)
                .filter(a -> a.startsWith("--config.file=")).findFirst().orElseThrow().substring(14);
        assertThat(mounts).contains("./monitoring/prometheus.yml:" + configFile + ":ro",
                "./monitoring/alerts.yml:" + Path.of(configFile).resolveSibling("alerts.yml") + ":ro");

        Path provisioning = DOCKER.resolve("monitoring/grafana/provisioning");
        Map<String, Object> datasource = map(list(yaml(provisioning.resolve("datasources/prometheus.yml"))
                .get("datasources")).get(0));
        URI url = URI.create(str(datasource.get("url")));
        assertThat(services).containsKey(url.getHost());
        assertThat(str(list(services.get(url.getHost()).get("ports")).get(0))).endsWith(":" + url.getPort());
        String dashboards = str(map(map(list(yaml(provisioning.resolve("dashboards/lgsp-hub.yml")).get("providers"))
                .get(0)).get("options")).get("path"));
        List<String> grafanaMounts = list(services.get("grafana").get("volumes")).stream().map(DockerFilesTest::str)
                .toList();
        assertThat(grafanaMounts).contains("./monitoring/grafana:" + dashboards + ":ro",
                "./monitoring/grafana/provisioning:/etc/grafana/provisioning:ro");
        assertThat(new ObjectMapper().readTree(DOCKER.resolve("monitoring/grafana/lgsp-hub-dashboard.json").toFile())
                .path("uid").asText()).isEqualTo("lgsp-hub");
    }

    /**
     * {@code docker compose config} (or the older {@code docker-compose config}) validates the file against the
     * Compose specification without a Docker engine. Skipped where neither client is installed.
     */
    @Test
    void composeAcceptsTheFile() throws Exception {
        List<String> client = null;
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            if (runs(concat(candidate, List.of("version")))) {
                client = candidate;
                break;
            }
        }
        assumeTrue(client != null, "no docker compose client on this machine");
        List<String> command = concat(client, List.of("--env-file", DOCKER.resolve(".env.example").toString(),
                "-f", DOCKER.resolve("compose.yml").toString(), "config", "-q"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    // ---- helpers

    /** Placeholders without a default in the production and postgres profiles, plus the external broker's. */
    private static Set<String> requiredHubVariables() throws IOException {
        Set<String> required = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(Files.readString(ROOT.resolve("config/application-production.yml")));
        while (m.find()) {
            if (m.group(2) == null) {
                required.add(m.group(1));
            }
        }
        m = PLACEHOLDER.matcher(Files.readString(ROOT.resolve("config/application-postgres.yml")));
        while (m.find()) {
            required.add(m.group(1)); // their defaults are a local PostgreSQL: never right in compose
        }
        required.addAll(List.of("HUB_BROKER_URL", "HUB_BROKER_USER", "HUB_BROKER_PASSWORD", "HUB_DATA_DIR"));
        return required;
    }

    private static Map<String, Object> compose() throws IOException {
        return yaml(DOCKER.resolve("compose.yml"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(Map<String, Object> compose) {
        return (Map<String, Map<String, Object>>) (Map<String, ?>) map(compose.get("services"));
    }

    private static Map<String, Object> yaml(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> map = new Yaml().load(reader);
            assertThat(map).as(file + " is a YAML mapping").isNotNull();
            return map;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    /** {@code ${NAME:-default}} and {@code ${NAME-default}} replaced by their default, as without a docker/.env. */
    private static String withDefaults(String s) {
        return VARIABLE.matcher(s).replaceAll(r -> Matcher.quoteReplacement(
                r.group(2) != null && r.group(2).endsWith("-") ? r.group(3) : ""));
    }

    private static String dockerfile(String path) {
        // continuation lines joined, so that each instruction is one line
        try {
            return Files.readString(ROOT.resolve(path)).replaceAll("\\\\\\n\\s*", "");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The arguments of the last instruction of that name (the final stage's). */
    private static String instruction(String dockerfile, String name) {
        List<String> found = dockerfile.lines().filter(l -> l.startsWith(name + " "))
                .map(l -> l.substring(name.length() + 1).trim()).toList();
        assertThat(found).as(name).isNotEmpty();
        return found.get(found.size() - 1);
    }

    private static Map<String, String> env(String dockerfile) {
        Map<String, String> env = new LinkedHashMap<>();
        Matcher m = Pattern.compile("([A-Z_]+)=(\"[^\"]*\"|\\S+)").matcher(
                dockerfile.lines().filter(l -> l.startsWith("ENV ")).collect(Collectors.joining(" ")));
        while (m.find()) {
            env.put(m.group(1), m.group(2).replace("\"", ""));
        }
        return env;
    }

    private static List<String> jsonArray(String json) throws IOException {
        return List.of(new ObjectMapper().readValue(json, String[].class));
    }

    private static Document xml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    /** Elements by an attribute, each with its content normalised (child elements and their text, no comments). */
    private static Map<String, String> elements(Document doc, String tag, String key) {
        Map<String, String> found = new LinkedHashMap<>();
        NodeList nodes = doc.getElementsByTagNameNS("*", tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            found.put(e.getAttribute(key), normalise(e));
        }
        return found;
    }

    private static String normalise(Node node) {
        StringBuilder out = new StringBuilder();
        NodeList children = node.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node c = children.item(i);
            if (c instanceof Element e) {
                out.append('<').append(e.getLocalName());
                for (int a = 0; a < e.getAttributes().getLength(); a++) {
                    Node attribute = e.getAttributes().item(a);
                    if (!attribute.getNodeName().startsWith("xmlns")) {
                        out.append(' ').append(attribute.getNodeName()).append('=').append(attribute.getNodeValue());
                    }
                }
                out.append('>').append(normalise(e)).append("</").append(e.getLocalName()).append('>');
            } else if (c.getNodeType() == Node.TEXT_NODE) {
                out.append(c.getNodeValue().strip());
            }
        }
        return out.toString();
    }

    private static String text(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagNameNS("*", tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }

    private static boolean runs(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
