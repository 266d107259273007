package vn.lgsp.hub.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.FileSystemResource;

/** The client registry file: what it accepts, what it refuses with a message a person can act on, and reloading. */
class ClientRegistryTest {

    private static final String KEY_A = ClientRegistry.sha256("key-a");
    private static final String KEY_B = ClientRegistry.sha256("key-b");

    @TempDir
    Path dir;

    @Test
    void findsCallersByEachCredential() throws IOException {
        ClientRegistry registry = registry("""
                clients:
                  - id: motcua
                    api-key-sha256: [%s, %s]
                    services: [dossier.events, exchanges.read]
                    rate-limit: {per-second: 5}
                  - id: dvcqg
                    oauth-client-id: dvcqg-h56
                    services: [intake.submit]
                  - id: qlvb
                    api-key-sha256: ["%s"]
                    services: [documents.send]
                    agencies: ["*"]
                operators:
                  - id: vanhanh.an
                    oauth-client-id: ops-an
                """.formatted(KEY_A, KEY_B, ClientRegistry.sha256("qlvb-key").toUpperCase()));

        // two keys during a rotation, both valid
        Caller motcua = registry.byKey("key-a").orElseThrow();
        assertThat(registry.byKey("key-b")).contains(motcua);
        assertThat(motcua.services()).containsExactlyInAnyOrder("dossier.events", "exchanges.read");
        assertThat(motcua.rateLimit()).isEqualTo(new RateLimit(5, 10));
        assertThat(motcua.operator()).isFalse();
        // hashes are compared in lower case whatever case the file uses
        assertThat(registry.byKey("qlvb-key").orElseThrow().actsFor("000.00.99.H56")).isTrue();
        assertThat(registry.byOAuthClient("dvcqg-h56").orElseThrow().may("intake.submit")).isTrue();
        assertThat(registry.byOAuthClient("ops-an").orElseThrow().operator()).isTrue();
        assertThat(registry.byKey("key-c")).isEmpty();
        assertThat(registry.byOAuthClient("motcua")).isEmpty();
    }

    @Test
    void aTokensScopesGrantOnlyServicesTheRegistryGives() {
        Caller caller = new Caller("dvcqg", false, java.util.Set.of("intake.submit", "exchanges.read"),
                java.util.Set.of(), null);
        assertThat(caller.limitedTo(List.of("intake.submit", "citizens.lookup")).services())
                .containsExactly("intake.submit");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "clients:\n  - id: x\n    api-key-sha256: [key-a]\n    services: [exchanges.read]\n|never the key itself",
            "clients:\n  - id: x\n    api-key-sha256: [%A]\n    services: [citizens.verfy]\n|unknown service 'citizens.verfy'",
            "clients:\n  - id: x\n    services: [exchanges.read]\n|give at least one credential",
            "clients:\n  - id: anonymous\n    api-key-sha256: [%A]\n|the id 'anonymous' is reserved",
            "clients:\n  - id: Motcua One\n    api-key-sha256: [%A]\n|id must be 1-64 of a-z",
            "clients:\n  - id: x\n    api-key-sha256: [%A]\n  - id: y\n    api-key-sha256: [%A]\n|is also x's",
            "clients:\n  - id: x\n    api-key-sha256: [%A]\n  - id: x\n    api-key-sha256: [%B]\n|the id is used twice",
            "clients:\n  - id: x\n    api-key-sha256: [%A]\n    agencies: [\"../etc\"]\n|clients[0] (x).agencies[0]",
            "clients:\n  - id: x\n    api-key-sha256: [%A]\n    rate-limit: {per-second: 10, burst: 5}\n|burst must be",
            "operators:\n  - id: o\n    api-key-sha256: [%A]\n    services: [dossier.events]\n|operators have the operator role",
            "clients:\n  - id: x\n    api-key: plain\n|Unrecognized field \"api-key\"",
    })
    void refusesAnInvalidFileAtStartUpSayingWhatIsWrong(String caseText) throws IOException {
        String[] parts = caseText.split("\\|");
        String content = parts[0].replace("%A", KEY_A).replace("%B", KEY_B);
        assertThatThrownBy(() -> registry(content))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Cannot read the client registry at file [")
                .hasMessageContaining(parts[1]);
    }

    @Test
    void aChangedFileIsReadAgainAndABrokenOneKeepsThePreviousRegistry() throws IOException {
        ClientRegistry registry = registry("clients:\n  - id: x\n    api-key-sha256: [%s]\n".formatted(KEY_A));

        // rotation: the new key added, then the old one removed
        write("clients:\n  - id: x\n    api-key-sha256: [%s, %s]\n".formatted(KEY_A, KEY_B), 2);
        assertThat(registry.reloadIfChanged()).isTrue();
        assertThat(registry.byKey("key-b")).isPresent();
        write("clients:\n  - id: x\n    api-key-sha256: [%s]\n".formatted(KEY_B), 3);
        assertThat(registry.reloadIfChanged()).isTrue();
        assertThat(registry.byKey("key-a")).isEmpty();

        write("clients:\n  - id: x\n    api-key-sha256: [not-a-hash]\n", 4);
        assertThat(registry.reloadIfChanged()).isFalse();
        assertThat(registry.byKey("key-b").orElseThrow().id()).isEqualTo("x");
    }

    @Test
    void theDemoCallersComeFromConfigurationNotTheFile() throws IOException {
        write("clients: []\n", 1);
        ClientRegistry registry = new ClientRegistry(properties(true));
        assertThat(registry.byKey("demo-key").orElseThrow().actsFor("000.00.11.H56")).isTrue();
        assertThat(registry.byKey("demo-op").orElseThrow().operator()).isTrue();

        ClientRegistry production = new ClientRegistry(properties(false));
        assertThat(production.byKey("demo-key")).isEmpty();
    }

    private ClientRegistry registry(String content) throws IOException {
        write(content, 1);
        return new ClientRegistry(properties(false));
    }

    private SecurityProperties properties(boolean demo) {
        return new SecurityProperties(new SecurityProperties.Demo(demo, "demo-key", "demo-op"),
                new SecurityProperties.Registry(new FileSystemResource(dir.resolve("clients.yml")),
                        Duration.ofSeconds(10)), null, null);
    }

    /** Writes the file with a distinct last-modified time, as an edit would give it. */
    private void write(String content, int version) throws IOException {
        Path file = dir.resolve("clients.yml");
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000L * version));
    }
}
