package vn.lgsp.hub.connector.docex;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import vn.lgsp.hub.connector.docex.attachment.TempFileAttachmentStore;
import vn.lgsp.hub.connector.docex.signature.SignatureVerifier;
import vn.lgsp.hub.connector.docex.xml.EdxmlReader;
import vn.lgsp.hub.connector.docex.xml.EdxmlWriter;

/** Sample packages, readers over a temporary attachment directory, and packages generated lazily as streams. */
public final class EdxmlFixtures {

    private EdxmlFixtures() {
    }

    /** Properties bound the way Spring binds them, from {@code hub.connector.docex.*} keys (defaults otherwise). */
    public static DocexProperties properties(Path attachmentDir, Map<String, String> settings) {
        Map<String, String> all = new java.util.HashMap<>(settings);
        all.put("attachment-dir", attachmentDir.toString());
        Map<String, String> prefixed = new java.util.HashMap<>();
        all.forEach((k, v) -> prefixed.put("hub.connector.docex." + k, v));
        return new Binder(new MapConfigurationPropertySource(prefixed))
                .bindOrCreate("hub.connector.docex", DocexProperties.class);
    }

    public static EdxmlReader reader(Path attachmentDir, Map<String, String> settings) {
        DocexProperties p = properties(attachmentDir, settings);
        return new EdxmlReader(p, new TempFileAttachmentStore(p.attachmentDir()), new SignatureVerifier());
    }

    public static EdxmlReader reader(Path attachmentDir) {
        return reader(attachmentDir, Map.of());
    }

    public static EdxmlWriter writer(Path attachmentDir) {
        return new EdxmlWriter(new TempFileAttachmentStore(attachmentDir));
    }

    public static byte[] resource(String name) {
        try (InputStream in = EdxmlFixtures.class.getResourceAsStream("/edxml/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource edxml/" + name);
            }
            return in.readAllBytes();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public static InputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The {@code large-template.xml} package with an attachment of {@code decodedBytes} pseudo-random bytes, produced
     * block by block as it is read (never allocated whole). The bytes also go through {@code digest}, when given, so
     * that a test can compare the stored attachment's SHA-256.
     */
    public static CountingStream largePackage(long decodedBytes, MessageDigest digest) {
        String[] parts = new String(resource("large-template.xml"), StandardCharsets.UTF_8).split("@@CONTENT@@");
        InputStream body = new SequenceInputStream(Collections.enumeration(List.of(
                stream(parts[0]), new Base64Generator(decodedBytes, digest), stream(parts[1]))));
        return new CountingStream(body);
    }

    /** Counts what the reader pulled, to show that a refused package was not read to its end. */
    public static final class CountingStream extends java.io.FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }

        public long count() {
            return count;
        }
    }

    /** Base64 text, in 76-character lines as MIME writes them, of a deterministic pseudo-random byte sequence. */
    private static final class Base64Generator extends InputStream {
        private static final int RAW_BLOCK = 57 * 1024;
        private final Random random = new Random(102);
        private final Base64.Encoder encoder = Base64.getMimeEncoder();
        private final MessageDigest digest;
        private long remaining;
        private byte[] encoded = new byte[0];
        private int position;

        Base64Generator(long decodedBytes, MessageDigest digest) {
            this.remaining = decodedBytes;
            this.digest = digest;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position == encoded.length && !refill()) {
                return -1;
            }
            int n = Math.min(len, encoded.length - position);
            System.arraycopy(encoded, position, b, off, n);
            position += n;
            return n;
        }

        private boolean refill() {
            if (remaining == 0) {
                return false;
            }
            byte[] raw = new byte[(int) Math.min(RAW_BLOCK, remaining)];
            random.nextBytes(raw);
            if (digest != null) {
                digest.update(raw);
            }
            remaining -= raw.length;
            byte[] text = encoder.encode(raw);
            encoded = new byte[text.length + 2];
            System.arraycopy(text, 0, encoded, 0, text.length);
            encoded[text.length] = '\r';
            encoded[text.length + 1] = '\n';
            position = 0;
            return true;
        }
    }
}
