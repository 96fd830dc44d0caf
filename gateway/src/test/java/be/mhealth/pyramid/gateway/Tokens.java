package be.mhealth.pyramid.gateway;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Access tokens signed like Keycloak's, with the test key pair (or deliberately wrong in one respect). */
final class Tokens {

    static final String ISSUER = "https://idp.test/realms/pyramid";
    static final String AUDIENCE = "pyramid-api";

    private Tokens() {
    }

    static String valid(String subject) {
        return claims(subject, ISSUER, AUDIENCE, Instant.now().plusSeconds(300)).sign(privateKey());
    }

    /** A token as Keycloak issues it to a client (client credentials, or a user signed in through it). */
    static String ofClient(String subject, String clientId) {
        return claims(subject, ISSUER, AUDIENCE, Instant.now().plusSeconds(300)).claim("azp", clientId)
                .sign(privateKey());
    }

    /** A valid token whose {@code exp} is {@code expiresAt} (JWT times are whole seconds). */
    static String expiringAt(String subject, Instant expiresAt) {
        return claims(subject, ISSUER, AUDIENCE, expiresAt).sign(privateKey());
    }

    static String expired(String subject) {
        return claims(subject, ISSUER, AUDIENCE, Instant.now().minusSeconds(120)).sign(privateKey());
    }

    static String wrongAudience(String subject) {
        return claims(subject, ISSUER, "another-api", Instant.now().plusSeconds(300)).sign(privateKey());
    }

    static String wrongIssuer(String subject) {
        return claims(subject, "https://evil.test/realms/pyramid", AUDIENCE, Instant.now().plusSeconds(300))
                .sign(privateKey());
    }

    static String signedByAnotherKey(String subject) {
        return claims(subject, ISSUER, AUDIENCE, Instant.now().plusSeconds(300))
                .sign(UpstreamServers.rsaKeyPair().getPrivate());
    }

    private static JwtClaimsBuilder claims(String subject, String issuer, String audience, Instant expiresAt) {
        return Jwt.issuer(issuer)
                .subject(subject)
                .audience(audience)
                .claim("preferred_username", subject)
                .claim("organization", "medisoft")
                .claim("realm_access", Map.of("roles", List.of("vendor")))
                .issuedAt(expiresAt.minusSeconds(600))
                .expiresAt(expiresAt);
    }

    private static PrivateKey privateKey() {
        String encoded = ConfigProvider.getConfig().getValue(UpstreamServers.PRIVATE_KEY, String.class);
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(encoded)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
