package vn.lgsp.hub.connector.docex.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import vn.lgsp.hub.connector.docex.model.StoredAttachment;

/** The default store: one temporary file per attachment in a configurable directory. */
public class TempFileAttachmentStore implements AttachmentStore {

    private final Path directory;

    public TempFileAttachmentStore(Path directory) {
        this.directory = directory;
    }

    @Override
    public Sink create(String hint) throws IOException {
        Files.createDirectories(directory);
        Path file = Files.createTempFile(directory, "edxml-", ".att");
        return new FileSink(file);
    }

    @Override
    public InputStream open(StoredAttachment attachment) throws IOException {
        return Files.newInputStream(Path.of(attachment.location()));
    }

    @Override
    public void delete(StoredAttachment attachment) throws IOException {
        Files.deleteIfExists(Path.of(attachment.location()));
    }

    private static final class FileSink implements Sink {

        private final Path file;
        private final OutputStream out;
        private final MessageDigest digest;
        private long size;
        private boolean committed;

        FileSink(Path file) throws IOException {
            this.file = file;
            this.out = Files.newOutputStream(file);
            this.digest = sha256();
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            digest.update(bytes, offset, length);
            size += length;
        }

        @Override
        public StoredAttachment commit() throws IOException {
            out.close();
            committed = true;
            return new StoredAttachment(file.toString(), size, HexFormat.of().formatHex(digest.digest()));
        }

        @Override
        public void close() throws IOException {
            out.close();
            if (!committed) {
                Files.deleteIfExists(file);
            }
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every Java platform has SHA-256", ex);
        }
    }
}
