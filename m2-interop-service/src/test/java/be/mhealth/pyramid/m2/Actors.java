package be.mhealth.pyramid.m2;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.arc.Arc;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.security.TestIdentityAssociation;

/**
 * Switches the test identity within one test (a dossier passes through a vendor, a test centre and an
 * assessor). Needs {@code @TestSecurity} on the test so the test authentication is active; the identity
 * carries a token principal with the claims the service reads.
 */
final class Actors {

    private Actors() {
    }

    static void alice() {
        as("alice", "medisoft", "vendor");
    }

    static void bob() {
        as("bob", "carelab", "vendor");
    }

    static void tess() {
        as("tess", null, "test-centre");
    }

    static void eric() {
        as("eric", null, "ehealth-assessor");
    }

    static void as(String user, String organization, String... roles) {
        QuarkusSecurityIdentity identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new Token(user, organization))
                .addRoles(Set.of(roles))
                .build();
        Arc.container().instance(TestIdentityAssociation.class).get().setTestIdentity(identity);
    }

    /** A stand-in for the Keycloak token: user name and organization claim. */
    private record Token(String user, String organization) implements JsonWebToken {
        @Override
        public String getName() {
            return user;
        }

        @Override
        public Set<String> getClaimNames() {
            return organization == null ? Set.of("preferred_username") : Set.of("preferred_username", "organization");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            Map<String, Object> claims = organization == null ? Map.of("preferred_username", user)
                    : Map.of("preferred_username", user, "organization", organization);
            return (T) claims.get(claimName);
        }
    }
}
