package be.mhealth.pyramid.events;

import java.util.Optional;

/**
 * Every event the platform publishes: its CloudEvents {@code type}, its topic and its payload record.
 */
public enum EventType {
    APP_REGISTERED(Topic.REGISTRY_APPS, "registry.app.registered", RegistryEvents.AppRegistered.class),
    APP_UPDATED(Topic.REGISTRY_APPS, "registry.app.updated", RegistryEvents.AppUpdated.class),
    APP_LEVEL_CHANGED(Topic.REGISTRY_APPS, "registry.app.level-changed", RegistryEvents.AppLevelChanged.class),
    APP_VERSION_DECLARED(Topic.REGISTRY_APPS, "registry.app.version-declared", RegistryEvents.AppVersionDeclared.class),
    APP_WITHDRAWN_FROM_MARKET(Topic.REGISTRY_APPS, "registry.app.withdrawn-from-market",
            RegistryEvents.AppWithdrawnFromMarket.class),

    M1_GRANTED(Topic.M1_DECISIONS, "m1.granted", M1Events.M1Granted.class),
    M1_REJECTED(Topic.M1_DECISIONS, "m1.rejected", M1Events.M1Rejected.class),
    M1_REVOKED(Topic.M1_DECISIONS, "m1.revoked", M1Events.M1Revoked.class),
    M1_EXPIRED(Topic.M1_DECISIONS, "m1.expired", M1Events.M1Expired.class),
    M1_CERTIFICATE_EXTENDED(Topic.M1_DECISIONS, "m1.certificate-extended", M1Events.M1CertificateExtended.class),
    M1_CERTIFICATE_EXPIRING(Topic.M1_DECISIONS, "m1.certificate-expiring", M1Events.M1CertificateExpiring.class),
    M1_DOSSIER_STATE_CHANGED(Topic.M1_DECISIONS, "m1.dossier-state-changed", DossierEvents.DossierStateChanged.class),

    M2_GRANTED(Topic.M2_DECISIONS, "m2.granted", M2Events.M2Granted.class),
    M2_REJECTED(Topic.M2_DECISIONS, "m2.rejected", M2Events.M2Rejected.class),
    M2_REVOKED(Topic.M2_DECISIONS, "m2.revoked", M2Events.M2Revoked.class),
    M2_DOSSIER_STATE_CHANGED(Topic.M2_DECISIONS, "m2.dossier-state-changed", DossierEvents.DossierStateChanged.class),

    M3_GRANTED(Topic.M3_DECISIONS, "m3.granted", M3Events.M3Granted.class),
    M3_DECLINED(Topic.M3_DECISIONS, "m3.declined", M3Events.M3Declined.class),
    M3_ENDED(Topic.M3_DECISIONS, "m3.ended", M3Events.M3Ended.class),
    M3_DOSSIER_STATE_CHANGED(Topic.M3_DECISIONS, "m3.dossier-state-changed", DossierEvents.DossierStateChanged.class);

    public static final String TYPE_PREFIX = "be.mhealth.pyramid.";
    public static final String TYPE_SUFFIX = ".v1";

    private final Topic topic;
    private final String ceType;
    private final Class<? extends AppEvent> payloadType;

    EventType(Topic topic, String name, Class<? extends AppEvent> payloadType) {
        this.topic = topic;
        this.ceType = TYPE_PREFIX + name + TYPE_SUFFIX;
        this.payloadType = payloadType;
    }

    public Topic topic() {
        return topic;
    }

    /** The CloudEvents {@code type}, e.g. {@code be.mhealth.pyramid.m1.granted.v1}. */
    public String ceType() {
        return ceType;
    }

    public Class<? extends AppEvent> payloadType() {
        return payloadType;
    }

    /** The type for a CloudEvents {@code type}; empty for a type this version does not know. */
    public static Optional<EventType> byCeType(String ceType) {
        for (EventType t : values()) {
            if (t.ceType.equals(ceType)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** The type of a payload; a payload record shared by the levels is told apart by its level. */
    public static EventType of(AppEvent payload) {
        for (EventType t : values()) {
            if (t.payloadType == payload.getClass() && (!(payload instanceof DossierEvents.DossierStateChanged changed)
                    || t.topic == Topic.decisionsOf(changed.level()))) {
                return t;
            }
        }
        throw new IllegalArgumentException("no event type for " + payload.getClass().getName());
    }
}
