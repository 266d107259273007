package vn.lgsp.hub.connector.docex;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.util.unit.DataSize;

/** Connector settings for transport tests: defaults but for the axis' address and the timeouts. */
public final class TransportProperties {

    public static final String SYSTEM_ID = "lgsp-h56-test";
    public static final String SECRET = "s3cret";

    private TransportProperties() {
    }

    public static DocexProperties of(String axisUrl, Duration readTimeout, DataSize maxPackageSize, Path downloadDir) {
        return new DocexProperties(null, maxPackageSize, null, null, null, null, null, null, downloadDir, null,
                new DocexProperties.Axis(axisUrl, SYSTEM_ID, SECRET, Duration.ofSeconds(1), readTimeout),
                new DocexProperties.AgencyPush(Duration.ofSeconds(1), readTimeout), null, null);
    }

    public static DocexProperties of(String axisUrl, Duration readTimeout) {
        return of(axisUrl, readTimeout, null, null);
    }
}
