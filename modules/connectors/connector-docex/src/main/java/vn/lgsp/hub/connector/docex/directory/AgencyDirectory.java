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
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import vn.lgsp.hub.core.config.ReloadingFile;
import vn.lgsp.hub.core.ids.AgencyCode;

/**
 * The provincial agencies the hub delivers to itself, read from a YAML file (by default {@code config/agencies.yml},
 * see {@code docs/CONFIGURATION.md}); every other agency is reached through the national document axis.
 *
 * <p>The file is read again without a restart, as a {@link ReloadingFile}: an invalid file stops the start-up, and
 * later leaves the previous directory in force. Thread-safe.
 */
public class AgencyDirectory {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The file's form. */
    record FileContent(List<FileEntry> agencies) {
    }

    record FileEntry(String code, String name, String receives, @JsonProperty("push-url") String pushUrl) {
    }

    private final ReloadingFile<Map<String, Agency>> file;

    public AgencyDirectory(Resource location, Duration reloadInterval) {
        this(location, reloadInterval, Clock.systemUTC());
    }

    public AgencyDirectory(Resource location, Duration reloadInterval, Clock clock) {
        this.file = new ReloadingFile<>(AgencyDirectory.class, "agency directory",
                ReloadingFile.Source.of(location.getDescription(), location::lastModified, location::getInputStream),
                reloadInterval, clock, AgencyDirectory::read, agencies -> agencies.size() + " agencies");
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
        return Optional.ofNullable(file.current().get(organId.trim()));
    }

    /** Every agency in the directory, in the file's order. */
    public List<Agency> agencies() {
        return List.copyOf(file.current().values());
    }

    /** The codes of every agency in the directory: the recipients the hub asks the axis for. */
    public List<String> organIds() {
        return List.copyOf(file.current().keySet());
    }

    /**
     * Reads the file again now if its last-modified time differs from the one in force, whatever the interval;
     * returns whether a new directory is in force.
     */
    public boolean reloadIfChanged() {
        return file.reloadIfChanged();
    }

    private static Map<String, Agency> read(InputStream in) throws IOException {
        FileContent content;
        try {
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
        return Collections.unmodifiableMap(agencies);
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
