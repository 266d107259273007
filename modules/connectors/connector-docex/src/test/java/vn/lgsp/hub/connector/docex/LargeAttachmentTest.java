package vn.lgsp.hub.connector.docex;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lgsp.hub.connector.docex.model.Attachment;
import vn.lgsp.hub.connector.docex.model.EdxmlPackage;

/** A package with a 50 MB attachment is read without holding the attachment in heap. */
class LargeAttachmentTest {

    private static final long FIFTY_MB = 50L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void aFiftyMegabyteAttachmentIsStreamedToTheStore() throws Exception {
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        EdxmlFixtures.CountingStream in = EdxmlFixtures.largePackage(FIFTY_MB, expected);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        long before = usedHeapAfterGc(memory);
        EdxmlPackage p = (EdxmlPackage) EdxmlFixtures.reader(dir).read(in);
        long after = usedHeapAfterGc(memory);

        long growth = after - before;
        System.out.printf("50 MB attachment package: %,d bytes read, heap used after GC %,d -> %,d (growth %,d bytes)%n",
                in.count(), before, after, growth);
        Attachment a = p.attachments().get(0);
        assertThat(a.content().size()).isEqualTo(FIFTY_MB);
        assertThat(a.content().sha256()).isEqualTo(HexFormat.of().formatHex(expected.digest()));
        assertThat(Files.size(Path.of(a.content().location()))).isEqualTo(FIFTY_MB);
        assertThat(in.count()).isGreaterThan(FIFTY_MB * 4 / 3);
        assertThat(growth).isLessThan(25L * 1024 * 1024);
    }

    private static long usedHeapAfterGc(MemoryMXBean memory) {
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
