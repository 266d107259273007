package vn.lgsp.hub.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import vn.lgsp.hub.simulators.Simulator;

/**
 * What the crash tests share: one hub installation (the packaged jar as a process) in a directory of its own, started,
 * killed with SIGKILL and started again on the same data; waits that fail at once when the hub dies on its own, or
 * give up when delivery stalls; the hub's view of exchanges; a log line with the time since the test began; and the
 * post-mortem: the hub is killed at the end, and its data kept unless the test said it {@link #passed()}.
 */
final class CrashHarness implements AutoCloseable {

    /**
     * Extra Spring arguments for the hub, space-separated, e.g. to run the crash tests against another profile:
     * {@code -Dhub.it.hub-args="--spring.profiles.active=postgres"}.
     */
    static final String HUB_ARGS = System.getProperty("hub.it.hub-args", "");

    private final String name;
    private final long t0 = System.nanoTime();
    private HubProcess hub;
    private boolean passed;

    /** @param name the test's, for the log lines */
    CrashHarness(String name) {
        this.name = name;
    }

    /**
     * Sets up the hub installation in a new directory {@code <work dir>/<prefix>-<millis>} ({@code data}, {@code
     * hub.log}), with {@link #HUB_ARGS} after the test's own settings; does not start it.
     */
    HubProcess install(String prefix, Consumer<HubProcess.Builder> settings) {
        Path dir = HubProcess.workDir().resolve(prefix + "-" + System.currentTimeMillis());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HubProcess.Builder builder = HubProcess.builder()
                .dataDir(dir.resolve("data"))
                .logFile(dir.resolve("hub.log"));
        settings.accept(builder);
        hub = builder.arguments(HUB_ARGS).build();
        return hub;
    }

    HubProcess hub() {
        return hub;
    }

    /** Starts the hub (again, after a kill: on the same data directory) and waits until it is healthy. */
    void start() {
        hub.start().awaitHealthy();
    }

    /** SIGKILL, and waits for the process to be gone. */
    void kill() {
        hub.kill();
    }

    /** Waits (polling every 20 ms) until {@code condition} holds; fails at once if the hub dies meanwhile. */
    void awaitWhileAlive(String what, Duration atMost, Callable<Boolean> condition) {
        await(what)
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    if (!hub.isAlive()) {
                        throw new IllegalStateException("the hub died on its own; see " + hub.logFile());
                    }
                    return condition.call();
                });
    }

    /**
     * Waits (at most {@code atMost}) until {@code count} reaches {@code expected}; gives up early, returning false,
     * when the count has not moved for {@code stallBound}: a test that schedules no retry that long calls such a
     * silence a stall.
     *
     * @param phase prefix of the log line written on a stall
     */
    boolean awaitCount(String phase, String what, IntSupplier count, int expected, Duration stallBound,
                       Duration atMost) {
        long[] last = {-1, System.nanoTime()};
        boolean[] stalled = {false};
        await(what)
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    int n = count.getAsInt();
                    if (n != last[0]) {
                        last[0] = n;
                        last[1] = System.nanoTime();
                    } else if (System.nanoTime() - last[1] > stallBound.toNanos()) {
                        log(phase + ": delivery stalled at " + n + " items for " + stallBound.toSeconds() + " s");
                        stalled[0] = true;
                        return true;
                    }
                    return n >= expected;
                });
        return !stalled[0];
    }

    /**
     * Waits until the hub says {@code DELIVERED} for every exchange (each at most a minute), asking with
     * {@code threads} threads.
     *
     * @param exchangeIds exchange id by what it carries, for the failure message
     */
    void awaitDelivered(HubClient client, Map<String, String> exchangeIds, int threads) throws Exception {
        ExecutorService checkers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> checks = new ArrayList<>();
            for (Map.Entry<String, String> e : exchangeIds.entrySet()) {
                checks.add(checkers.submit(() -> await("exchange " + e.getValue() + " of " + e.getKey()
                        + " DELIVERED")
                        .atMost(Duration.ofSeconds(60))
                        .pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofMillis(100))
                        .until(() -> "DELIVERED".equals(client.exchange(e.getValue()).field("state")))));
            }
            for (Future<?> f : checks) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            checkers.shutdownNow();
        }
    }

    /** For a failed run: the hub's view ({@code GET /api/v1/exchanges/{id}}) of an item; {@code exchangeId} may be null. */
    String describe(HubClient client, String exchangeId) {
        if (exchangeId == null) {
            return "(no exchange id)";
        }
        try {
            return client.exchange(exchangeId).body();
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }

    /** The test's checks all held: the hub's data may go. */
    void passed() {
        passed = true;
    }

    /** Kills the hub if it runs; deletes its data and jar copy if the test passed, else keeps them and says where. */
    @Override
    public void close() {
        if (hub == null) {
            return;
        }
        hub.kill();
        if (passed) {
            hub.deleteDataAndJar();
        } else {
            log("hub data kept for a post-mortem: " + hub.dataDir());
        }
        log("hub log: " + hub.logFile());
    }

    /** {@link #close()}, then stops the test's simulators, whatever happened. */
    void close(Simulator... upstreams) {
        try {
            close();
        } finally {
            for (Simulator upstream : upstreams) {
                upstream.stop();
            }
        }
    }

    /** Sets a logger to WARNING and returns it; hold it in a field so that the level sticks. */
    static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    void log(String message) {
        System.out.printf("[%s %s +%6.1fs] %s%n", name, LocalTime.now().withNano(0), (System.nanoTime() - t0) / 1e9,
                message);
    }
}
