package be.mhealth.pyramid.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Payloads of {@code registry.apps.v1}. Each carries the owner and current effective level. */
public final class RegistryEvents {
    private RegistryEvents() {
    }

    /** A vendor registered a new app (no level yet). */
    public record AppRegistered(UUID appId, String organizationId, Map<String, String> name, String category,
            Level effectiveLevel, Instant registeredAt) implements AppEvent {
    }

    /** The listing data of an app changed. */
    public record AppUpdated(UUID appId, String organizationId, Map<String, String> name, String category,
            Level effectiveLevel, Instant updatedAt) implements AppEvent {
    }

    /** The app's effective level changed; {@code null} means "no level" (not listed). */
    public record AppLevelChanged(UUID appId, String organizationId, Level fromLevel, Level effectiveLevel,
            String causeEventId, String causeEventType, Instant changedAt) implements AppEvent {
    }
}
