package be.mhealth.pyramid.m3;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import be.mhealth.pyramid.support.security.Roles;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.security.TestIdentityAssociation;

/**
 * Switches the caller within one test (the procedure needs a vendor and an assessor taking turns), through
 * Quarkus's test identity association, with a token principal carrying the realm's claims.
 */
@ApplicationScoped
public class Actors {

    private final TestIdentityAssociation identities;

    Actors(TestIdentityAssociation identities) {
        this.identities = identities;
    }

    public void alice() {
        as("alice", Roles.VENDOR, "medisoft");
    }

    public void bob() {
        as("bob", Roles.VENDOR, "carelab");
    }

    public void nina() {
        as("nina", Roles.NIHDI_ASSESSOR, null);
    }

    public void eric() {
        as("eric", Roles.EHEALTH_ASSESSOR, null);
    }

    public void anonymous() {
        identities.setTestIdentity(null);
    }

    public void as(String user, String role, String organization) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("preferred_username", user);
        if (organization != null) {
            claims.put("organization", organization);
        }
        identities.setTestIdentity(QuarkusSecurityIdentity.builder()
                .setPrincipal(new Token(user, claims))
                .addRole(role)
                .build());
    }

    private record Token(String name, Map<String, Object> claims) implements JsonWebToken {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) claims.get(claimName);
        }
    }
}
