package be.mhealth.pyramid.registry.api;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import be.mhealth.pyramid.events.Level;
import be.mhealth.pyramid.registry.domain.App;
import be.mhealth.pyramid.registry.domain.DelistingReason;
import be.mhealth.pyramid.registry.domain.LevelChange;
import be.mhealth.pyramid.registry.service.Viewer;

/** One change of an app's effective level. */
@Schema(name = "LevelChange", requiredProperties = { "causeEventId", "causeEventType", "actor", "reason", "changedAt" })
public record LevelChangeView(
        @Schema(description = "absent: no level") Level fromLevel,
        @Schema(description = "absent: no level") Level toLevel,
        String causeEventId,
        String causeEventType,
        @Schema(description = "who decided: for the owning vendor and the authorities the person (the assessor, the "
                + "vendor's user) or the service for an automatic expiry; for everyone else the authority (FAMHP, "
                + "eHealth platform, NIHDI/RIZIV) or the vendor's organization") String actor,
        @Schema(description = "what happened and why, e.g. \"M1 revoked: certificate suspended\"") String reason,
        @Schema(description = "on a change to no level: why the app left the catalog") DelistingReason delistingReason,
        OffsetDateTime changedAt) {

    static LevelChangeView of(LevelChange change, App app, Viewer viewer) {
        return new LevelChangeView(change.fromLevel, change.toLevel, change.causeEventId, change.causeEventType,
                viewer.levelActor(app, change.actor, change.causeEventType), change.summary(), change.delistingReason,
                change.changedAt);
    }
}
