package be.mhealth.pyramid.registry.domain;

import java.util.Optional;

import be.mhealth.pyramid.events.EventType;

/** The authority behind each level, as public responses name it instead of the person who decided. */
public enum Authority {
    FAMHP("FAMHP"),
    EHEALTH("eHealth platform"),
    NIHDI("NIHDI/RIZIV");

    private final String publicName;

    Authority(String publicName) {
        this.publicName = publicName;
    }

    public String publicName() {
        return publicName;
    }

    /** The authority whose decision (or whose service's automatic act, e.g. an expiry) an event is; empty for others. */
    public static Optional<Authority> ofEvent(String ceType) {
        return EventType.byCeType(ceType).map(EventType::topic).flatMap(topic -> switch (topic) {
            case M1_DECISIONS -> Optional.of(FAMHP);
            case M2_DECISIONS -> Optional.of(EHEALTH);
            case M3_DECISIONS -> Optional.of(NIHDI);
            case REGISTRY_APPS -> Optional.<Authority>empty();
        });
    }
}
