package vn.lgsp.hub.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A data file the hub reads again without a restart (the agency directory, the client registry), parsed into a
 * value of type {@code T}.
 *
 * <p>The file is read again when its last-modified time has changed; that is checked at most once per reload
 * interval, on use, or at once with {@link #reloadIfChanged()}. A file that cannot be read or parsed at start-up
 * stops the start-up (an {@link IllegalStateException} naming the file and the problem); later, it leaves the
 * previous value in force and is logged once at WARN with the file and the problem, so that a typo made while
 * editing never takes a working hub down. Thread-safe.
 *
 * @param <T> the parsed content; immutable
 */
public final class ReloadingFile<T> {

    /** Where the file is; in the hub, a Spring resource (classpath or file). */
    public interface Source {
        String description();

        long lastModified() throws IOException;

        InputStream open() throws IOException;

        /** A source from its three parts, e.g. {@code Source.of(r.getDescription(), r::lastModified, r::getInputStream)}. */
        static Source of(String description, IoCall<Long> lastModified, IoCall<InputStream> open) {
            return new Source() {
                @Override
                public String description() {
                    return description;
                }

                @Override
                public long lastModified() throws IOException {
                    return lastModified.call();
                }

                @Override
                public InputStream open() throws IOException {
                    return open.call();
                }
            };
        }
    }

    /** A call that may fail with an {@link IOException}. */
    @FunctionalInterface
    public interface IoCall<T> {
        T call() throws IOException;
    }

    /** Reads the content; throws {@link IOException} or {@link RuntimeException} with a message a person can act on. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(InputStream in) throws IOException;
    }

    private record Snapshot<T>(T value, long modified) {
    }

    private final Logger log;
    private final String what;
    private final Source source;
    private final Duration reloadInterval;
    private final Clock clock;
    private final Parser<T> parser;
    private final Function<T, String> summary;
    private volatile Snapshot<T> current;
    private volatile Instant nextCheck;
    /** The last-modified time of a file that failed, so that it is reported once, not at every check. */
    private long failedModified = Long.MIN_VALUE;

    /**
     * @param owner   the class that holds the file, whose logger reports readings and failures
     * @param what    what the file is, for messages ("agency directory")
     * @param summary a short description of a reading for the log ("8 agencies")
     */
    public ReloadingFile(Class<?> owner, String what, Source source, Duration reloadInterval, Clock clock, Parser<T> parser,
                         Function<T, String> summary) {
        this.log = LoggerFactory.getLogger(owner);
        this.what = what;
        this.source = source;
        this.reloadInterval = reloadInterval;
        this.clock = clock;
        this.parser = parser;
        this.summary = summary;
        try {
            long modified = source.lastModified();
            this.current = new Snapshot<>(read(), modified);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot read the " + what + " at " + source.description() + ": "
                    + e.getMessage(), e);
        }
        this.nextCheck = clock.instant().plus(reloadInterval);
        log.info("{} {}: {}", what, source.description(), summary.apply(current.value()));
    }

    /** The content in force, read again first if the interval has passed and the file has changed. */
    public T current() {
        if (!clock.instant().isBefore(nextCheck)) {
            reloadIfChanged();
        }
        return current.value();
    }

    /**
     * Reads the file again now if its last-modified time differs from the one in force, whatever the interval;
     * returns whether new content is in force.
     */
    public boolean reloadIfChanged() {
        synchronized (this) {
            nextCheck = clock.instant().plus(reloadInterval);
            long modified;
            try {
                modified = source.lastModified();
            } catch (IOException e) {
                warnOnce(-1, e.getMessage());
                return false;
            }
            if (modified == current.modified() || modified == failedModified) {
                return false;
            }
            try {
                current = new Snapshot<>(read(), modified);
                failedModified = Long.MIN_VALUE;
                log.info("{} {} reloaded: {}", what, source.description(), summary.apply(current.value()));
                return true;
            } catch (IOException | RuntimeException e) {
                warnOnce(modified, e.getMessage());
                return false;
            }
        }
    }

    private void warnOnce(long modified, String problem) {
        if (modified != failedModified) {
            failedModified = modified;
            log.warn("{} {} could not be read again; the previous one ({}) stays in force: {}", what,
                    source.description(), summary.apply(current.value()), problem);
        }
    }

    private T read() throws IOException {
        try (InputStream in = source.open()) {
            return parser.parse(in);
        }
    }
}
