package be.mhealth.pyramid.support.security;

import be.mhealth.pyramid.events.DossierEvents.ActedBy;

/**
 * Who made a change: {@code name} is what the history keeps (the user name, the client id of an authority's system,
 * or the service itself for a scheduled job); {@code kind} is what events carry instead of a name
 * ({@link ActedBy}: VENDOR, AUTHORITY, TEST_CENTRE, SYSTEM).
 */
public record Actor(String name, String kind) {

    /** The service itself (a scheduled job), under its service name. */
    public static Actor system(String serviceName) {
        return new Actor(serviceName, ActedBy.SYSTEM);
    }
}
