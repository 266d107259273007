package vn.lgsp.hub.connector.docex.axis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.lgsp.hub.connector.docex.transport.PackageBody;

/**
 * A package fetched from the axis, kept in a temporary file (never whole in memory). Read it with
 * {@link #openStream()} as often as needed, hand it on as a body ({@link PackageBody#from(Object)} takes it), and
 * {@link #close()} it to delete the file.
 *
 * @param docId   the axis' id of the package
 * @param organId the recipient it was fetched for
 * @param file    the temporary file
 * @param size    its size in bytes
 */
public record FetchedPackage(String docId, String organId, Path file, long size)
        implements PackageBody.FilePackage, AutoCloseable {

    public InputStream openStream() throws IOException {
        return Files.newInputStream(file);
    }

    /** The whole package in memory; for small packages and tests only. */
    public byte[] readAllBytes() {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the file. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + file, e);
        }
    }
}
