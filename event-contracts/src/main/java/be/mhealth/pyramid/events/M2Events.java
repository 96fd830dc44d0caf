package be.mhealth.pyramid.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Payloads of {@code m2.decisions.v1} (interoperability, eHealth platform). */
public final class M2Events {
    private M2Events() {
    }

    /** {@code criteriaMet}: names such as AUTHENTICATION, IDENTIFICATION, SECURITY. */
    public record M2Granted(UUID appId, UUID dossierId, List<String> criteriaMet, String decidedBy,
            Instant decidedAt) implements AppEvent {
    }

    public record M2Rejected(UUID appId, UUID dossierId, String reason, String decidedBy, Instant decidedAt)
            implements AppEvent {
    }

    public record M2Revoked(UUID appId, UUID dossierId, String reason, String decidedBy, Instant decidedAt)
            implements AppEvent {
    }
}
