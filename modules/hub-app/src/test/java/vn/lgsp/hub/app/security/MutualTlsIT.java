package vn.lgsp.hub.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lgsp.hub.app.support.HubInstance;

/**
 * Mutual TLS with Spring Boot SSL bundles, as docs/SECURITY.md describes it: the hub serves HTTPS with its own
 * certificate, asks for a client certificate, and a certificate the client registry names (by its SHA-256)
 * authenticates its client. The certificates are made for the test with the JDK's keytool.
 */
class MutualTlsIT {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;

    private static HubInstance hub;

    @BeforeAll
    static void start() throws Exception {
        keytool("-genkeypair", "-alias", "hub", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-keystore", "server.p12");
        keytool("-genkeypair", "-alias", "client", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=qlvb.stc.h56.test, O=So Tai chinh", "-keystore", "client.p12");
        keytool("-genkeypair", "-alias", "client", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=stranger.test", "-keystore", "stranger.p12");
        keytool("-exportcert", "-alias", "hub", "-keystore", "server.p12", "-file", "server.cer");
        keytool("-exportcert", "-alias", "client", "-keystore", "client.p12", "-file", "client.cer");
        keytool("-exportcert", "-alias", "client", "-keystore", "stranger.p12", "-file", "stranger.cer");
        // the hub trusts both client certificates at the TLS level: the registry alone decides who is a client
        keytool("-importcert", "-noprompt", "-alias", "client", "-file", "client.cer", "-keystore", "server-trust.p12");
        keytool("-importcert", "-noprompt", "-alias", "stranger", "-file", "stranger.cer", "-keystore",
                "server-trust.p12");
        keytool("-importcert", "-noprompt", "-alias", "hub", "-file", "server.cer", "-keystore", "client-trust.p12");

        Path clients = Files.writeString(dir.resolve("clients.yml"), """
                clients:
                  - id: qlvb-stc
                    certificate-sha256: [%s]
                    services: [exchanges.read]
                """.formatted(ClientRegistry.sha256(Files.readAllBytes(dir.resolve("client.cer")))));
        hub = HubInstance.start(dir.resolve("data"), "http://127.0.0.1:9",
                "--hub.flow.intake.poll.enabled=false", "--hub.flow.document.poll.enabled=false",
                "--hub.security.registry.location=" + clients.toUri(),
                "--server.ssl.bundle=hub",
                "--server.ssl.client-auth=want",
                "--spring.ssl.bundle.jks.hub.keystore.location=" + dir.resolve("server.p12").toUri(),
                "--spring.ssl.bundle.jks.hub.keystore.password=" + PASSWORD,
                "--spring.ssl.bundle.jks.hub.keystore.type=PKCS12",
                "--spring.ssl.bundle.jks.hub.truststore.location=" + dir.resolve("server-trust.p12").toUri(),
                "--spring.ssl.bundle.jks.hub.truststore.password=" + PASSWORD,
                "--spring.ssl.bundle.jks.hub.truststore.type=PKCS12");
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void aRegisteredClientCertificateAuthenticatesItsClient() throws Exception {
        HttpClient client = https("client.p12");
        // authenticated and allowed: the exchange simply does not exist
        assertThat(get(client, "/api/v1/exchanges/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        // its services are the registry's
        assertThat(get(client, "/api/v1/ops/dead-letters").statusCode()).isEqualTo(403);
    }

    @Test
    void noCertificateOrAnUnregisteredOneIsNotAClient() throws Exception {
        assertThat(get(https(null), "/api/v1/exchanges/" + UUID.randomUUID()).statusCode()).isEqualTo(401);
        HttpResponse<String> stranger = get(https("stranger.p12"), "/api/v1/exchanges/" + UUID.randomUUID());
        assertThat(stranger.statusCode()).isEqualTo(401);
        assertThat(stranger.body()).contains("auth.unauthenticated");
        // health answers without any credential, for the load balancer
        assertThat(get(https(null), "/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + hub.port() + path))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An HTTPS client that trusts the hub's certificate and presents {@code keyStore}'s, if any. */
    private static HttpClient https(String keyStore) throws IOException, GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load("client-trust.p12"));
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(keyStore == null ? null : load(keyStore), PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyStore == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static KeyStore load(String name) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve(name))) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("-storepass", PASSWORD, "-storetype", "PKCS12"));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("keytool %s: %s", args[0], out).isZero();
    }
}
