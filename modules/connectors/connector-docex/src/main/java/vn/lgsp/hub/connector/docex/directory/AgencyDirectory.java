package vn.lgsp.hub.connector.docex.directory;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import vn.lgsp.hub.core.error.HubException;
import vn.lgsp.hub.core.ids.AgencyCode;

/**
 * The provincial agencies the hub delivers to itself, read from a YAML file (by default {@code config/agencies.yml},
 * see {@code docs/CONFIGURATION.md}); every other agency is reached through the national document axis.
 *
 * <p>The file is read again, without a restart, when its last-modified time has changed; that is checked at most
 * once per reload interval, on use. A file that cannot be read or is invalid at start-up stops the start-up (an
 * {@link IllegalStateException} naming the file and the problem); later, it leaves the previous directory in force
 * and is logged once at WARN with the file and the problem. Thread-safe.
 */
public class AgencyDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(AgencyDirectory.class);
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The file's form. */
    record FileContent(List<FileEntry> agencies) {
    }

    record FileEntry(String code, String name, String receives, @JsonProperty("push-url") String pushUrl) {
    }

    /** One reading of the file; {@code modified} is the last-modified time it was read at. */
    private record Snapshot(Map<String, Agency> agencies, long modified) {
    }

    private final Resource location;
    private final Duration reloadInterval;
    private final Clock clock;
    private volatile Snapshot current;
    private volatile Instant nextCheck;
    /** The last-modified time of a file that failed, so that it is reported once, not at every check. */
    private long failedModified = Long.MIN_VALUE;

    public AgencyDirectory(Resource location, Duration reloadInterval) {
        this(location, reloadInterval, Clock.systemUTC());
    }

    public AgencyDirectory(Resource location, Duration reloadInterval, Clock clock) {
        this.location = location;
        this.reloadInterval = reloadInterval;
        this.clock = clock;
        try {
            long modified = location.lastModified();
            this.current = new Snapshot(read(), modified);
        } catch (IOException | IllegalArgumentException | HubException e) {
            throw new IllegalStateException("Cannot read the agency directory at " + location.getDescription() + ": "
                    + e.getMessage(), e);
        }
        this.nextCheck = clock.instant().plus(reloadInterval);
        LOG.info("agency directory {}: {} agencies", location.getDescription(), current.agencies().size());
    }

    /** Where a package for {@code organId} goes: to a local agency by push or inbox, else to the national axis. */
    public Route route(String organId) {
        return find(organId).map(Route::of).orElse(Route.NATIONAL_AXIS);
    }

    /** The directory's entry for {@code organId}, if the hub delivers to it itself. */
    public Optional<Agency> find(String organId) {
        if (organId == null || organId.isBlank()) {
            throw new IllegalArgumentException("an organId is required");
        }
        return Optional.ofNullable(snapshot().agencies().get(organId.trim()));
    }

    /** Every agency in the directory, in the file's order. */
    public List<Agency> agencies() {
        return List.copyOf(snapshot().agencies().values());
    }

    /** The codes of every agency in the directory: the recipients the hub asks the axis for. */
    public List<String> organIds() {
        return List.copyOf(snapshot().agencies().keySet());
    }

    /**
     * Reads the file again now if its last-modified time differs from the one in force, whatever the interval;
     * returns whether a new directory is in force.
     */
    public boolean reloadIfChanged() {
        synchronized (this) {
            nextCheck = clock.instant().plus(reloadInterval);
            long modified;
            try {
                modified = location.lastModified();
            } catch (IOException e) {
                warnOnce(-1, e.getMessage());
                return false;
            }
            if (modified == current.modified() || modified == failedModified) {
                return false;
            }
            try {
                current = new Snapshot(read(), modified);
                failedModified = Long.MIN_VALUE;
                LOG.info("agency directory {} reloaded: {} agencies", location.getDescription(),
                        current.agencies().size());
                return true;
            } catch (IOException | IllegalArgumentException | HubException e) {
                warnOnce(modified, e.getMessage());
                return false;
            }
        }
    }

    private Snapshot snapshot() {
        if (!clock.instant().isBefore(nextCheck)) {
            reloadIfChanged();
        }
        return current;
    }

    private void warnOnce(long modified, String problem) {
        if (modified != failedModified) {
            failedModified = modified;
            LOG.warn("agency directory {} could not be read again; the previous one ({} agencies) stays in force: {}",
                    location.getDescription(), current.agencies().size(), problem);
        }
    }

    private Map<String, Agency> read() throws IOException {
        FileContent content;
        try (InputStream in = location.getInputStream()) {
            content = YAML.readValue(in, FileContent.class);
        } catch (IOException e) {
            // Jackson's message names the line and column; its first line is enough
            throw new IOException(e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (content == null || content.agencies() == null) {
            throw new IllegalArgumentException("the file has no 'agencies' list");
        }
        Map<String, Agency> agencies = new LinkedHashMap<>();
        List<FileEntry> entries = new ArrayList<>(content.agencies());
        for (int i = 0; i < entries.size(); i++) {
            Agency agency = agency(entries.get(i), "agencies[" + i + "]");
            if (agencies.putIfAbsent(agency.code().value(), agency) != null) {
                throw new IllegalArgumentException("agencies[" + i + "]: code " + agency.code() + " is listed twice");
            }
        }
        return agencies;
    }

    private static Agency agency(FileEntry entry, String where) {
        if (entry == null) {
            throw new IllegalArgumentException(where + " is empty");
        }
        AgencyCode code = AgencyCode.parse(entry.code() == null ? null : entry.code().trim(), where + ".code");
        String at = where + " (" + code + ")";
        if (entry.name() == null || entry.name().isBlank()) {
            throw new IllegalArgumentException(at + ": name is required");
        }
        Agency.Receives receives = receives(entry.receives(), at);
        URI pushUrl = null;
        if (receives == Agency.Receives.PUSH) {
            pushUrl = pushUrl(entry.pushUrl(), at);
        } else if (entry.pushUrl() != null && !entry.pushUrl().isBlank()) {
            throw new IllegalArgumentException(at + ": push-url is only for receives: push");
        }
        return new Agency(code, entry.name().trim(), receives, pushUrl);
    }

    private static Agency.Receives receives(String value, String at) {
        if (value != null) {
            for (Agency.Receives r : Agency.Receives.values()) {
                if (r.name().toLowerCase(Locale.ROOT).equals(value.trim())) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException(at + ": receives must be push or inbox, not "
                + (value == null ? "missing" : "'" + value + "'"));
    }

    private static URI pushUrl(String value, String at) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(at + ": push-url is required for receives: push");
        }
        try {
            URI uri = new URI(value.trim());
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException(at + ": push-url must be an absolute http or https URL");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(at + ": push-url is not a URL: " + e.getMessage(), e);
        }
    }
}
