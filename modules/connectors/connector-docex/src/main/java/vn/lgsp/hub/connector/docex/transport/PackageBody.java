package vn.lgsp.hub.connector.docex.transport;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Objects;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;

/**
 * An edXML package (or status package) to be sent, as the body of an HTTP request, without a copy: bytes already in
 * memory are sent as they are, a stream or a file is streamed. A body made from a stream can be sent once.
 */
public final class PackageBody {

    private final HttpRequest.BodyPublisher publisher;

    private PackageBody(HttpRequest.BodyPublisher publisher) {
        this.publisher = publisher;
    }

    public static PackageBody of(byte[] bytes) {
        return new PackageBody(HttpRequest.BodyPublishers.ofByteArray(Objects.requireNonNull(bytes, "bytes")));
    }

    /** Streamed as it is read (chunked), so at most a buffer of it is in memory; the stream is not closed. */
    public static PackageBody of(InputStream in) {
        Objects.requireNonNull(in, "in");
        return new PackageBody(HttpRequest.BodyPublishers.ofInputStream(() -> in));
    }

    /** Streamed from the file, with its length. */
    public static PackageBody of(Path file) {
        try {
            return new PackageBody(HttpRequest.BodyPublishers.ofFile(Objects.requireNonNull(file, "file")));
        } catch (FileNotFoundException e) {
            throw new HubException(ErrorCode.INTERNAL, "the package file " + file + " does not exist", e);
        }
    }

    /**
     * A body from what a Camel message may carry: {@code byte[]}, {@link InputStream}, {@link Path}, {@link File},
     * or anything that is a {@link FilePackage} (such as a package fetched from the axis).
     */
    public static PackageBody from(Object body) {
        if (body instanceof byte[] bytes) {
            return of(bytes);
        }
        if (body instanceof InputStream in) {
            return of(in);
        }
        if (body instanceof Path path) {
            return of(path);
        }
        if (body instanceof File file) {
            return of(file.toPath());
        }
        if (body instanceof FilePackage stored) {
            return of(stored.file());
        }
        throw new HubException(ErrorCode.INTERNAL, "a package must be given as byte[], InputStream, Path or File, not "
                + (body == null ? "nothing" : body.getClass().getName()));
    }

    public HttpRequest.BodyPublisher publisher() {
        return publisher;
    }

    /** A package kept in a file. */
    public interface FilePackage {
        Path file();
    }
}
