package be.mhealth.pyramid.portal.service;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/** The signed-in user's access token, which the portal passes to the gateway on the user's pages. */
@RequestScoped
public class UserToken {

    private final SecurityIdentity identity;

    UserToken(SecurityIdentity identity) {
        this.identity = identity;
    }

    public String value() {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        return credential == null ? null : credential.getToken();
    }
}
