package be.mhealth.pyramid.events;

import java.time.Instant;
import java.util.UUID;

import be.mhealth.pyramid.events.Limits.MaxLength;

/** Payloads that every level service publishes the same way on its own decisions topic. */
public final class DossierEvents {
    private DossierEvents() {
    }

    /** Who made a dossier's state change: never a person's name, only the kind of actor. */
    public static final class ActedBy {
        public static final String VENDOR = "VENDOR";
        public static final String AUTHORITY = "AUTHORITY";
        public static final String TEST_CENTRE = "TEST_CENTRE";
        public static final String SYSTEM = "SYSTEM";

        private ActedBy() {
        }
    }

    /**
     * A dossier of {@code level} moved from {@code from} to {@code to} by {@code action} (the level's UPPER_SNAKE state
     * and action names; {@code from} is null for the creation). Every transition of every level publishes one, in the
     * transaction that makes it; the decision events (granted, revoked …) stay the registry's facts.
     */
    public record DossierStateChanged(UUID appId, UUID dossierId,
            @MaxLength(Limits.ORGANIZATION_ID) String organizationId,
            Level level,
            @MaxLength(Limits.DOSSIER_STATE) String from,
            @MaxLength(Limits.DOSSIER_STATE) String to,
            @MaxLength(Limits.DOSSIER_ACTION) String action,
            @MaxLength(Limits.ACTED_BY) String actedBy,
            @MaxLength(Limits.REASON) String reason,
            Instant at) implements AppEvent {
    }
}
