package be.mhealth.pyramid.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import be.mhealth.pyramid.events.Limits.MaxItems;
import be.mhealth.pyramid.events.Limits.MaxLength;

/** Payloads of {@code m2.decisions.v1} (interoperability, eHealth platform). */
public final class M2Events {
    private M2Events() {
    }

    /** {@code criteriaMet}: names such as AUTHENTICATION, IDENTIFICATION, SECURITY. */
    public record M2Granted(UUID appId, UUID dossierId,
            @MaxItems(Limits.CRITERIA) List<@MaxLength(Limits.CRITERION) String> criteriaMet,
            @MaxLength(Limits.ACTOR) String decidedBy, Instant decidedAt) implements AppEvent {
    }

    public record M2Rejected(UUID appId, UUID dossierId, @MaxLength(Limits.REASON) String reason,
            @MaxLength(Limits.ACTOR) String decidedBy, Instant decidedAt) implements AppEvent {
    }

    public record M2Revoked(UUID appId, UUID dossierId, @MaxLength(Limits.REASON) String reason,
            @MaxLength(Limits.ACTOR) String decidedBy, Instant decidedAt) implements AppEvent {
    }
}
