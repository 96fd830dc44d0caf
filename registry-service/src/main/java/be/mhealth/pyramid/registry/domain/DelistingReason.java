package be.mhealth.pyramid.registry.domain;

import be.mhealth.pyramid.events.EventType;

/**
 * Why a formerly listed app left the catalog, as the public reads it: derived from the event that took its effective
 * level to none. Only the loss of M1 (or a market withdrawal) delists an app; losing M2 or M3 lowers its level.
 */
public enum DelistingReason {
    CERTIFICATE_EXPIRED,
    M1_REVOKED,
    WITHDRAWN_BY_VENDOR,
    /** A cause this version does not name (never expected: only the events above end M1). */
    OTHER;

    /** The reason for the event (CloudEvents type) that delisted an app. */
    public static DelistingReason of(String causeEventType) {
        return EventType.byCeType(causeEventType).map(type -> switch (type) {
            case M1_EXPIRED -> CERTIFICATE_EXPIRED;
            case M1_REVOKED -> M1_REVOKED;
            case APP_WITHDRAWN_FROM_MARKET -> WITHDRAWN_BY_VENDOR;
            default -> OTHER;
        }).orElse(OTHER);
    }
}
