package vn.lgsp.hub.app.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

/**
 * The province's OAuth2 authorisation server, as far as the hub sees it: its signing keys at a JWKS URL (WireMock),
 * and tokens signed with them. Tokens are made here rather than fetched: the hub only ever validates them.
 */
public final class AuthorizationServer {

    public static final String ISSUER = "https://sso.h56.test/realms/lgsp";

    private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort());
    private final RSAKey key = generate("lgsp-1");

    public void start() {
        server.start();
        server.stubFor(get(urlEqualTo("/jwks")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(new JWKSet(key.toPublicJWK()).toString())));
    }

    public String jwksUrl() {
        return server.baseUrl() + "/jwks";
    }

    /** A valid token for {@code clientId} with {@code scope} (space-separated), valid five minutes. */
    public String token(String clientId, String scope) {
        return token(key, ISSUER, Map.of("client_id", clientId, "scope", scope), Instant.now().plus(Duration.ofMinutes(5)));
    }

    /** A token with any claims, issuer, expiry, signed with this server's key. */
    public String token(String issuer, Map<String, Object> claims, Instant expires) {
        return token(key, issuer, claims, expires);
    }

    /** A token signed with a key the hub has never seen. */
    public static String forgedToken(String clientId, String scope) {
        return token(generate("lgsp-1"), ISSUER, Map.of("client_id", clientId, "scope", scope),
                Instant.now().plus(Duration.ofMinutes(5)));
    }

    private static String token(RSAKey signer, String issuer, Map<String, Object> claims, Instant expires) {
        JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issuer(issuer).issueTime(new Date())
                .expirationTime(Date.from(expires)).subject("service-account");
        claims.forEach(set::claim);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(),
                    set.build());
            jwt.sign(new RSASSASigner(signer));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
