package vn.lgsp.hub.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.util.FileSystemUtils;

/**
 * The packaged hub (extracted, then {@code java -jar hub-app.jar}, as its container image runs) as a separate operating-system process, so that a test can kill it
 * the way an operator's {@code kill -9} or a power cut would, and start it again on the same data directory.
 *
 * <p>One instance is one hub installation: a port, a data directory and a log file that every start appends to.
 * {@link #start()} may be called again after {@link #kill()} or {@link #stop()}.
 */
public final class HubProcess implements AutoCloseable {

    /** System property set by the failsafe configuration of this module: the hub's executable jar. */
    public static final String JAR_PROPERTY = "hub.jar";
    /** System property set by the failsafe configuration of this module: where tests put data dirs and logs. */
    public static final String WORKDIR_PROPERTY = "hub.it.workdir";

    /**
     * A bound that only catches a hub that never comes up: about 10 s is usual, but a machine shared with builds
     * (several JVMs on two cores) has been seen to take 80 s before Tomcat started.
     */
    private static final Duration STARTUP_BOUND = Duration.ofMinutes(5);
    /** Hubs still running when this JVM exits (a test aborted, Ctrl-C on the bench) are killed, not left behind. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "hub-process-reaper"));
    }

    /** The extracted application jar that this installation runs, in {@link #appDir}. */
    private final Path jar;
    private final Path appDir;
    private final Path dataDir;
    private final Path logFile;
    private final int port;
    private final String portalUrl;
    private final List<String> jvmOptions;
    private final List<String> arguments;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private Process process;
    private int starts;

    private HubProcess(Builder b) {
        if (b.jar == null) {
            throw new IllegalStateException("no hub jar: set the system property " + JAR_PROPERTY
                    + " (failsafe does) or call Builder.jar");
        }
        if (!Files.isRegularFile(b.jar)) {
            throw new IllegalStateException("Hub jar " + b.jar + " not found; build it first: "
                    + "./mvnw -B -o install -DskipTests");
        }
        this.dataDir = Objects.requireNonNull(b.dataDir, "dataDir");
        this.logFile = b.logFile != null ? b.logFile : dataDir.resolveSibling(dataDir.getFileName() + ".log");
        this.port = b.port > 0 ? b.port : freePort();
        this.portalUrl = Objects.requireNonNull(b.portalUrl, "portalUrl");
        this.jvmOptions = List.copyOf(b.jvmOptions);
        this.arguments = List.copyOf(b.arguments);
        this.appDir = dataDir.resolveSibling(dataDir.getFileName() + "-hub-app");
        this.jar = extracted(b.jar, appDir);
    }

    /** A builder whose jar comes from the system property {@value #JAR_PROPERTY}, when it is set. */
    public static Builder builder() {
        Builder builder = new Builder();
        // the crash tests and benchmarks load the hub through the demo client far faster than any one real client
        // calls; the limiter still runs (its cost is part of what benchmarks measure) but never refuses. The rate
        // limit itself is tested in hub-app (ClientAuthenticationIT).
        builder.argument("--hub.security.rate-limit.per-second=1000000");
        builder.argument("--hub.security.rate-limit.burst=1000000");
        String jar = System.getProperty(JAR_PROPERTY);
        if (jar != null && !jar.isBlank()) {
            builder.jar(Path.of(jar));
        }
        return builder;
    }

    /** The work directory from {@value #WORKDIR_PROPERTY} (default {@code target/it-work}), created if missing. */
    public static Path workDir() {
        Path dir = Path.of(System.getProperty(WORKDIR_PROPERTY, "target/it-work")).toAbsolutePath();
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port nobody listens on right now (there is a small race with other processes, acceptable in tests). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The jar extracted into a private directory ({@code java -Djarmode=tools -jar hub-app.jar extract}), once: the
     * thin application jar and its {@code lib/}, as the container image runs it (docker/Dockerfile). Two reasons:
     * classes load from plain jars instead of through the nested-jar loader, which takes a third of the start-up
     * time (docs/BENCHMARKS.md, benchmark 4); and every start of this installation runs the same code even when the
     * build replaces the jar meanwhile. An extraction that read a jar still being written fails; it is made again.
     *
     * @return the extracted application jar
     */
    private static Path extracted(Path jar, Path dir) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path thin = dir.resolve(jar.getFileName());
        await("the hub jar " + jar + " extracted")
                .atMost(Duration.ofMinutes(2))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofSeconds(2))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    FileSystemUtils.deleteRecursively(dir);
                    Process x = new ProcessBuilder(java.toString(), "-Djarmode=tools", "-jar", jar.toString(),
                            "extract", "--destination", dir.toString())
                            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    return x.waitFor(2, TimeUnit.MINUTES) && x.exitValue() == 0 && Files.isRegularFile(thin);
                });
        return thin;
    }

    /**
     * The command line of a hub: {@code <java> <jvm options> -jar <jar> <arguments>}. The hub's container image starts
     * the same one (docker/Dockerfile's ENTRYPOINT, checked by {@code DockerFilesTest}).
     */
    static List<String> command(String java, List<String> jvmOptions, String jar, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar);
        command.addAll(arguments);
        return command;
    }

    /** Starts the process and returns at once; see {@link #awaitHealthy()}. */
    public synchronized HubProcess start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("hub already running (pid " + process.pid() + ")");
        }
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            List<String> command = command(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    jvmOptions, jar.toString(), arguments);
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(dataDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            Map<String, String> env = pb.environment();
            env.put("HUB_PORT", Integer.toString(port));
            env.put("HUB_DATA_DIR", dataDir.toString());
            env.put("HUB_PORTAL_URL", portalUrl);
            // the same id across restarts: a hub killed and started again takes its polling leadership back at once
            // instead of waiting for its old lease to run out (hub.cluster.lease)
            env.put("HUB_INSTANCE_ID", "hub-it-" + port);
            Files.writeString(logFile, System.lineSeparator() + "===== hub-it: start #" + (++starts) + " "
                    + String.join(" ", command) + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            Process started = pb.start();
            RUNNING.add(started);
            started.onExit().thenRun(() -> RUNNING.remove(started));
            process = started;
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the hub", e);
        }
    }

    /** Waits (at most five minutes) until {@code /actuator/health} answers UP; fails at once if the process dies. */
    public HubProcess awaitHealthy() {
        await("hub on port " + port + " healthy")
                .atMost(STARTUP_BOUND)
                .pollDelay(Duration.ofMillis(200))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!isAlive()) {
                        throw new IllegalStateException("hub exited with code " + process.exitValue()
                                + " before becoming healthy; see " + logFile);
                    }
                    return healthy();
                });
        return this;
    }

    /** One health probe: true for 200 with status UP; any failure to connect is false. */
    public boolean healthy() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL ({@code kill -9} on Linux): no shutdown hook, no flush, no graceful anything. Waits for the exit. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM and a graceful shutdown (bounded to a minute), then SIGKILL if it is still there. */
    public synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            process.onExit().get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            kill();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    private void awaitExit(Duration bound) {
        try {
            process.onExit().get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("hub process " + process.pid() + " did not exit within " + bound, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        kill();
    }

    /**
     * Kills the hub if it is still running and deletes its data directory and its extracted jar; the log stays.
     * For runs that passed: a failed one keeps its data for a post-mortem.
     */
    public synchronized void deleteDataAndJar() {
        kill();
        try {
            FileSystemUtils.deleteRecursively(dataDir);
            FileSystemUtils.deleteRecursively(appDir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dataDir, e);
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process == null ? -1 : process.pid();
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return logFile;
    }

    /** The extracted application jar that this installation runs (its libraries are in {@code lib/} beside it). */
    public Path jar() {
        return jar;
    }

    /** Settings of a hub installation. */
    public static final class Builder {
        private Path jar;
        private Path dataDir;
        private Path logFile;
        private int port;
        private String portalUrl;
        private final List<String> jvmOptions = new ArrayList<>();
        private final List<String> arguments = new ArrayList<>();

        public Builder jar(Path jar) {
            this.jar = jar.toAbsolutePath();
            return this;
        }

        /** Becomes {@code HUB_DATA_DIR} and the working directory; kept across restarts. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir.toAbsolutePath();
            return this;
        }

        /** stdout and stderr of every start; default {@code <dataDir>.log}. */
        public Builder logFile(Path logFile) {
            this.logFile = logFile.toAbsolutePath();
            return this;
        }

        /** {@code HUB_PORT}; default a free port, kept across restarts. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** {@code HUB_PORTAL_URL}. */
        public Builder portalUrl(String portalUrl) {
            this.portalUrl = portalUrl;
            return this;
        }

        /** E.g. {@code -Xmx512m}. */
        public Builder jvmOption(String option) {
            jvmOptions.add(option);
            return this;
        }

        /** A Spring argument such as {@code --hub.flow.dossier.consumers=8}. */
        public Builder argument(String argument) {
            arguments.add(argument);
            return this;
        }

        /** Several arguments separated by whitespace; blank adds none. */
        public Builder arguments(String spaceSeparated) {
            for (String a : spaceSeparated.trim().split("\\s+")) {
                if (!a.isEmpty()) {
                    arguments.add(a);
                }
            }
            return this;
        }

        public HubProcess build() {
            return new HubProcess(this);
        }
    }
}
