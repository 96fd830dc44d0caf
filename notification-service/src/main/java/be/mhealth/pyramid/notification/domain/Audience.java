package be.mhealth.pyramid.notification.domain;

import java.util.Objects;

import be.mhealth.pyramid.events.Level;

/**
 * Whose subscription it is, and so what it may receive: a vendor organization hears about its own apps and dossiers;
 * an authority about its level ({@code level}), never about a vendor's drafts.
 *
 * @param owner the organization id of a vendor, the {@link Authority} name of an authority
 */
public record Audience(OwnerKind kind, String owner, Level level) {

    public Audience {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(owner);
        if ((kind == OwnerKind.AUTHORITY) != (level != null)) {
            throw new IllegalArgumentException("an authority's audience has a level, a vendor's has none");
        }
    }

    public static Audience vendor(String organization) {
        return new Audience(OwnerKind.VENDOR, organization, null);
    }

    public static Audience authority(Authority authority) {
        return new Audience(OwnerKind.AUTHORITY, authority.name(), authority.level());
    }

    public boolean isVendor() {
        return kind == OwnerKind.VENDOR;
    }
}
