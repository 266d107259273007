package vn.lgsp.hub.connector.docex;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the document-exchange (edXML) connector, under {@code hub.connector.docex}. The limits protect the hub
 * from hostile or broken packages; every one of them is checked while streaming, before anything is held whole.
 *
 * @param enabled            whether the connector's beans are created; default true
 * @param maxPackageSize     most bytes read from one package, counted on the input stream as it is read, attachments
 *                           included; default 100MB
 * @param maxDepth           deepest element nesting accepted; default 64
 * @param maxElements        most elements in one package; default 100000
 * @param maxAttributes      most attributes (namespace declarations included) on one element; default 64
 * @param maxAttributeLength longest attribute value, in characters; default 8192
 * @param maxTextLength      longest text of one element other than attachment content, in characters; default 1MB
 *                           (1048576)
 * @param maxEnvelopeSize    most characters of the envelope part (header, trace list, signature, manifest), written
 *                           out as the reader keeps it (markup, text and attribute values): as a DOM for signature
 *                           verification and, when signed, as text to forward unchanged; default 4MB (4194304)
 * @param attachmentDir      directory where the default attachment store writes decoded attachments; default the
 *                           JVM's {@code java.io.tmpdir}
 * @param strictAgencyCodes  whether agency codes in packages must have the strict QCVN 102 form
 *                           ({@code 000.00.14.H56}) instead of the lenient Quyết định 20/2020 form; default false
 * @param axis               the national document axis ({@link Axis}, under {@code hub.connector.docex.axis})
 * @param agency             push to provincial agencies ({@link AgencyPush}, under {@code hub.connector.docex.agency})
 * @param directoryLocation  where the agency directory is (a Spring resource, {@code classpath:…} or {@code file:…});
 *                           default {@code classpath:config/agencies.yml} (the file under {@code config/}, packaged
 *                           into the hub's jar)
 * @param reloadInterval     how often, at most, the agency directory's last-modified time is checked; a changed file
 *                           is read again without a restart; default 10s
 */
@ConfigurationProperties("hub.connector.docex")
public record DocexProperties(Boolean enabled, DataSize maxPackageSize, Integer maxDepth, Integer maxElements,
                              Integer maxAttributes, Integer maxAttributeLength, Integer maxTextLength,
                              Integer maxEnvelopeSize, Path attachmentDir, Boolean strictAgencyCodes, Axis axis,
                              AgencyPush agency, Resource directoryLocation, Duration reloadInterval) {

    /** Default of {@code directory-location}. */
    public static final String DEFAULT_DIRECTORY_LOCATION = "classpath:config/agencies.yml";

    public DocexProperties {
        enabled = enabled == null || enabled;
        maxPackageSize = maxPackageSize == null ? DataSize.ofMegabytes(100) : maxPackageSize;
        maxDepth = maxDepth == null ? 64 : maxDepth;
        maxElements = maxElements == null ? 100_000 : maxElements;
        maxAttributes = maxAttributes == null ? 64 : maxAttributes;
        maxAttributeLength = maxAttributeLength == null ? 8192 : maxAttributeLength;
        maxTextLength = maxTextLength == null ? 1024 * 1024 : maxTextLength;
        maxEnvelopeSize = maxEnvelopeSize == null ? 4 * 1024 * 1024 : maxEnvelopeSize;
        attachmentDir = attachmentDir == null ? Path.of(System.getProperty("java.io.tmpdir")) : attachmentDir;
        strictAgencyCodes = strictAgencyCodes != null && strictAgencyCodes;
        axis = axis == null ? new Axis(null, null, null, null, null) : axis;
        agency = agency == null ? new AgencyPush(null, null) : agency;
        directoryLocation = directoryLocation == null
                ? new ClassPathResource(DEFAULT_DIRECTORY_LOCATION.substring("classpath:".length()))
                : directoryLocation;
        reloadInterval = reloadInterval == null ? Duration.ofSeconds(10) : reloadInterval;
    }

    /** All defaults. */
    public static DocexProperties defaults() {
        return new DocexProperties(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    /**
     * The national document axis (trục liên thông văn bản quốc gia), under {@code hub.connector.docex.axis}; the wire
     * is in {@code docs/DOCUMENT-AXIS.md}.
     *
     * @param baseUrl        base URL of the axis, where {@code /vxp/...} lives; a trailing slash is ignored; default
     *                       {@code http://127.0.0.1:18084}
     * @param systemId       the hub's system id, sent in header {@code systemid}; default {@code lgsp-h56}
     * @param secret         the secret that goes with it, sent in header {@code secret}; default {@code axis-secret}
     *                       (the simulator's). Supply it from the environment
     * @param connectTimeout how long to wait for a TCP connection; default 2s
     * @param readTimeout    how long one call may take, reply body included (a package can be large); a slower call
     *                       counts as a transient failure; default 30s
     */
    public record Axis(String baseUrl, String systemId, String secret, Duration connectTimeout,
                       Duration readTimeout) {

        public Axis {
            baseUrl = baseUrl == null ? "http://127.0.0.1:18084" : baseUrl;
            systemId = systemId == null ? "lgsp-h56" : systemId;
            secret = secret == null ? "axis-secret" : secret;
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
        }

        /** Never shows the secret. */
        @Override
        public String toString() {
            return "Axis[baseUrl=" + baseUrl + ", systemId=" + systemId + ", secret=***, connectTimeout="
                    + connectTimeout + ", readTimeout=" + readTimeout + "]";
        }
    }

    /**
     * Push of packages to provincial agencies that receive by push (their {@code push-url} is in the agency
     * directory), under {@code hub.connector.docex.agency}.
     *
     * @param connectTimeout how long to wait for a TCP connection to an agency; default 2s
     * @param readTimeout    how long one push may take, upload included; a slower push counts as a transient
     *                       failure; default 30s
     */
    public record AgencyPush(Duration connectTimeout, Duration readTimeout) {

        public AgencyPush {
            connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
            readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
        }
    }
}
