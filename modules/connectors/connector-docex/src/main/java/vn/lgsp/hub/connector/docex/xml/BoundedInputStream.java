package vn.lgsp.hub.connector.docex.xml;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;

/** Counts bytes as the parser pulls them and refuses the package the moment it passes the limit. */
final class BoundedInputStream extends FilterInputStream {

    private final long limit;
    private long count;

    BoundedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        add(skipped);
        return skipped;
    }

    private void add(long n) {
        count += n;
        if (count > limit) {
            throw new HubException(ErrorCode.DOCUMENT_TOO_LARGE,
                    "The package is larger than " + limit + " bytes, the most accepted");
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
