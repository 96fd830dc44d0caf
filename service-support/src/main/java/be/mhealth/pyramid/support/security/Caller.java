package be.mhealth.pyramid.support.security;

import java.util.Collection;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import be.mhealth.pyramid.events.DossierEvents.ActedBy;
import be.mhealth.pyramid.events.Limits;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling: the token's user (or client, for an authority system) and, for vendors, the
 * organization the token carries in its {@code organization} claim.
 */
@RequestScoped
public class Caller {

    public static final String ORGANIZATION_CLAIM = "organization";

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    /** The name recorded on decisions and transitions: the user name, or the client id of a system. */
    public String name() {
        Optional<JsonWebToken> jwt = jwt();
        if (jwt.isPresent()) {
            for (String claim : new String[] { "preferred_username", "azp", "sub" }) {
                Object value = jwt.get().getClaim(claim);
                if (value != null && !value.toString().isBlank()) {
                    return value.toString();
                }
            }
        }
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /**
     * The caller as the actor of a change: its {@link #name()} and its kind by role (a vendor, an authority's
     * assessor or system client, a test centre).
     */
    public Actor actor() {
        String kind;
        if (hasRole(Roles.VENDOR)) {
            kind = ActedBy.VENDOR;
        } else if (hasRole(Roles.TEST_CENTRE)) {
            kind = ActedBy.TEST_CENTRE;
        } else if (hasRole(Roles.FAMHP_ASSESSOR) || hasRole(Roles.EHEALTH_ASSESSOR) || hasRole(Roles.NIHDI_ASSESSOR)) {
            kind = ActedBy.AUTHORITY;
        } else {
            throw new ForbiddenException("your role cannot change a dossier");
        }
        return new Actor(name(), kind);
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isVendor() {
        return hasRole(Roles.VENDOR);
    }

    public Optional<String> organization() {
        Object claim = jwt().map(t -> (Object) t.getClaim(ORGANIZATION_CLAIM)).orElse(null);
        if (claim instanceof Collection<?> values) {
            claim = values.isEmpty() ? null : values.iterator().next();
        }
        String value = claim == null ? null : claim.toString().replace("\"", "").trim();
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    /** The vendor's organization; 403 when the token carries none, or one longer than the events can carry. */
    public String requireOrganization() {
        String organization = organization().orElseThrow(
                () -> new ForbiddenException("the token carries no organization; vendor accounts need one"));
        if (organization.length() > Limits.ORGANIZATION_ID) {
            throw new ForbiddenException("the token's organization is longer than " + Limits.ORGANIZATION_ID
                    + " characters");
        }
        return organization;
    }

    private Optional<JsonWebToken> jwt() {
        return identity.getPrincipal() instanceof JsonWebToken token ? Optional.of(token) : Optional.empty();
    }
}
