package be.mhealth.pyramid.registry.service;

import java.util.Optional;

import be.mhealth.pyramid.registry.domain.App;
import be.mhealth.pyramid.registry.domain.Authority;
import be.mhealth.pyramid.support.security.Caller;
import be.mhealth.pyramid.support.security.Roles;

/**
 * Who reads an app record, and so what they see: the owning vendor (its organization's token) and the authorities'
 * assessors see who did what (user names) and the vendor's private texts; everyone else sees the organization or the
 * authority instead of a person, and never a private text.
 */
public record Viewer(Optional<String> organization, boolean authority) {

    /** An anonymous caller, or anyone neither owning nor assessing. */
    public static final Viewer PUBLIC = new Viewer(Optional.empty(), false);

    public static Viewer of(Caller caller) {
        return new Viewer(caller.isVendor() ? caller.organization() : Optional.empty(),
                caller.hasRole(Roles.FAMHP_ASSESSOR) || caller.hasRole(Roles.EHEALTH_ASSESSOR)
                        || caller.hasRole(Roles.NIHDI_ASSESSOR));
    }

    public boolean owns(App app) {
        return organization.map(app::ownedBy).orElse(false);
    }

    /** The owner and the authorities see people's names and the vendor's private texts. */
    public boolean seesNames(App app) {
        return authority || owns(app);
    }

    /** What a response shows as the actor of a vendor's act on {@code app}: the person, or the organization. */
    public String vendorActor(App app, String person) {
        return seesNames(app) ? person : app.organizationId;
    }

    /**
     * What a response shows as the actor of a level change: the person (or system client) for those who see names;
     * otherwise the authority whose decision it was, or the organization for the vendor's own acts.
     */
    public String levelActor(App app, String person, String causeEventType) {
        if (seesNames(app)) {
            return person;
        }
        return Authority.ofEvent(causeEventType).map(Authority::publicName).orElse(app.organizationId);
    }
}
