package vn.lgsp.hub.connector.docex.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import vn.lgsp.hub.connector.docex.DocexProperties;

class AgencyDirectoryTest {

    private static final String TWO_AGENCIES = """
            agencies:
              - code: "000.00.14.H56"
                name: "Sở Xây dựng"
                receives: push
                push-url: "http://agency.example/documents"
              - code: 000.00.01.H56
                name: "Văn phòng UBND tỉnh"
                receives: inbox
            """;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(AgencyDirectory.class);

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
    }

    @Test
    void theRepositorysDirectoryRoutesThanhHoaAgencies() {
        AgencyDirectory directory = new AgencyDirectory(
                new ClassPathResource(DocexProperties.DEFAULT_DIRECTORY_LOCATION.substring("classpath:".length())),
                Duration.ofSeconds(10));

        assertThat(directory.route("000.00.14.H56")).satisfies(route -> {
            assertThat(route.kind()).isEqualTo(Route.Kind.LOCAL_PUSH);
            assertThat(route.pushUrl())
                    .isEqualTo(URI.create("http://127.0.0.1:18085/agencies/000.00.14.H56/documents"));
            assertThat(route.agency().name()).isEqualTo("Sở Xây dựng tỉnh Thanh Hóa");
        });
        assertThat(directory.route("000.00.21.H56").pushUrl())
                .isEqualTo(URI.create("http://127.0.0.1:18085/agencies/000.00.21.H56/documents"));
        assertThat(directory.route("000.00.01.H56").kind()).isEqualTo(Route.Kind.LOCAL_INBOX);
        assertThat(directory.route("000.00.11.H56").kind()).isEqualTo(Route.Kind.LOCAL_INBOX);
        assertThat(directory.route("000.00.01.H56").pushUrl()).isNull();
        assertThat(directory.route("000.00.01.H08")).isEqualTo(Route.NATIONAL_AXIS);
        assertThat(directory.organIds()).contains("000.00.01.H56", "000.00.11.H56", "000.00.14.H56", "000.00.21.H56")
                .hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(code -> assertThat(code).endsWith(".H56"));
    }

    @Test
    void readsEntriesInTheFilesOrder() throws IOException {
        AgencyDirectory directory = directory(TWO_AGENCIES);

        assertThat(directory.agencies()).extracting(a -> a.code().value())
                .containsExactly("000.00.14.H56", "000.00.01.H56");
        assertThat(directory.find(" 000.00.14.H56 ")).get()
                .extracting(Agency::receives).isEqualTo(Agency.Receives.PUSH);
        assertThat(directory.route("G09.20").kind()).isEqualTo(Route.Kind.NATIONAL_AXIS);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "agencies:\n  - code: 'not a code'\n    name: X\n    receives: inbox\n",
            "agencies:\n  - code: 000.00.14.H56\n    receives: inbox\n",
            "agencies:\n  - code: 000.00.14.H56\n    name: X\n    receives: fax\n",
            "agencies:\n  - code: 000.00.14.H56\n    name: X\n    receives: push\n",
            "agencies:\n  - code: 000.00.14.H56\n    name: X\n    receives: push\n    push-url: /relative\n",
            "agencies:\n  - code: 000.00.14.H56\n    name: X\n    receives: inbox\n    push-url: http://a/b\n",
            "agencies:\n  - code: 000.00.14.H56\n    name: X\n    receives: inbox\n    pushurl: http://a/b\n",
            "agencies:\n  - code: 000.00.14.H56\n    name: X\n    receives: inbox\n"
                    + "  - code: 000.00.14.H56\n    name: Y\n    receives: inbox\n",
            "agencies: [ {code: 000.00.14.H56, name: X, receives: inbox\n",
            "",
            "other: 1\n"})
    void anInvalidFileStopsStartUpNamingTheFileAndTheProblem(String content) throws IOException {
        Path file = Files.writeString(dir.resolve("agencies.yml"), content);

        assertThatThrownBy(() -> new AgencyDirectory(new FileSystemResource(file), Duration.ofSeconds(10)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Cannot read the agency directory at file [" + file)
                .message().matches("(?s).*\\]: \\S.*");
    }

    @Test
    void aMissingFileStopsStartUp() {
        assertThatThrownBy(() -> new AgencyDirectory(new FileSystemResource(dir.resolve("none.yml")),
                Duration.ofSeconds(10)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("none.yml");
    }

    @Test
    void aChangedFileIsReadAgainOnceTheIntervalHasPassed() throws IOException {
        AgencyDirectory directory = directory(TWO_AGENCIES);
        assertThat(directory.route("000.00.21.H56").kind()).isEqualTo(Route.Kind.NATIONAL_AXIS);

        write(TWO_AGENCIES + """
                  - code: 000.00.21.H56
                    name: "Sở Y tế"
                    receives: push
                    push-url: "http://agency.example/yte"
                """, 2);
        clock.advance(Duration.ofSeconds(5));
        assertThat(directory.route("000.00.21.H56").kind()).as("not checked before the interval")
                .isEqualTo(Route.Kind.NATIONAL_AXIS);

        clock.advance(Duration.ofSeconds(5));
        assertThat(directory.route("000.00.21.H56").pushUrl()).isEqualTo(URI.create("http://agency.example/yte"));
        assertThat(directory.organIds()).hasSize(3);
    }

    @Test
    void anUnchangedFileIsNotReadAgain() throws IOException {
        AgencyDirectory directory = directory(TWO_AGENCIES);

        assertThat(directory.reloadIfChanged()).isFalse();
        write(TWO_AGENCIES, 2);
        assertThat(directory.reloadIfChanged()).isTrue();
    }

    @Test
    void aBrokenEditKeepsThePreviousDirectoryAndWarnsOnce() throws IOException {
        AgencyDirectory directory = directory(TWO_AGENCIES);
        Path file = dir.resolve("agencies.yml");

        write("agencies:\n  - code: 000.00.14.H56\n    name: X\n    receives: push\n", 2);
        clock.advance(Duration.ofSeconds(10));
        assertThat(directory.route("000.00.14.H56").pushUrl()).isEqualTo(URI.create("http://agency.example/documents"));
        clock.advance(Duration.ofSeconds(10));
        assertThat(directory.route("000.00.01.H56").kind()).isEqualTo(Route.Kind.LOCAL_INBOX);

        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN).singleElement()
                .extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains(file.toString(), "push-url is required for receives: push", "2 agencies");

        write("agencies: []\n", 3);
        assertThat(directory.reloadIfChanged()).isTrue();
        assertThat(directory.route("000.00.14.H56").kind()).isEqualTo(Route.Kind.NATIONAL_AXIS);
    }

    @Test
    void aDeletedFileKeepsThePreviousDirectory() throws IOException {
        AgencyDirectory directory = directory(TWO_AGENCIES);
        Files.delete(dir.resolve("agencies.yml"));

        assertThat(directory.reloadIfChanged()).isFalse();
        assertThat(directory.route("000.00.14.H56").kind()).isEqualTo(Route.Kind.LOCAL_PUSH);
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN).hasSize(1);
    }

    private AgencyDirectory directory(String content) throws IOException {
        write(content, 1);
        return new AgencyDirectory(new FileSystemResource(dir.resolve("agencies.yml")), Duration.ofSeconds(10), clock);
    }

    /** Writes the file with a last-modified time of its own, whatever the file system's resolution. */
    private void write(String content, int version) throws IOException {
        Path file = Files.writeString(dir.resolve("agencies.yml"), content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-22T00:00:00Z").plusSeconds(version)));
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-11-22T02:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
