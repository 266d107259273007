package vn.lgsp.hub.connector.docex.attachment;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import vn.lgsp.hub.connector.docex.model.StoredAttachment;

/**
 * Where decoded attachments live while a package is in the hub, so that their bytes are never held whole in heap.
 * The reader writes each attachment through a {@link Sink} as it decodes it; the writer reads it back with
 * {@link #open}.
 */
public interface AttachmentStore {

    /** Starts a new attachment; {@code hint} (the content id, when known) may be used to name it. */
    Sink create(String hint) throws IOException;

    InputStream open(StoredAttachment attachment) throws IOException;

    /** Removes an attachment; removing one that is already gone is not an error. */
    void delete(StoredAttachment attachment) throws IOException;

    /** An attachment being written. Closing it without {@link #commit()} discards what was written. */
    interface Sink extends Closeable {

        void write(byte[] bytes, int offset, int length) throws IOException;

        /** Finishes the attachment and says where it is, how big it is and its SHA-256. */
        StoredAttachment commit() throws IOException;
    }
}
