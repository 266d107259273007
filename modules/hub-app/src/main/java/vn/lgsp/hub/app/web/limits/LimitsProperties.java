package vn.lgsp.hub.app.web.limits;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what one caller can make the hub hold: the size of a request body, per endpoint, and how many requests
 * are in progress at once ({@link RequestBodyLimitFilter}, {@link InFlightLimitFilter}).
 *
 * <p>The document endpoints ({@code /api/v1/documents}, {@code /api/v1/documents/status}, {@code /ws/documents}) are
 * not configured here: their bound is {@code hub.connector.docex.max-package-size}, the same that the edXML reader
 * applies, and they answer {@code document.too_large}.
 *
 * @param body        request body limits
 * @param maxInFlight most requests in progress at once, probes under {@code /actuator/**} not counted; one more is
 *                    answered {@code 503 hub.busy} with {@code Retry-After: 1} at once. Keep it below
 *                    {@code server.tomcat.threads.max}, so that a thread is always free to refuse; default 200
 */
@ConfigurationProperties("hub.limits")
public record LimitsProperties(Body body, Integer maxInFlight) {

    public LimitsProperties {
        body = body == null ? new Body(null, null) : body;
        maxInFlight = maxInFlight == null ? 200 : maxInFlight;
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("hub.limits.max-in-flight must be at least 1, not " + maxInFlight);
        }
    }

    /**
     * @param defaultSize the most bytes of a request body on any path not listed in {@code paths} (the JSON APIs:
     *                    dossier events, citizens verify and lookup, intake, exchanges, operations; SOAP
     *                    {@code /ws/citizens}); key {@code hub.limits.body.default}; default 256KB
     * @param paths       per-path overrides, the first matching entry wins; default none
     */
    public record Body(@Name("default") DataSize defaultSize, List<PathLimit> paths) {
        public Body {
            defaultSize = defaultSize == null ? DataSize.ofKilobytes(256) : defaultSize;
            paths = paths == null ? List.of() : List.copyOf(paths);
        }
    }

    /**
     * @param pattern an Ant-style path pattern, matched against the path without the query string, e.g.
     *                {@code /api/v1/intake/**}
     * @param maxSize the most bytes of a request body on the paths it matches
     */
    public record PathLimit(String pattern, DataSize maxSize) {
        public PathLimit {
            if (pattern == null || pattern.isBlank() || maxSize == null) {
                throw new IllegalArgumentException("Each hub.limits.body.paths entry needs a pattern and a max-size");
            }
        }
    }
}
