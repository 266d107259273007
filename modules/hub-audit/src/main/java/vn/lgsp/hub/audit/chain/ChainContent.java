package vn.lgsp.hub.audit.chain;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The canonical content of one sealed timeline event and the hashes over it. Shared by the sealer and the verifier so
 * that both read and encode a row the same way.
 *
 * <p>Encoding (version {@value #VERSION}): the version string, then each field in a fixed order as a presence byte (0
 * for SQL NULL) followed by, for text, the UTF-8 length as 4 bytes and the bytes, for numbers 8 bytes big-endian.
 * Instants are microseconds since the epoch (UTC): the precision both H2 and PostgreSQL store, so a value read back
 * from either database encodes the same, and a log moved from one to the other keeps its hashes. Length prefixes make
 * the encoding unambiguous: no choice of field values can make two different rows encode alike.
 */
public final class ChainContent {

    static final String VERSION = "lgsp-audit-chain-v1";

    /** The chain hash before the first event. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    /**
     * Selects what is hashed: the event, its chain columns and the immutable columns of its exchange. A LEFT JOIN, so
     * that an event whose exchange row is gone is still read (and fails its content check) rather than skipped.
     */
    static final String SELECT = "SELECT v.id, v.exchange_id, v.at, v.step, v.attempt, v.outcome, v.duration_ms,"
            + " v.error_code, v.detail, v.chain_seq, v.content_hash, v.chain_hash,"
            + " x.id AS x_id, x.flow, x.operation, x.client_id, x.correlation_id, x.event_key, x.subject_key,"
            + " x.sequence_no, x.subject_masked, x.officer_id, x.purpose, x.created_at"
            + " FROM exchange_event v LEFT JOIN exchange x ON x.id = v.exchange_id";

    private ChainContent() {
    }

    /** One event row as read by {@link #SELECT}, with the content hash computed for the given chain position. */
    record Row(long eventId, String exchangeId, Long chainSeq, String storedContentHash, String storedChainHash,
               byte[] contentWithoutSeq) {

        String contentHash(long seq) {
            MessageDigest sha = sha256();
            sha.update(contentWithoutSeq);
            sha.update(ByteBuffer.allocate(8).putLong(seq).array());
            return HEX.formatHex(sha.digest());
        }
    }

    static Row read(ResultSet rs) throws SQLException {
        Encoder e = new Encoder();
        e.text(VERSION);
        // the event
        e.number(rs.getLong("id"));
        e.text(rs.getString("exchange_id"));
        e.instant(rs.getObject("at", OffsetDateTime.class));
        e.text(rs.getString("step"));
        e.number(nullableLong(rs, "attempt"));
        e.text(rs.getString("outcome"));
        e.number(nullableLong(rs, "duration_ms"));
        e.text(rs.getString("error_code"));
        e.text(rs.getString("detail"));
        // who, what and when of its exchange: the columns that never change after acceptance
        e.text(rs.getString("x_id"));
        e.text(rs.getString("flow"));
        e.text(rs.getString("operation"));
        e.text(rs.getString("client_id"));
        e.text(rs.getString("correlation_id"));
        e.text(rs.getString("event_key"));
        e.text(rs.getString("subject_key"));
        e.number(nullableLong(rs, "sequence_no"));
        e.text(rs.getString("subject_masked"));
        e.text(rs.getString("officer_id"));
        e.text(rs.getString("purpose"));
        e.instant(rs.getObject("created_at", OffsetDateTime.class));
        return new Row(rs.getLong("id"), rs.getString("exchange_id"), nullableLong(rs, "chain_seq"),
                rs.getString("content_hash"), rs.getString("chain_hash"), e.bytes());
    }

    /** {@code SHA-256(previous chain hash || content hash)}, over the raw 32-byte digests. */
    public static String chainHash(String previousChainHash, String contentHash) {
        MessageDigest sha = sha256();
        sha.update(HEX.parseHex(previousChainHash));
        sha.update(HEX.parseHex(contentHash));
        return HEX.formatHex(sha.digest());
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must provide SHA-256
            throw new IllegalStateException(e);
        }
    }

    private static final class Encoder {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

        void text(String s) {
            if (s == null) {
                out.write(0);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.write(1);
            out.writeBytes(ByteBuffer.allocate(4).putInt(b.length).array());
            out.writeBytes(b);
        }

        void number(Long n) {
            if (n == null) {
                out.write(0);
                return;
            }
            out.write(1);
            out.writeBytes(ByteBuffer.allocate(8).putLong(n).array());
        }

        void instant(OffsetDateTime t) {
            if (t == null) {
                number(null);
                return;
            }
            Instant i = t.toInstant().truncatedTo(ChronoUnit.MICROS);
            number(ChronoUnit.MICROS.between(Instant.EPOCH, i));
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
