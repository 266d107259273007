package vn.lgsp.hub.connector.docex.axis;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.lgsp.hub.connector.docex.TransportProperties;

/**
 * A 20 MB package sent from a stream is streamed: the axis (a plain JDK server that hashes what it reads, holding
 * nothing) sees its first megabyte while most of the package has not even been produced, and gets every byte. The
 * surefire heap is small (128 MB), so a client that copied the package more than once would not get through either.
 */
class LargePackageSendTest {

    private static final long SIZE = 20L * 1024 * 1024;

    private HttpServer server;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong producedAtFirstMegabyte = new AtomicLong(-1);
    private final AtomicReference<String> receivedHash = new AtomicReference<>();
    private final AtomicReference<String> transferEncoding = new AtomicReference<>();
    private GeneratedPackage source;

    @BeforeEach
    void startAxis() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(AxisClient.SEND_PATH, exchange -> {
            transferEncoding.set(exchange.getRequestHeaders().getFirst("Transfer-encoding"));
            MessageDigest sha = sha256();
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = exchange.getRequestBody()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, n);
                    if (received.addAndGet(n) >= 1024 * 1024 && producedAtFirstMegabyte.get() < 0) {
                        producedAtFirstMegabyte.set(source.produced());
                    }
                }
            }
            receivedHash.set(HexFormat.of().formatHex(sha.digest()));
            byte[] reply = "{\"status\":\"OK\",\"docId\":\"AX-BIG\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopAxis() {
        server.stop(0);
    }

    @Test
    void aTwentyMegabytePackageIsStreamedNotBuffered() {
        source = new GeneratedPackage(SIZE);
        AxisClient client = new AxisClient(TransportProperties.of(
                "http://127.0.0.1:" + server.getAddress().getPort(), Duration.ofSeconds(60)));

        AxisReceipt receipt = client.send(source, "000.00.14.H56", MessageType.EDOC, "big-1");

        assertThat(receipt).isEqualTo(new AxisReceipt("AX-BIG", false));
        assertThat(received.get()).isEqualTo(SIZE);
        assertThat(receivedHash.get()).isEqualTo(source.hash());
        assertThat(transferEncoding.get()).isEqualToIgnoringCase("chunked");
        assertThat(producedAtFirstMegabyte.get()).as("bytes produced when the axis had read 1 MB")
                .isBetween(1024L * 1024, SIZE / 4);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An edXML-looking package of the given size, made up as it is read and hashed on the way. */
    private static final class GeneratedPackage extends InputStream {

        private static final byte[] HEAD = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><edXML:edXML xmlns:edXML="
                + "\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"><AttachmentEncoded><Attachment>"
                + "<ContentTransferEncoded>").getBytes(StandardCharsets.US_ASCII);
        private static final byte[] TAIL = "</ContentTransferEncoded></Attachment></AttachmentEncoded></edXML:edXML>"
                .getBytes(StandardCharsets.US_ASCII);
        private static final byte[] BASE64 = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo="
                .getBytes(StandardCharsets.US_ASCII);

        private final long size;
        private final MessageDigest sha = sha256();
        private final AtomicLong position = new AtomicLong();

        GeneratedPackage(long size) {
            this.size = size;
        }

        long produced() {
            return position.get();
        }

        String hash() {
            return HexFormat.of().formatHex(sha.digest());
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long at = position.get();
            if (at >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - at);
            for (int i = 0; i < n; i++) {
                b[off + i] = byteAt(at + i);
            }
            sha.update(b, off, n);
            position.addAndGet(n);
            return n;
        }

        private byte byteAt(long i) {
            if (i < HEAD.length) {
                return HEAD[(int) i];
            }
            long fromEnd = size - i;
            if (fromEnd <= TAIL.length) {
                return TAIL[TAIL.length - (int) fromEnd];
            }
            return BASE64[(int) ((i - HEAD.length) % BASE64.length)];
        }
    }
}
