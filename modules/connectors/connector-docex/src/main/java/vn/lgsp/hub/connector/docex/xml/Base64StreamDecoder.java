package vn.lgsp.hub.connector.docex.xml;

import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import vn.lgsp.hub.connector.docex.attachment.AttachmentStore;

/**
 * Decodes base64 text handed over in parser-sized chunks into an attachment sink, so that an attachment is never held
 * whole. Line breaks and other whitespace are skipped, as MIME encoders insert them; anything else outside the base64
 * alphabet, data after the padding or a length that is not a whole number of quanta is refused.
 */
final class Base64StreamDecoder {

    /** Decoded in blocks of this many characters (a multiple of 4). */
    private static final int BLOCK = 16 * 1024;

    private final AttachmentStore.Sink sink;
    private final byte[] pending = new byte[BLOCK];
    private int filled;
    private boolean padded;

    Base64StreamDecoder(AttachmentStore.Sink sink) {
        this.sink = sink;
    }

    /** Takes more text; returns false when it is not base64. */
    boolean accept(char[] chars, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            char c = chars[i];
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                continue;
            }
            if (!isBase64(c) || (padded && c != '=')) {
                return false;
            }
            padded |= c == '=';
            pending[filled++] = (byte) c;
            if (filled == BLOCK && !flush(BLOCK)) {
                return false;
            }
        }
        return true;
    }

    /** Decodes what is left; returns false when the text did not end on a whole quantum. */
    boolean finish() throws IOException {
        return filled % 4 == 0 && flush(filled);
    }

    private boolean flush(int length) throws IOException {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(Arrays.copyOf(pending, length));
        } catch (IllegalArgumentException ex) {
            return false;
        }
        sink.write(decoded, 0, decoded.length);
        filled = 0;
        return true;
    }

    private static boolean isBase64(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
                || c == '=';
    }
}
