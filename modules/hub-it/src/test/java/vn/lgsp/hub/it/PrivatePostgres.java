package vn.lgsp.hub.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;

/**
 * A PostgreSQL cluster of a test's own (the PostgreSQL drill stops it; the machine's shared PostgreSQL, which other
 * tests use, is never touched): {@code initdb} into a temporary directory with the binaries under
 * {@code /usr/lib/postgresql/<version>/bin} (the highest version there), started with {@code pg_ctl} on a free port
 * of 127.0.0.1 with its socket in the same directory, trust authentication for user {@code postgres}. As root (initdb
 * refuses to run as root) every command runs as the OS user {@code postgres}, which then owns the directory.
 */
final class PrivatePostgres implements AutoCloseable {

    private final Path bin;
    private final Path dir;
    private final int port;
    private final CrashHarness run;

    private PrivatePostgres(Path bin, Path dir, int port, CrashHarness run) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.run = run;
    }

    /** The bin directory of the highest PostgreSQL version installed, if any has initdb and pg_ctl. */
    static Optional<Path> binaries() {
        Path root = Path.of(System.getProperty("hub.test.postgres.lib", "/usr/lib/postgresql"));
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingDouble(b -> version(b.getParent().getFileName().toString())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static double version(String name) {
        try {
            return Double.parseDouble(name);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** initdb into a new temporary directory and start; call {@link #close()} to stop it and delete it. */
    static PrivatePostgres create(Path bin, CrashHarness run) {
        try {
            Path dir = Files.createTempDirectory("hub-drill-pg-");
            PrivatePostgres pg = new PrivatePostgres(bin, dir, HubProcess.freePort(), run);
            if (asRoot()) {
                UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
                Files.setOwner(dir, users.lookupPrincipalByName("postgres"));
            }
            pg.exec("initdb", "-D", pg.data().toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync");
            pg.start();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    private Path data() {
        return dir.resolve("data");
    }

    /** {@code pg_ctl start}, waiting until it accepts connections. */
    void start() {
        exec("pg_ctl", "-D", data().toString(), "-l", dir.resolve("postgres.log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1", "start");
        run.log("private PostgreSQL up on port " + port + " (" + dir + ")");
    }

    /** {@code pg_ctl stop -m immediate}: every server process quits at once, as after a crash. */
    void stopImmediately() {
        exec("pg_ctl", "-D", data().toString(), "-m", "immediate", "-w", "stop");
        run.log("private PostgreSQL stopped (-m immediate)");
    }

    @Override
    public void close() {
        try {
            exec("pg_ctl", "-D", data().toString(), "-m", "immediate", "-w", "stop");
        } catch (RuntimeException e) {
            // not running
        }
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            run.log("could not delete " + dir + ": " + e);
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private String exec(String tool, String... args) {
        List<String> command = new ArrayList<>();
        if (asRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
