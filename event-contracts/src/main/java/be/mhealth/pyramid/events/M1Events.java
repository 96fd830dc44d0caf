package be.mhealth.pyramid.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Payloads of {@code m1.decisions.v1} (CE marking, FAMHP). */
public final class M1Events {
    private M1Events() {
    }

    public record M1Granted(UUID appId, UUID dossierId, String regulation, String deviceClass,
            String certificateNumber, LocalDate certificateExpiresOn, String decidedBy, Instant decidedAt)
            implements AppEvent {
    }

    public record M1Rejected(UUID appId, UUID dossierId, String reason, String decidedBy, Instant decidedAt)
            implements AppEvent {
    }

    public record M1Revoked(UUID appId, UUID dossierId, String reason, String decidedBy, Instant decidedAt)
            implements AppEvent {
    }

    /** The certificate behind an active grant passed its expiry date. */
    public record M1Expired(UUID appId, UUID dossierId, LocalDate certificateExpiredOn, Instant expiredAt)
            implements AppEvent {
    }
}
