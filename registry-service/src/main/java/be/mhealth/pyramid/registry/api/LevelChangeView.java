package be.mhealth.pyramid.registry.api;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.registry.domain.LevelChange;

/** One change of an app's effective level. */
@Schema(name = "LevelChange")
public record LevelChangeView(
        @Schema(description = "absent: no level") Level fromLevel,
        @Schema(description = "absent: no level") Level toLevel,
        String causeEventId,
        String causeEventType,
        @Schema(description = "who decided (the assessor, or the service for an automatic expiry)") String actor,
        String reason,
        OffsetDateTime changedAt) {

    static LevelChangeView of(LevelChange change) {
        return new LevelChangeView(change.fromLevel, change.toLevel, change.causeEventId, change.causeEventType,
                change.actor, change.reason, change.changedAt);
    }
}
