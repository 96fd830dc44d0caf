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

    /**
     * The certificate behind an active grant is no longer valid: its expiry date passed (recorded by the M1
     * service itself), or FAMHP established that it expired earlier than the dossier stated.
     * {@code certificateExpiredOn} is its last day of validity. {@code reason} and {@code decidedBy} were added
     * later: a consumer reading an older payload gets null for both.
     */
    public record M1Expired(UUID appId, UUID dossierId, LocalDate certificateExpiredOn, String reason,
            String decidedBy, Instant expiredAt) implements AppEvent {
    }
}
